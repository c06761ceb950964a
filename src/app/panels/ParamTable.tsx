import { formatNumber } from '../lib/format.ts';
import type { ParamRow } from '../store/selectors.ts';

/** Where a value sits in its prior box, as a small bar (true value marked). */
function BoxBar({ row }: { row: ParamRow }) {
  const pos = (v: number | undefined) => (v === undefined ? undefined : Math.max(0, Math.min(1, (v - row.min) / (row.max - row.min))));
  const v = pos(row.value);
  const t = pos(row.truth);
  return (
    <div style={{ position: 'relative', height: 10, minWidth: 120, background: 'var(--surface-2)', border: '1px solid var(--border)', borderRadius: 5 }} aria-hidden="true">
      {t !== undefined && <div style={{ position: 'absolute', left: `${t * 100}%`, top: -3, bottom: -3, width: 2, background: 'var(--success)' }} />}
      {v !== undefined && <div style={{ position: 'absolute', left: `calc(${v * 100}% - 5px)`, top: 0, width: 10, height: 8, borderRadius: 4, background: 'var(--accent)' }} />}
    </div>
  );
}

/** Calibrated parameters next to their prior bounds and, for benchmarks, the true values. */
export function ParamTable({ rows, testId }: { rows: ParamRow[]; testId?: string }) {
  const hasTruth = rows.some((r) => r.truth !== undefined);
  return (
    <table className="data" data-testid={testId}>
      <thead>
        <tr>
          <th>parameter</th>
          <th className="num">prior min</th>
          <th className="num">prior max</th>
          <th className="num">initial</th>
          <th className="num">calibrated</th>
          {hasTruth && <th className="num">true</th>}
          <th style={{ width: '28%' }}>position in prior box {hasTruth && <span style={{ color: 'var(--success)' }}>(│ true)</span>}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name} title={r.description}>
            <td className="mono">{r.name}</td>
            <td className="num">{formatNumber(r.min)}</td>
            <td className="num">{formatNumber(r.max)}</td>
            <td className="num">{formatNumber(r.init)}</td>
            <td className="num" data-testid={`param.${r.name}.value`}>
              <strong>{formatNumber(r.value)}</strong>
            </td>
            {hasTruth && <td className="num">{formatNumber(r.truth)}</td>}
            <td>
              <BoxBar row={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
