import { formatNumber } from '../../lib/format.ts';
import type { NpeRunSummary } from '../../model/NpeRun.ts';
import type { ParameterSpec } from '../../../core/sim/types.ts';

/** Posterior mean (the point estimate), std and 5–95 % interval per parameter, with the prior box and truth. */
export function PosteriorTable({ npe, parameters, truth }: { npe: NpeRunSummary; parameters: ParameterSpec[]; truth: Record<string, number> | null }) {
  const p = npe.posterior;
  return (
    <table className="data" data-testid="npe.posteriorTable">
      <thead>
        <tr>
          <th>parameter</th>
          <th className="num">mean</th>
          <th className="num">std</th>
          <th className="num">5 %</th>
          <th className="num">95 %</th>
          <th className="num">prior box</th>
          {truth && <th className="num">true value</th>}
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
              <td className="num"><strong>{formatNumber(p.mean[k])}</strong></td>
              <td className="num">{formatNumber(p.std[k])}</td>
              <td className="num">{formatNumber(p.q05[k])}</td>
              <td className="num">{formatNumber(p.q95[k])}</td>
              <td className="num muted">{spec ? `[${formatNumber(spec.min)}, ${formatNumber(spec.max)}]` : ''}</td>
              {truth && (
                <td className="num" title={inside ? 'inside the 5–95 % interval' : 'outside the 5–95 % interval'} style={inside ? undefined : { color: 'var(--danger)' }}>
                  {formatNumber(t)} {t !== undefined && (inside ? '✓' : '✗ outside')}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
