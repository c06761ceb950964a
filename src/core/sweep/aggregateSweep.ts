import type { BudgetMode } from '../calibrate/budget.ts';
import { METHOD_LABELS, type SweepMethod } from './SweepGrid.ts';
import type { SweepCellResult, SweepFloor } from './SweepResults.ts';

/** A column of the table: one method under one budget mode. */
export interface SweepColumn {
  method: SweepMethod;
  budget: BudgetMode;
  /** `GA`, or `GA (paper)` when the sweep has several budgets; NPE never has a budget suffix. */
  label: string;
}

/** Test W1 over a row × column's seeds (finished cells with a W1 only). */
export interface SweepStat {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for one seed. */
  std: number;
  /** Seeds that contributed, of `cells` finished (failed ones and those without a W1 do not). */
  n: number;
  cells: number;
  /** Lowest mean of its row. */
  best: boolean;
  meanSeconds: number;
}

export interface SweepRow {
  case: string;
  floor: number | null;
  stats: (SweepStat | null)[];
}

export interface SweepTable {
  columns: SweepColumn[];
  rows: SweepRow[];
}

/**
 * The paper's Table 2 / 5 shape: rows are cases (benchmarks or datasets) in the order given, columns
 * methods (× budgets), each cell the test W1 mean ± std over seeds, with the row's noise floor. The
 * lowest mean of each row is marked best (ties: all of them).
 */
export function aggregateSweep(
  cases: readonly string[],
  columns: readonly { method: SweepMethod; budget: BudgetMode }[],
  cells: readonly SweepCellResult[],
  floors: readonly SweepFloor[],
): SweepTable {
  const severalBudgets = new Set(columns.map((c) => c.budget)).size > 1;
  const cols = columns.map((c) => ({ ...c, label: METHOD_LABELS[c.method] + (severalBudgets && c.method !== 'npe' ? ` (${c.budget})` : '') }));
  const rows = cases.map((name) => {
    const stats = cols.map((col): SweepStat | null => {
      const mine = cells.filter((c) => c.case === name && c.method === col.method && c.budget === col.budget);
      if (mine.length === 0) return null;
      const w1 = mine.filter((c) => c.status === 'done' && c.testW1 !== null).map((c) => c.testW1 as number);
      const { mean, std } = meanStd(w1);
      return { mean, std, n: w1.length, cells: mine.length, best: false, meanSeconds: meanStd(mine.map((c) => c.seconds)).mean };
    });
    const means = stats.filter((s): s is SweepStat => s !== null && s.n > 0).map((s) => s.mean);
    const lowest = Math.min(...means);
    for (const s of stats) if (s && s.n > 0 && s.mean === lowest) s.best = true;
    return { case: name, floor: floors.find((f) => f.case === name)?.w1 ?? null, stats };
  });
  return { columns: cols, rows };
}

/**
 * The columns a grid's cells fill, in grid order (methods under each budget; NPE once, under the
 * first budget, as {@link sweepCells} runs it).
 */
export function sweepColumns(methods: readonly SweepMethod[], budgets: readonly BudgetMode[]): { method: SweepMethod; budget: BudgetMode }[] {
  const out: { method: SweepMethod; budget: BudgetMode }[] = [];
  budgets.forEach((budget, b) => methods.forEach((method) => (method !== 'npe' || b === 0) && out.push({ method, budget })));
  return out;
}

/** Mean and sample standard deviation; NaN mean for no values. */
export function meanStd(xs: readonly number[]): { mean: number; std: number } {
  if (xs.length === 0) return { mean: NaN, std: NaN };
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const std = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, std };
}
