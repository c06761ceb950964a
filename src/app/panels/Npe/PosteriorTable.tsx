import { formatNumber } from '../../lib/format.ts';
import type { NpeRunSummary } from '../../model/NpeRun.ts';
import type { ParameterSpec } from '../../../core/sim/types.ts';

/** Posterior mean (the point estimate), std and 5–95 % interval per parameter, with the prior box and truth. */
export function PosteriorTable({ npe, parameters, truth }: { npe: NpeRunSummary; parameters: ParameterSpec[]; truth: Record<string, number> | null }) {
  const p = npe.posterior;
  return (
    <table className="table" data-testid="npe.posteriorTable">
      <thead>
        <tr>
          <th>parameter</th><th>mean</th><th>std</th><th>5 %</th><th>95 %</th><th>prior</th>{truth && <th>true</th>}
        </tr>
      </thead>
      <tbody>
        {p.names.map((n, k) => {
          const spec = parameters.find((x) => x.name === n);
          const t = truth?.[n];
          const inside = t !== undefined && t >= p.q05[k] && t <= p.q95[k];
          return (
            <tr key={n} data-testid={`npe.row.${n}`} data-mean={p.mean[k]} data-q05={p.q05[k]} data-q95={p.q95[k]}>
              <td className="mono">{n}</td>
              <td className="mono">{formatNumber(p.mean[k])}</td>
              <td className="mono">{formatNumber(p.std[k])}</td>
              <td className="mono">{formatNumber(p.q05[k])}</td>
              <td className="mono">{formatNumber(p.q95[k])}</td>
              <td className="mono muted">{spec ? `[${formatNumber(spec.min)}, ${formatNumber(spec.max)}]` : ''}</td>
              {truth && <td className="mono" title={inside ? 'inside the 5–95 % interval' : 'outside the 5–95 % interval'}>{formatNumber(t)} {t !== undefined && (inside ? '✓' : '✗')}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
