import type { BudgetMode } from '../calibrate/budget.ts';
import type { SweepMethod } from './SweepGrid.ts';

/** Format tag and version of a sweep results file (`sweep.json`). */
export const SWEEP_FORMAT = 'gsim-sweep';
export const SWEEP_VERSION = 1;

/** Where a cell's simulations ran: this machine's worker pool, or a Redis queue's workers. */
export type RanOn = 'local' | 'queue';

/** One finished calibration of a sweep. */
export interface SweepCellResult {
  case: string;
  method: SweepMethod;
  budget: BudgetMode;
  seed: number;
  /** `failed`: the calibration or its diagnostics failed for the program's own reasons (see `error`). */
  status: 'done' | 'failed';
  /** Fitted parameters (GA / CMA-ES best, NPE posterior mean); empty when nothing was fitted. */
  params: Record<string, number>;
  /** Benchmark W1 on the test split (decision B3's metric); null without a ground truth. */
  testW1: number | null;
  testW1StdError: number | null;
  /** Validation metrics of the fitted simulator; null when not computed. */
  val: { energyScore: number | null; mse: number | null; rolloutW1: number | null } | null;
  /** Wall time of the whole cell (calibration and diagnostics). */
  seconds: number;
  /** Candidates (GA / CMA-ES) or simulations (NPE) that failed. */
  failures: number;
  ranOn: RanOn;
  error: string | null;
}

/** The noise floor of a benchmark row: its W1 with the truth as the candidate, at the cells' sizes. */
export interface SweepFloor {
  case: string;
  w1: number;
  /** Start states used (the seeded subset) and samples per state. */
  states: number;
  samples: number;
  seed: number;
}

/** The whole `sweep.json`: rewritten (atomically) after every cell, so it is always a valid table. */
export interface SweepResults {
  format: typeof SWEEP_FORMAT;
  version: typeof SWEEP_VERSION;
  gridHash: string;
  /** The grid in its file format ({@link gridToJson}); `gsim sweep --grid` accepts it back. */
  grid: Record<string, unknown>;
  /** The command line that started the sweep (for the Markdown table's caption). */
  command: string;
  /** Cells in the grid; `cells.length` of them are finished. */
  total: number;
  cells: SweepCellResult[];
  floors: SweepFloor[];
  /** Seconds spent running, summed over the invocations that filled this file (resumes add up). */
  wallSeconds: number;
  updatedAt: string;
}
