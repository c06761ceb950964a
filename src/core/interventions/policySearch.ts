import type { CancelSignal } from '../util/CancelSignal.ts';
import type { CellCost, GridCell, PolicyGrid } from './PolicyGrid.ts';

/** The result of a grid search. */
export interface PolicySearchResult {
  grid: string;
  xName: string;
  yName: string;
  xValues: number[];
  yValues: number[];
  /** Expected cost, `mean[i][j]` for x.values[i] and y.values[j]; NaN for cells not run (cancelled). */
  mean: number[][];
  stdError: number[][];
  /** Means of the `define`d quantities per cell, `defines[name][i][j]`. */
  defines: Record<string, number[][]>;
  /** The cell with the least expected cost (first in row-major order on ties); null when no cell ran. */
  optimum: { i: number; j: number; x: number; y: number; cost: number } | null;
  cellsDone: number;
  cancelled: boolean;
}

/** Options of {@link policySearch}. */
export interface PolicySearchOptions {
  /** Checked before each cell starts; a cancelled search returns the cells done so far. */
  signal?: CancelSignal;
  /** Called after each cell with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Cells evaluated at once (for a pool: its size). Default 1. */
  concurrency?: number;
}

/**
 * Grid search over two knobs: evaluates every cell's expected cost with `evaluateCell` (locally
 * {@link policyCell}; in the studio and CLI possibly a worker of the pool) and returns the cost matrix
 * and the optimum. Cells run in row-major order, `concurrency` at a time; errors propagate.
 * @example
 * const res = await policySearch(grid, (c) => policyCell(sim, params, grid, c, opts));
 * res.optimum; // { i, j, x, y, cost }
 */
export async function policySearch(
  grid: PolicyGrid, evaluateCell: (cell: GridCell) => CellCost | Promise<CellCost>, opts: PolicySearchOptions = {},
): Promise<PolicySearchResult> {
  const nx = grid.x.values.length;
  const ny = grid.y.values.length;
  if (nx === 0 || ny === 0) throw new RangeError(`policySearch: grid "${grid.name}" needs at least one value per knob`);
  const nan = () => Array.from({ length: nx }, () => new Array<number>(ny).fill(NaN));
  const mean = nan();
  const stdError = nan();
  const defines: Record<string, number[][]> = Object.fromEntries(Object.keys(grid.define ?? {}).map((k) => [k, nan()]));
  const cells: GridCell[] = [];
  for (let i = 0; i < nx; i++) for (let j = 0; j < ny; j++) cells.push({ i, j });
  let next = 0;
  let done = 0;
  let cancelled = false;
  const worker = async () => {
    while (next < cells.length) {
      if (opts.signal?.aborted) {
        cancelled = true;
        return;
      }
      const cell = cells[next++];
      const c = await evaluateCell(cell);
      mean[cell.i][cell.j] = c.mean;
      stdError[cell.i][cell.j] = c.stdError;
      for (const [k, v] of Object.entries(c.defines)) if (defines[k]) defines[k][cell.i][cell.j] = v;
      done++;
      opts.onProgress?.(done, cells.length);
    }
  };
  const lanes = Math.max(1, Math.min(cells.length, Math.floor(opts.concurrency ?? 1)));
  await Promise.all(Array.from({ length: lanes }, worker));
  return {
    grid: grid.name, xName: grid.x.name, yName: grid.y.name, xValues: [...grid.x.values], yValues: [...grid.y.values],
    mean, stdError, defines, optimum: argmin(mean, grid), cellsDone: done, cancelled,
  };
}

/** The least finite entry (row-major first on ties). */
function argmin(mean: number[][], grid: PolicyGrid): PolicySearchResult['optimum'] {
  let best: PolicySearchResult['optimum'] = null;
  mean.forEach((row, i) =>
    row.forEach((cost, j) => {
      if (Number.isFinite(cost) && (best === null || cost < best.cost)) best = { i, j, x: grid.x.values[i], y: grid.y.values[j], cost };
    }),
  );
  return best;
}
