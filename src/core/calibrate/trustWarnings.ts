import type { SearchSummary } from './Calibrator.ts';
import type { ParameterIdentifiability } from './identifiability.ts';

/** Something the user (and the LLM's reflection) should know about a calibration before trusting it. */
export interface CalibrationWarning {
  kind: 'all-failed' | 'some-failed' | 'still-improving' | 'at-bound' | 'unidentified' | 'trades-off' | 'above-noise-floor';
  parameter?: string;
  message: string;
}

/** A validation one-step W1 above this multiple of the simulator's own noise is flagged. */
export const NOISE_RATIO_WARNING = 1.5;

/** What {@link calibrationWarnings} looks at; every field but `bestFitness` may be absent. */
export interface TrustInput {
  bestFitness: number;
  failures?: number;
  candidates?: number;
  firstError?: string;
  identifiability?: readonly ParameterIdentifiability[];
  /** How the search spent its budget (GA/CMA-ES): a search cut off while still improving is flagged. */
  search?: Pick<SearchSummary, 'candidates'> & Partial<Pick<SearchSummary, 'stoppedBy' | 'capExtensions' | 'stillImproving'>>;
  /**
   * Validation one-step W1 (mean distance of a simulated next state to the observed one) over the
   * simulator's own noise floor (mean distance between two simulated next states): ≈ 1 for a simulator
   * whose spread matches the data, ≫ 1 when its predictions miss by more than its own noise.
   */
  noiseRatio?: number;
}

/**
 * The trust signals after a calibration (issue #14): every candidate failed; some failed; a value at
 * a prior bound (the box may be too narrow, or the parameter is pushed to switch a mechanism off); a
 * parameter the data do not pin down, or that trades off with another; and a fit whose validation
 * error is far above its own noise (the structure is missing something calibration cannot fix).
 */
export function calibrationWarnings(t: TrustInput): CalibrationWarning[] {
  const out: CalibrationWarning[] = [];
  if (!Number.isFinite(t.bestFitness)) {
    out.push({ kind: 'all-failed', message: `every candidate failed, so no parameters were calibrated${t.firstError ? ` (first error: ${t.firstError})` : ''}` });
    return out;
  }
  if (t.failures && t.failures > 0) {
    const share = t.candidates ? ` (${((100 * t.failures) / t.candidates).toFixed(1)} % of ${t.candidates.toLocaleString('en')})` : '';
    out.push({ kind: 'some-failed', message: `${t.failures.toLocaleString('en')} candidates failed${share}${t.firstError ? `; first error: ${t.firstError}` : ''}` });
  }
  if (t.search?.stoppedBy === 'budget' && t.search.stillImproving) {
    const extended = t.search.capExtensions ? ` (the cap was already extended ${t.search.capExtensions === 1 ? 'once' : `${t.search.capExtensions} times`})` : '';
    out.push({ kind: 'still-improving', message: `the search was still improving when its budget of ${t.search.candidates.toLocaleString('en')} candidates ran out${extended}: the fit may not be the best this structure can do; raise the candidate cap (--max-candidates)` });
  }
  for (const p of t.identifiability ?? []) {
    if (p.atBound) {
      out.push({ kind: 'at-bound', parameter: p.name, message: `${p.name} = ${fmt(p.value)} sits at the ${p.atBound} bound of its prior box: widen the box if values beyond it are plausible, or check whether the mechanism it controls is needed` });
    }
    if (p.status === 'unidentified') {
      out.push({ kind: 'unidentified', parameter: p.name, message: `${p.name} is not pinned down by the data (±${fmt(p.width)}, ${(100 * p.relativeWidth).toFixed(0)} % of its box): its value is arbitrary; fix it or drop it` });
    }
    if (p.tradesOffWith && p.name < p.tradesOffWith) {
      // After a GA or CMA-ES fit (curvature), NPE is the better tool for such a pair: on the suite's two
      // trade-off pairs, five seeds each, gene expression GA 1.161 (worst 1.263), CMA-ES 1.109 (1.372),
      // NPE 1.055 (1.079) × the noise floor; flow balance 1.054 (1.224), 1.110 (1.291), 1.054 (1.083)
      // (src/core/calibrate/README.md).
      const hint = p.source === 'curvature' ? '; NPE fits such pairs more reliably, and its posterior shows the trade-off' : '';
      out.push({ kind: 'trades-off', parameter: p.name, message: `${p.name} and ${p.tradesOffWith} trade off against each other: the data pin down a combination of them, not each one${hint}` });
    }
  }
  if (t.noiseRatio !== undefined && Number.isFinite(t.noiseRatio) === false && t.noiseRatio > 0) {
    out.push({ kind: 'above-noise-floor', message: 'the simulator is deterministic at the fit but the data are noisy: its one-step predictions cannot match the spread of the data' });
  } else if (t.noiseRatio !== undefined && t.noiseRatio > NOISE_RATIO_WARNING) {
    out.push({ kind: 'above-noise-floor', message: `validation one-step error is ${t.noiseRatio.toFixed(2)}× the simulator's own noise (≈ 1 when it fits): the structure misses something calibration cannot fix` });
  }
  return out;
}

function fmt(x: number): string {
  return Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(2) : Number(x.toPrecision(3)).toString();
}
