import type { Scenario } from './Scenario.ts';

/** One knob of a policy grid: a name the templates use and the values to try. */
export interface GridAxis {
  name: string;
  values: number[];
  /** What the knob means, for tables and plots (e.g. `extra standard beds`). */
  description?: string;
}

/**
 * A policy-search problem: two knobs, a scenario template whose numbers may be expressions over the
 * knobs (and `horizon`), optional named per-rollout quantities, and a cost expression.
 *
 * Expressions see: the knobs; `horizon`; every recorded key as a time series (times 0..horizon) —
 * the observed variables plus `record`; the `define`d quantities (in order, each seeing the previous
 * ones); and the helpers sum, mean, max, min, first, last, count. Example (hospital):
 * `define: { overflow: 'sum(turned_away)', lockdown_days: 'Math.max(0, Math.min(20, horizon - tau))' }`,
 * `cost: 'overflow + 10 * extra_beds + 20 * lockdown_days'`.
 */
export interface PolicyGrid {
  name: string;
  description?: string;
  x: GridAxis;
  y: GridAxis;
  scenario: Scenario;
  /** Extra numeric state keys the cost needs (counters; missing at t = 0 reads 0). */
  record?: string[];
  define?: Record<string, string>;
  cost: string;
  /** Steps per rollout; the caller's horizon when absent. */
  horizon?: number;
}

/** A grid cell: indices into x.values and y.values. */
export interface GridCell {
  i: number;
  j: number;
}

/** Expected cost of one cell over its rollouts. */
export interface CellCost {
  mean: number;
  /** Standard error of the mean (sample sd / √n; 0 for one rollout). */
  stdError: number;
  /** Means of the `define`d quantities over the rollouts. */
  defines: Record<string, number>;
}
