import type { SweepCell } from './SweepGrid.ts';
import type { SweepCellResult } from './SweepResults.ts';

/**
 * Seconds the cells still to run will take, each estimated by the mean time of finished cells of the
 * same row and method, else of the same method, else of all cells (a hospital NPE cell takes many times
 * a COVID GA one, so one overall mean would promise minutes for an hour of work). NaN before any cell.
 */
export function estimateSecondsLeft(todo: readonly SweepCell[], done: readonly SweepCellResult[]): number {
  if (done.length === 0) return NaN;
  const mean = (xs: readonly SweepCellResult[]) => xs.reduce((a, c) => a + c.seconds, 0) / xs.length;
  const overall = mean(done);
  let total = 0;
  for (const cell of todo) {
    const same = done.filter((c) => c.case === cell.case && c.method === cell.method);
    const method = same.length ? same : done.filter((c) => c.method === cell.method);
    total += method.length ? mean(method) : overall;
  }
  return total;
}
