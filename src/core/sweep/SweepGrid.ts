import type { BudgetMode } from '../calibrate/budget.ts';

/** Calibration methods a sweep can run (those of `gsim calibrate --method`). */
export const SWEEP_METHODS = ['ga', 'cmaes', 'npe'] as const;
export type SweepMethod = (typeof SWEEP_METHODS)[number];

/** Display names, in the paper's spelling. */
export const METHOD_LABELS: Record<SweepMethod, string> = { ga: 'GA', cmaes: 'CMA-ES', npe: 'NPE' };

/**
 * One row of the table: a built-in benchmark (its ground-truth structure fitted on data generated the
 * way `gsim data` does) or a user dataset with the user's simulator file.
 */
export type SweepCase =
  | { kind: 'benchmark'; name: string; env: string }
  | { kind: 'dataset'; name: string; data: string; sim: string };

/**
 * A validated sweep: cases × methods × budgets × seeds whole calibrations, plus the settings every cell
 * shares. Everything here changes results, so all of it enters the grid hash; how the cells are run
 * (workers, timeout, queue) does not and is not part of it.
 */
export interface SweepGrid {
  cases: SweepCase[];
  methods: SweepMethod[];
  seeds: number[];
  budgets: BudgetMode[];
  /** `paper`: the paper's fitness and budget (as `gsim calibrate --preset paper`). */
  preset: 'paper' | null;
  /** Seed of every benchmark dataset (`gsim data --seed`): one dataset per benchmark for all cells. */
  dataSeed: number;
  /** Trajectories per split of benchmark datasets (`gsim data --train/--val/--test`). */
  trajectories: number;
  /** Test start states of the benchmark W1 (a seeded subset), or null for all. */
  states: number | null;
  /** Samples per start state of the benchmark W1. */
  samples: number;
  /** NPE training simulations; null for calibrate's default. */
  sims: number | null;
}

/** Defaults, those of `gsim data` and `gsim calibrate`. */
export const SWEEP_DEFAULTS = { dataSeed: 1, trajectories: 100, states: 1000, samples: 200 } as const;

/** One calibration of the grid. */
export interface SweepCell {
  case: string;
  method: SweepMethod;
  budget: BudgetMode;
  seed: number;
}

/** Identifies a cell within its grid (case names are unique, so this is too). */
export function cellKey(c: SweepCell): string {
  return JSON.stringify([c.case, c.method, c.budget, c.seed]);
}

/**
 * The cells in run order: case by case (so a benchmark's table row fills first), then budget, method
 * and seed. NPE has no budget mode (its budget is `sims`), so it runs once, under the first budget.
 */
export function sweepCells(grid: SweepGrid): SweepCell[] {
  const cells: SweepCell[] = [];
  for (const c of grid.cases) {
    for (const [b, budget] of grid.budgets.entries()) {
      for (const method of grid.methods) {
        if (method === 'npe' && b > 0) continue;
        for (const seed of grid.seeds) cells.push({ case: c.name, method, budget, seed });
      }
    }
  }
  return cells;
}
