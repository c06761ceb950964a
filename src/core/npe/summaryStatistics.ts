import type { Dataset, SplitName } from '../data/Dataset.ts';
import type { Action, State } from '../sim/types.ts';
import { deepFreeze } from '../util/deepFreeze.ts';
import { secondOrderLength, secondOrderStatistics } from './secondOrderStatistics.ts';
import { solve } from './solveLinear.ts';

/**
 * What the NPE network conditions on (issue #5, "Observation").
 *
 * - `statistics` (default): statistics of short open-loop replays that start at every observed state of
 *   the train split under its observed actions — the GA's one-step fitness, extended to a few steps.
 *   The data come from a state-feedback behaviour policy (supply chain: order-up-to), so replaying a
 *   whole trajectory's recorded actions with fresh noise breaks the link between orders and state and
 *   no simulation at the true parameters looks like the data. Starting every replay at an observed state
 *   keeps it: the first step's next state has exactly the simulator's one-step law. Per observed variable:
 *   1. mean and std of the one-step increment Δx = x_{t+1} − x_t — drift and noise level;
 *   2. a ridge regression of Δx on the current variables and the action (standardised with the
 *      observed data's centre and scale, intercept unpenalised): d (+1) slopes plus the residual std —
 *      the transition law (COVID: ΔR against I is γ; ΔS against I carries β; stock against the order);
 *   3. the mean h-step change x_{t+h} − x_t for h = 2..H (default H = 4), replaying the observed actions
 *      a_t..a_{t+h−1}. Only means: they stay consistent where the dynamics are linear in the noise (the
 *      policy reacts to past demand, not future), while multi-step spreads would not. They carry what a
 *      single step cannot see — a lead time changes nothing observable until an order arrives.
 *   4. the second-order block (secondOrderStatistics.ts): quadratic terms of the one-step mean and the
 *      slopes of the one-step variance, which the linear regression of 2 cannot carry.
 *   Length d(2 + c + 1) + d(H − 1) + d(c(c+1)/2 + 1 + c), c = d + A, A = 1 when the split has actions.
 * - `trajectory`: the paper's choice (sbi on the first training trajectory flattened, T·d numbers),
 *   kept so `bench/npeObservation.ts` can compare the two.
 */
export type SummaryKind = 'statistics' | 'trajectory';

/** Everything needed to compute the summary of the observed data and of every simulation identically. */
export interface SummarySpec {
  kind: SummaryKind;
  /** Observed variables (the dataset's observation vector). */
  variables: string[];
  /** Longest replay from each observed state (`statistics`); step 1 gives the full statistics, 2..H means. */
  horizon: number;
  /** Whether the action is a regressor (the split has non-null actions). */
  useAction: boolean;
  /** Observed centre and scale of the variables, then of the action (regression units fixed by the data). */
  center: number[];
  scale: number[];
  /**
   * Append the second-order block (quadratic mean, state-dependent variance; secondOrderStatistics.ts).
   * Default true; false gives the first-order layout (`--preset paper` does not use `statistics` at all).
   */
  secondOrder: boolean;
  /** Ridge penalty (in standardised units, times the number of transitions). */
  ridge: number;
  /** The split the observed summary is computed from and simulations replay (train). */
  split: SplitName;
}

export const DEFAULT_HORIZON = 4;
const DEFAULT_RIDGE = 1e-3;

/** Builds the summary spec from the observed data (its train split by default). */
export function summarySpec(dataset: Dataset, kind: SummaryKind = 'statistics', split: SplitName = 'train', horizon = DEFAULT_HORIZON): SummarySpec {
  const trajs = dataset.splits[split];
  if (!trajs.length) throw new Error(`NPE summary: the ${split} split has no trajectories to condition on`);
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`NPE summary: the replay horizon must be an integer of at least 1, got ${horizon}`);
  const useAction = trajs.some((tr) => tr.actions.some((a) => a !== null && a !== undefined));
  const cols = dataset.variables.length + (useAction ? 1 : 0);
  const sum = new Array<number>(cols).fill(0);
  const sq = new Array<number>(cols).fill(0);
  let n = 0;
  for (const tr of trajs) {
    tr.states.forEach((s, t) => {
      const row = features(s, tr.actions[t] ?? null, dataset.variables, useAction);
      for (let j = 0; j < cols; j++) { sum[j] += row[j]; sq[j] += row[j] ** 2; }
      n++;
    });
  }
  const center = sum.map((s) => s / Math.max(1, n));
  const scale = sq.map((q, j) => Math.sqrt(Math.max(0, q / Math.max(1, n) - center[j] ** 2)) || 1);
  return { kind, variables: [...dataset.variables], horizon, useAction, center, scale, secondOrder: true, ridge: DEFAULT_RIDGE, split };
}

/** Regressors of one state: its observed variables, then the action (null orders nothing: 0). */
function features(s: State, a: Action, variables: readonly string[], useAction: boolean): number[] {
  const row = variables.map((v) => s[v] as number);
  if (useAction) row.push(typeof a === 'number' ? a : 0);
  return row;
}

/**
 * The replay windows of the spec's split: one per observed state that has a successor. Simulations and
 * the observed summary fill `future[(i * horizon + h − 1) * d + j]` (variable j, h steps after start i;
 * NaN beyond the trajectory's end) and share everything else.
 */
export interface ReplayWindows {
  count: number;
  /** Standardised regressors of each start, `[i][variable…, action]`, and the raw start observations. */
  z: Float64Array;
  start: Float64Array;
  /** Steps available after each start (≤ horizon). */
  steps: Int32Array;
  /** Start states (frozen) and the actions to replay, `actions[i][h]` for step h + 1. */
  states: State[];
  actions: Action[][];
  /** The observed futures. */
  observed: Float64Array;
}

/** Collects the replay windows of the spec's split (`statistics` only). Freezes the split's states. */
export function replayWindows(dataset: Dataset, spec: SummarySpec): ReplayWindows {
  const d = spec.variables.length;
  const H = spec.horizon;
  const cols = d + (spec.useAction ? 1 : 0);
  const starts: { s: State; a: Action[]; steps: number; future: State[] }[] = [];
  for (const tr of dataset.splits[spec.split]) {
    deepFreeze(tr.states);
    for (let t = 0; t + 1 < tr.states.length; t++) {
      const steps = Math.min(H, tr.states.length - 1 - t);
      starts.push({ s: tr.states[t], a: Array.from({ length: steps }, (_, h) => tr.actions[t + h] ?? null), steps, future: tr.states.slice(t + 1, t + 1 + steps) });
    }
  }
  const count = starts.length;
  const w: ReplayWindows = {
    count, z: new Float64Array(count * cols), start: new Float64Array(count * d), steps: new Int32Array(count),
    states: [], actions: [], observed: new Float64Array(count * H * d).fill(NaN),
  };
  starts.forEach((st, i) => {
    const row = features(st.s, st.a[0], spec.variables, spec.useAction);
    for (let j = 0; j < cols; j++) w.z[i * cols + j] = (row[j] - spec.center[j]) / spec.scale[j];
    for (let j = 0; j < d; j++) w.start[i * d + j] = row[j];
    w.steps[i] = st.steps;
    w.states.push(st.s);
    w.actions.push(st.a);
    st.future.forEach((f, h) => spec.variables.forEach((v, j) => (w.observed[(i * H + h) * d + j] = f[v] as number)));
  });
  return w;
}

/** Length of the summary vector for `steps` states in the first trajectory (needed for `trajectory`). */
export function summaryLength(spec: SummarySpec, firstSteps: number): number {
  const d = spec.variables.length;
  const c = d + (spec.useAction ? 1 : 0);
  return spec.kind === 'trajectory' ? firstSteps * d : d * (2 + c + 1) + d * (spec.horizon - 1) + (spec.secondOrder ? secondOrderLength(d, c) : 0);
}

/** A trajectory's observation vectors packed `[t][variable]`. */
export function packTrajectory(tr: { states: readonly State[] }, variables: readonly string[]): Float64Array {
  const d = variables.length;
  const out = new Float64Array(tr.states.length * d);
  tr.states.forEach((s, t) => variables.forEach((v, j) => (out[t * d + j] = s[v] as number)));
  return out;
}

/** The observed summary x_obs: the same function applied to the data itself. */
export function observedSummary(dataset: Dataset, spec: SummarySpec): Float64Array {
  if (spec.kind === 'trajectory') return packTrajectory(dataset.splits[spec.split][0], spec.variables);
  const w = replayWindows(dataset, spec);
  return summarizeWindows(w, w.observed, spec);
}

/**
 * The `statistics` summary of one set of futures over the windows (observed or simulated). Non-finite
 * futures give non-finite outputs (callers drop them).
 */
export function summarizeWindows(w: ReplayWindows, future: Float64Array, spec: SummarySpec): Float64Array {
  const d = spec.variables.length;
  const H = spec.horizon;
  const cols = d + (spec.useAction ? 1 : 0);
  const p = cols + 1;
  // Normal equations of Δx_j ~ [1, z]: one Gram matrix shared by all d regressions.
  const gram = new Float64Array(p * p);
  const rhs = new Float64Array(p * d);
  const incSum = new Float64Array(d);
  const incSq = new Float64Array(d);
  const far = new Float64Array((H - 1) * d);
  const farN = new Float64Array(H - 1);
  const row = new Float64Array(p);
  for (let i = 0; i < w.count; i++) {
    row[0] = 1;
    for (let j = 0; j < cols; j++) row[j + 1] = w.z[i * cols + j];
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) gram[a * p + b] += row[a] * row[b];
    for (let j = 0; j < d; j++) {
      const inc = future[i * H * d + j] - w.start[i * d + j];
      incSum[j] += inc;
      incSq[j] += inc * inc;
      for (let a = 0; a < p; a++) rhs[j * p + a] += row[a] * inc;
    }
    for (let h = 2; h <= w.steps[i]; h++) {
      farN[h - 2]++;
      for (let j = 0; j < d; j++) far[(h - 2) * d + j] += future[(i * H + h - 1) * d + j] - w.start[i * d + j];
    }
  }
  const n = Math.max(1, w.count);
  const out: number[] = [];
  for (let j = 0; j < d; j++) {
    const mean = incSum[j] / n;
    out.push(mean, Math.sqrt(Math.max(0, incSq[j] / n - mean * mean)));
  }
  const penalised = Float64Array.from(gram);
  for (let a = 1; a < p; a++) penalised[a * p + a] += spec.ridge * n;
  for (let j = 0; j < d; j++) {
    const b = solve(penalised, rhs.subarray(j * p, (j + 1) * p), p);
    // Residual sum of squares from the normal equations: Σy² − 2bᵀXᵀy + bᵀXᵀXb.
    let rss = incSq[j];
    for (let a = 0; a < p; a++) {
      rss -= 2 * b[a] * rhs[j * p + a];
      for (let c = 0; c < p; c++) rss += b[a] * gram[a * p + c] * b[c];
    }
    for (let a = 1; a < p; a++) out.push(b[a]);
    out.push(Math.sqrt(Math.max(0, rss) / n));
  }
  for (let k = 0; k < H - 1; k++) for (let j = 0; j < d; j++) out.push(far[k * d + j] / Math.max(1, farN[k]));
  if (spec.secondOrder) {
    const inc = new Float64Array(w.count * d);
    for (let i = 0; i < w.count; i++) for (let j = 0; j < d; j++) inc[i * d + j] = future[i * H * d + j] - w.start[i * d + j];
    out.push(...secondOrderStatistics(w.z, inc, w.count, cols, d, spec.ridge));
  }
  return Float64Array.from(out);
}
