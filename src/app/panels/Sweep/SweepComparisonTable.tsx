import type { SweepTable } from '../../../core/sweep/aggregateSweep.ts';
import { formatNumber } from '../../lib/format.ts';

/**
 * Methods × benchmarks: test W1 mean ± std over seeds beside the row's noise floor, the best mean of
 * each row marked (bold and a ★ that screen readers announce as "best").
 */
export function SweepComparisonTable({ table }: { table: SweepTable }) {
  return (
    <table className="data" data-testid="sweep.table">
      <thead>
        <tr>
          <th>benchmark</th>
          <th className="num" title="The ground truth scored against itself at the same sizes: what a perfect fit scores">
            noise floor
          </th>
          {table.columns.map((c) => (
            <th key={c.label} className="num">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.case} data-testid="sweep.row">
            <td className="mono">{r.case}</td>
            <td className="num" data-testid="sweep.floor">
              {formatNumber(r.floor)}
            </td>
            {r.stats.map((s, i) => (
              <td key={table.columns[i].label} className="num" data-testid="sweep.cell" data-best={s?.best ? 'true' : undefined}>
                {!s ? '–' : s.n === 0 ? `failed (${s.cells})` : (
                  <>
                    {s.best ? <strong>{formatNumber(s.mean)}</strong> : formatNumber(s.mean)} ± {formatNumber(s.std)}
                    {s.n < s.cells && <span className="muted"> ({s.n} of {s.cells})</span>}
                    {s.best && <span aria-label="best"> ★</span>}
                  </>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
