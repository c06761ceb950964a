import type { ParameterIdentifiability } from '../../../core/calibrate/identifiability.ts';
import { posteriorIdentifiability } from '../../../core/calibrate/posteriorIdentifiability.ts';
import { calibrationWarnings, type CalibrationWarning } from '../../../core/calibrate/trustWarnings.ts';
import { formatNumber } from '../../lib/format.ts';
import type { RunRecord } from '../../model/RunRecord.ts';

const STATUS_BADGE = { identified: 'ok', weak: 'run', unidentified: 'err' } as const;

/** Per parameter: the probe's result (GA/CMA-ES) or the posterior's widths (NPE); empty when unknown. */
export function runIdentifiability(run: RunRecord): ParameterIdentifiability[] {
  if (run.identifiability) return run.identifiability;
  const posterior = run.npe?.posterior;
  return posterior && posterior.mean.length === run.parameters.length ? posteriorIdentifiability(run.parameters, posterior) : [];
}

/** The run's warnings, with the validation noise ratio once its diagnostics are in. */
export function runWarnings(run: RunRecord): CalibrationWarning[] {
  const noiseRatio = run.diagnostics?.validation?.noiseRatio;
  const identifiability = runIdentifiability(run);
  if (identifiability.length === 0 && run.warnings === undefined && noiseRatio === undefined && run.status !== 'failed') return [];
  return calibrationWarnings({
    bestFitness: run.status === 'failed' ? Infinity : (run.bestFitness ?? Infinity),
    failures: run.failures,
    candidates: run.search?.candidates,
    firstError: run.firstError,
    identifiability,
    noiseRatio,
    search: run.search,
  });
}

const NOISE_WARNING = 'above-noise-floor';

/** A ratio stored for "infinitely many times" (a deterministic simulator on noisy data; JSON has no Infinity). */
const DETERMINISTIC = 1e300;

/**
 * The validation one-step error as a multiple of the simulator's own noise, the reference for a good
 * fit (about 1); in the warning colour, with what it means, when the trust checks flag it.
 */
function NoiseRatioLine({ ratio, flagged, testId }: { ratio: number; flagged: boolean; testId: string }) {
  return (
    <p className="text-small" style={{ marginTop: 'var(--space-2)', ...(flagged ? { color: 'var(--danger)' } : {}) }} data-testid={testId} data-flagged={flagged}>
      {ratio >= DETERMINISTIC ? (
        <>The simulator is deterministic at the fit but the data are noisy: its one-step predictions cannot match the spread of the data.</>
      ) : (
        <>
          Validation one-step error is <strong className="mono">{formatNumber(ratio)}×</strong> the simulator’s own noise (about 1 when the fit is as good as the noise allows)
          {flagged ? ': the structure misses something calibration cannot fix.' : '.'}
        </>
      )}
    </p>
  );
}

/**
 * Trust signals of a calibration (issue #14): per parameter, how well the data pin it down (± two
 * standard errors from the fitness curvature, or half the 5–95 % posterior interval for NPE), whether
 * it sits at a prior bound or trades off with another, and the warnings, including a validation error
 * far above the simulator's own noise. Shown in the Calibrate and Diagnostics panels.
 */
export function IdentifiabilityCard({ run, testId }: { run: RunRecord; testId: string }) {
  const rows = runIdentifiability(run);
  const warnings = runWarnings(run);
  const ratio = run.diagnostics?.validation?.noiseRatio;
  if (rows.length === 0 && warnings.length === 0 && ratio === undefined) return null;
  // The ratio's own line says it when it is too high; the list would repeat the same number.
  const listed = ratio === undefined ? warnings : warnings.filter((w) => w.kind !== NOISE_WARNING);
  return (
    <div className="card" data-testid={testId} data-warnings={warnings.map((w) => w.kind).join(' ')}>
      <h3>Can the data pin the parameters down?</h3>
      {/* `data`, the studio's table style: the class named here before, `table`, had no style at all. */}
      {rows.length > 0 && (
        <table className="data text-small" data-testid={`${testId}.table`}>
          <thead>
            <tr>
              <th>parameter</th>
              <th className="num">value</th>
              <th className="num" title={rows[0].source === 'posterior' ? 'half the 5–95 % posterior interval' : 'two standard errors from the curvature of the training fitness'}>±</th>
              <th className="num">of its box</th>
              <th>status</th>
              <th>note</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.name} data-testid={`${testId}.row.${p.name}`} data-status={p.status}>
                <td className="mono">{p.name}</td>
                <td className="num">{formatNumber(p.value)}</td>
                <td className="num">{formatNumber(p.width)}</td>
                <td className="num">{(100 * p.relativeWidth).toFixed(1)} %</td>
                <td>
                  <span className={`badge ${STATUS_BADGE[p.status]}`}>{p.status}</span>
                </td>
                <td className="muted">{[p.atBound ? `at the ${p.atBound} bound` : '', p.tradesOffWith ? `trades off with ${p.tradesOffWith}` : ''].filter(Boolean).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ratio !== undefined && <NoiseRatioLine ratio={ratio} flagged={warnings.some((w) => w.kind === NOISE_WARNING)} testId={`${testId}.noiseRatio`} />}
      {listed.length > 0 && (
        <ul className="text-small" style={{ color: 'var(--danger)' }} data-testid={`${testId}.warnings`}>
          {listed.map((w, i) => (
            <li key={i} data-kind={w.kind}>
              {w.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
