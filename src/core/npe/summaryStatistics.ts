import type { Dataset, SplitName, Trajectory } from '../data/Dataset.ts';

/**
 * What the NPE network conditions on (issue #5, "Observation").
 *
 * - `statistics` (default): a fixed-length summary of a whole simulated *dataset* — every training
 *   trajectory replayed from its observed initial state under its observed actions — so the posterior
 *   is p(θ | the train split) rather than p(θ | one trajectory). Per observed variable:
 *   1. mean and std across trajectories at K time points (default 4: ¼, ½, ¾ and the end of the
 *      horizon) — the shape of the ensemble over time (epidemic peak, stock level, ward occupancy);
 *   2. mean and std of the one-step increments x_{t+1} − x_t pooled over all transitions — drift and
 *      noise level (e.g. the supply chain's demand rate and its Poisson spread);
 *   3. a ridge regression of each variable's increment on all current variables (standardised with
 *      the observed data's centre and scale, intercept unpenalised): d slopes per variable plus the
 *      residual std — the transition dynamics (COVID: ΔR against I is γ; ΔS against I carries β).
 *   Length 2Kd + 2d + d² + d (COVID: 42). The estimator z-scores it with the training simulations.
 * - `trajectory`: the paper's choice (sbi on the first training trajectory flattened, T·d numbers),
 *   kept so `bench/npeObservation.ts` can compare the two.
 */
export type SummaryKind = 'statistics' | 'trajectory';

/** Everything needed to compute the summary of the observed data and of every simulation identically. */
export interface SummarySpec {
  kind: SummaryKind;
  /** Observed variables (the dataset's observation vector). */
  variables: string[];
  /** Time indices of the per-time statistics (`statistics`). */
  timePoints: number[];
  /** Observed per-variable centre and scale, so the regression's units do not depend on the simulation. */
  center: number[];
  scale: number[];
  /** Ridge penalty (in standardised units, times the number of transitions). */
  ridge: number;
  /** The split the observed summary is computed from and simulations replay (train). */
  split: SplitName;
}

export const DEFAULT_TIME_POINTS = 4;
const DEFAULT_RIDGE = 1e-3;

/** Builds the summary spec from the observed data (its train split by default). */
export function summarySpec(dataset: Dataset, kind: SummaryKind = 'statistics', split: SplitName = 'train', timePoints = DEFAULT_TIME_POINTS): SummarySpec {
  const trajs = dataset.splits[split];
  if (!trajs.length) throw new Error(`NPE summary: the ${split} split has no trajectories to condition on`);
  const d = dataset.variables.length;
  const obs = trajs.map((tr) => packTrajectory(tr, dataset.variables));
  const center = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  let n = 0;
  for (const o of obs) for (let i = 0; i < o.length; i++) { center[i % d] += o[i]; if (i % d === 0) n++; }
  for (let j = 0; j < d; j++) center[j] /= Math.max(1, n);
  for (const o of obs) for (let i = 0; i < o.length; i++) scale[i % d] += (o[i] - center[i % d]) ** 2;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j] / Math.max(1, n)) || 1;
  const last = Math.max(...trajs.map((t) => t.states.length)) - 1;
  const points = [...new Set(Array.from({ length: timePoints }, (_, k) => Math.round((last * (k + 1)) / timePoints)))];
  return { kind, variables: [...dataset.variables], timePoints: points, center, scale, ridge: DEFAULT_RIDGE, split };
}

/** Length of the summary vector for `steps` states in the first trajectory (needed for `trajectory`). */
export function summaryLength(spec: SummarySpec, firstSteps: number): number {
  const d = spec.variables.length;
  return spec.kind === 'trajectory' ? firstSteps * d : 2 * spec.timePoints.length * d + 2 * d + d * d + d;
}

/** A trajectory's observation vectors packed `[t][variable]`. */
export function packTrajectory(tr: Trajectory, variables: readonly string[]): Float64Array {
  const d = variables.length;
  const out = new Float64Array(tr.states.length * d);
  tr.states.forEach((s, t) => variables.forEach((v, j) => (out[t * d + j] = s[v] as number)));
  return out;
}

/** The observed summary x_obs: the same function applied to the data itself. */
export function observedSummary(dataset: Dataset, spec: SummarySpec): Float64Array {
  const trajs = dataset.splits[spec.split];
  const packed = (spec.kind === 'trajectory' ? trajs.slice(0, 1) : trajs).map((tr) => packTrajectory(tr, spec.variables));
  return summarize(packed, spec);
}

/**
 * The summary of a set of trajectories (each packed `[t][variable]`, lengths may differ). For
 * `trajectory` only the first one is used. Non-finite inputs give non-finite outputs (callers drop them).
 */
export function summarize(trajectories: readonly Float64Array[], spec: SummarySpec): Float64Array {
  if (spec.kind === 'trajectory') return Float64Array.from(trajectories[0] ?? []);
  const d = spec.variables.length;
  const out: number[] = [];
  for (const t of spec.timePoints) {
    const m = new Array<number>(d).fill(0);
    const s = new Array<number>(d).fill(0);
    let n = 0;
    for (const tr of trajectories) {
      if ((t + 1) * d > tr.length) continue;
      n++;
      for (let j = 0; j < d; j++) m[j] += tr[t * d + j];
    }
    for (let j = 0; j < d; j++) m[j] /= Math.max(1, n);
    for (const tr of trajectories) {
      if ((t + 1) * d > tr.length) continue;
      for (let j = 0; j < d; j++) s[j] += (tr[t * d + j] - m[j]) ** 2;
    }
    for (let j = 0; j < d; j++) out.push(m[j], Math.sqrt(s[j] / Math.max(1, n)));
  }
  out.push(...transitionStatistics(trajectories, spec));
  return Float64Array.from(out);
}

/** Increment mean/std per variable, then per variable the ridge slopes on all variables and the residual std. */
function transitionStatistics(trajectories: readonly Float64Array[], spec: SummarySpec): number[] {
  const d = spec.variables.length;
  const p = d + 1;
  // Normal equations of Δx_j ~ [1, z(x_t)]: one Gram matrix shared by all d regressions.
  const gram = new Float64Array(p * p);
  const rhs = new Float64Array(p * d);
  const incSum = new Float64Array(d);
  const incSq = new Float64Array(d);
  const row = new Float64Array(p);
  let n = 0;
  for (const tr of trajectories) {
    const steps = tr.length / d;
    for (let t = 0; t + 1 < steps; t++) {
      row[0] = 1;
      for (let j = 0; j < d; j++) row[j + 1] = (tr[t * d + j] - spec.center[j]) / spec.scale[j];
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) gram[a * p + b] += row[a] * row[b];
      for (let j = 0; j < d; j++) {
        const inc = tr[(t + 1) * d + j] - tr[t * d + j];
        incSum[j] += inc;
        incSq[j] += inc * inc;
        for (let a = 0; a < p; a++) rhs[j * p + a] += row[a] * inc;
      }
      n++;
    }
  }
  const out: number[] = [];
  for (let j = 0; j < d; j++) {
    const mean = incSum[j] / Math.max(1, n);
    out.push(mean, Math.sqrt(Math.max(0, incSq[j] / Math.max(1, n) - mean * mean)));
  }
  const penalised = Float64Array.from(gram);
  for (let a = 1; a < p; a++) penalised[a * p + a] += spec.ridge * Math.max(1, n);
  for (let j = 0; j < d; j++) {
    const b = solve(penalised, rhs.subarray(j * p, (j + 1) * p), p);
    // Residual sum of squares from the normal equations: Σy² − 2bᵀXᵀy + bᵀXᵀXb.
    let rss = incSq[j];
    for (let a = 0; a < p; a++) {
      rss -= 2 * b[a] * rhs[j * p + a];
      for (let c = 0; c < p; c++) rss += b[a] * gram[a * p + c] * b[c];
    }
    for (let a = 1; a < p; a++) out.push(b[a]);
    out.push(Math.sqrt(Math.max(0, rss) / Math.max(1, n)));
  }
  return out;
}

/** Solves the p×p system A x = y by Gaussian elimination with partial pivoting (A is positive definite here). */
export function solve(a: Float64Array, y: ArrayLike<number>, p: number): Float64Array {
  const m = Float64Array.from(a);
  const x = Float64Array.from(y);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(m[r * p + c]) > Math.abs(m[piv * p + c])) piv = r;
    if (piv !== c) {
      for (let k = 0; k < p; k++) [m[c * p + k], m[piv * p + k]] = [m[piv * p + k], m[c * p + k]];
      [x[c], x[piv]] = [x[piv], x[c]];
    }
    const diag = m[c * p + c];
    if (diag === 0) continue;
    for (let r = c + 1; r < p; r++) {
      const f = m[r * p + c] / diag;
      if (f === 0) continue;
      for (let k = c; k < p; k++) m[r * p + k] -= f * m[c * p + k];
      x[r] -= f * x[c];
    }
  }
  for (let c = p - 1; c >= 0; c--) {
    let s = x[c];
    for (let k = c + 1; k < p; k++) s -= m[c * p + k] * x[k];
    x[c] = m[c * p + c] === 0 ? 0 : s / m[c * p + c];
  }
  return x;
}
