import type { SweepCellResult } from '../../../core/sweep/SweepResults.ts';
import { METHOD_LABELS } from '../../../core/sweep/SweepGrid.ts';
import { formatNumber, formatSeconds } from '../../lib/format.ts';

/** Rows drawn at most: a file may hold 10,000 cells; the table stays responsive and says what it left out. */
const MAX_ROWS = 300;

/** Every cell of a sweep: its fitted parameters, test W1, time, and whether it ran locally or on a queue. */
export function SweepCellsTable({ cells }: { cells: readonly SweepCellResult[] }) {
  const shown = cells.slice(0, MAX_ROWS);
  return (
    <>
      <table className="data" data-testid="sweep.cells">
        <thead>
          <tr>
            <th>benchmark</th>
            <th>method</th>
            <th>budget</th>
            <th className="num">seed</th>
            <th className="num">W1 (test)</th>
            <th className="num">rollout W1 (val)</th>
            <th className="num">time</th>
            <th>ran on</th>
            <th>parameters</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((c, i) => (
            <tr key={i} data-testid="sweep.cellRow" data-status={c.status}>
              <td className="mono">{c.case}</td>
              <td>{METHOD_LABELS[c.method]}</td>
              <td>{c.method === 'npe' ? '–' : c.budget}</td>
              <td className="num">{c.seed}</td>
              <td className="num" title={c.error ?? undefined}>
                {c.status === 'failed' ? <span className="badge err">failed</span> : formatNumber(c.testW1)}
              </td>
              <td className="num">{formatNumber(c.val?.rolloutW1)}</td>
              <td className="num">{formatSeconds(c.seconds)}</td>
              <td>
                <span className={`badge${c.ranOn === 'queue' ? ' run' : ''}`} data-testid="sweep.ranOn">
                  {c.ranOn}
                </span>
              </td>
              <td className="text-small mono">
                {Object.entries(c.params)
                  .map(([k, v]) => `${k}=${formatNumber(v)}`)
                  .join(', ') || '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {cells.length > MAX_ROWS && (
        <p className="text-small muted" data-testid="sweep.cellsMore">
          {cells.length - MAX_ROWS} more cells are in the file (not drawn).
        </p>
      )}
    </>
  );
}
