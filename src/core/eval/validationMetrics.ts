import type { Dataset, SplitName } from '../data/Dataset.ts';
import { transitionsOf } from '../data/transitions.ts';
import { energyScore } from '../metrics/energyScore.ts';
import { wasserstein1d } from '../metrics/wasserstein1d.ts';
import { createRng } from '../rng/createRng.ts';
import { deriveSeed } from '../rng/deriveSeed.ts';
import type { CompiledSimulator } from '../sim/types.ts';
import { chooseStartStates } from './chooseStartStates.ts';
import { oneStepSamples } from './oneStepSamples.ts';
import { rolloutEnsemble } from './rolloutEnsemble.ts';

/** Options of {@link validationMetrics}. */
export interface ValidationMetricsOptions {
  sim: CompiledSimulator;
  params: Readonly<Record<string, number>>;
  dataset: Dataset;
  /** Split to score (default 'val'). */
  split?: SplitName;
  /** One-step samples per transition (default 20). */
  samples?: number;
  /** Rollouts per trajectory (default 20). */
  rollouts?: number;
  /**
   * At most this many transitions are scored one-step (default 2000); above it a seeded subset
   * `chooseStartStates(count, maxTransitions, deriveSeed(seed, 2))` is used, so the studio stays fast.
   */
  maxTransitions?: number;
  /** At most this many trajectories are rolled out (default 100); above it a seeded subset `deriveSeed(seed, 3)`. */
  maxTrajectories?: number;
  seed: number;
}

/** Data-only diagnostics (decision B4); lower is better everywhere. */
export interface ValidationMetrics {
  /** Mean energy score of the one-step predictive samples over the scored transitions. */
  energyScore: number;
  /**
   * One-step distance to the data, mean over scored transitions of the mean ‖X − y‖ of the samples
   * to the observed next state, and the simulator's own noise floor, the mean ‖X − X'‖ between its
   * samples. For a simulator whose predictive distribution is the data's, the two agree (ratio ≈ 1);
   * the energy score is `oneStepDistance − noiseFloor / 2`. Used by the calibration's trust warnings.
   */
  oneStepDistance: number;
  noiseFloor: number;
  /** One-step MSE per variable, of each draw against the observed next state, averaged. */
  perVariableMse: Record<string, number>;
  /** Mean of perVariableMse over the variables. */
  mse: number;
  /** Rollout W1: per-variable 1-D W1 between simulated and observed ensembles per time step, averaged over time and variables. */
  rolloutW1: number;
  rolloutW1PerVariable: Record<string, number>;
  /** Rollout W1 per time step (index t; NaN at t = 0, which is the data itself), averaged over variables. */
  rolloutW1ByTime: Float64Array;
  /** Transitions scored one-step, and how many the split holds. */
  transitions: number;
  transitionsTotal: number;
  /** Trajectories rolled out, and how many the split holds. */
  trajectories: number;
  trajectoriesTotal: number;
  samples: number;
  rollouts: number;
}

/**
 * Diagnostics that need only data, not a ground truth (decision B4, paper §4.8):
 *
 * - one-step: from every scored transition's start state and action, `samples` next states
 *   (stream `deriveSeed(seed, 0, transitionIndex)`), scored against the observed next state by the
 *   energy score (a proper scoring rule, rewarding the right spread as well as the right mean) and by
 *   squared error per variable;
 * - rollouts: from each trajectory's initial state, `rollouts` simulations replaying its actions
 *   (stream `deriveSeed(seed, 1, trajectoryIndex)`); at each time t ≥ 1 the simulated ensemble (all
 *   rollouts of all trajectories still running at t) is compared with the observed ensemble (all
 *   trajectories' observations at t) by 1-D W1 per variable, then averaged over time.
 *
 * Averages over variables are in the data's own units, so large-scale variables weigh more.
 * Streams depend only on the seed and the transition / trajectory index, never on the subset.
 * Cost: transitions · samples + trajectories · rollouts · T simulator steps, plus
 * O(transitions · samples² · dim) for the energy score. Measured with the defaults (2000 of 6000
 * transitions, 100 trajectories × 20 rollouts × 60 steps) on Node 20: ~0.4–0.5 s on the COVID and
 * supply-chain val splits, ~2 s on the hospital one (its ground-truth step tracks every patient).
 * An empty split gives NaN metrics. A program that throws propagates its SimulatorError.
 */
export function validationMetrics(opts: ValidationMetricsOptions): ValidationMetrics {
  const { sim, dataset, seed } = opts;
  const split = opts.split ?? 'val';
  const samples = opts.samples ?? 20;
  const rollouts = opts.rollouts ?? 20;
  for (const [key, v] of Object.entries({ samples, rollouts })) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`validationMetrics: ${key} must be a positive integer, got ${v}`);
  }
  const params = Object.freeze({ ...opts.params });
  const variables = dataset.variables;
  const dim = variables.length;

  // One-step scores.
  const tr = transitionsOf(dataset, split);
  const scored = chooseStartStates(tr.count, opts.maxTransitions ?? 2000, deriveSeed(seed, 2));
  const sq = new Float64Array(dim);
  let es = 0;
  let distance = 0;
  const y = new Float64Array(dim);
  for (const i of scored) {
    const draws = oneStepSamples(sim, tr.states[i], tr.actions[i], params, variables, samples, createRng(deriveSeed(seed, 0, i)));
    for (let j = 0; j < dim; j++) y[j] = tr.next[i * dim + j];
    es += energyScore(draws, samples, dim, y);
    distance += meanDistanceTo(draws, samples, dim, y);
    for (let k = 0; k < samples; k++) {
      for (let j = 0; j < dim; j++) {
        const d = draws[k * dim + j] - y[j];
        sq[j] += d * d;
      }
    }
  }
  const nScored = scored.length;
  const perVariableMse: Record<string, number> = {};
  let mse = 0;
  variables.forEach((v, j) => {
    perVariableMse[v] = sq[j] / (nScored * samples);
    mse += perVariableMse[v] / dim;
  });

  // Rollout W1 per time step.
  const trajs = dataset.splits[split];
  const rolled = chooseStartStates(trajs.length, opts.maxTrajectories ?? 100, deriveSeed(seed, 3));
  const rollout = rolloutW1(opts, rolled, rollouts);

  return {
    energyScore: es / nScored,
    oneStepDistance: distance / nScored,
    // ES = distance − ½ · mean pairwise distance, so the floor follows without a second O(samples²) pass.
    noiseFloor: (2 * (distance - es)) / nScored,
    perVariableMse,
    mse: dim > 0 ? mse : NaN,
    ...rollout,
    transitions: nScored,
    transitionsTotal: tr.count,
    trajectories: rolled.length,
    trajectoriesTotal: trajs.length,
    samples,
    rollouts,
  };
}

/** Mean Euclidean distance of `n` packed samples to y. */
function meanDistanceTo(samples: Float64Array, n: number, dim: number, y: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < dim; k++) s += (samples[i * dim + k] - y[k]) ** 2;
    sum += Math.sqrt(s);
  }
  return sum / n;
}

function rolloutW1(
  opts: ValidationMetricsOptions, rolled: Int32Array, rollouts: number,
): Pick<ValidationMetrics, 'rolloutW1' | 'rolloutW1PerVariable' | 'rolloutW1ByTime'> {
  const { sim, dataset, seed } = opts;
  const params = Object.freeze({ ...opts.params });
  const variables = dataset.variables;
  const dim = variables.length;
  const trajs = dataset.splits[opts.split ?? 'val'];
  let maxSteps = 0;
  for (const k of rolled) maxSteps = Math.max(maxSteps, trajs[k].states.length);
  const ensembles = Array.from(rolled, (k) =>
    rolloutEnsemble(sim, params, trajs[k], variables, rollouts, createRng(deriveSeed(seed, 1, k))),
  );
  const perVar = new Float64Array(dim);
  const byTime = new Float64Array(maxSteps).fill(NaN);
  let times = 0;
  for (let t = 1; t < maxSteps; t++) {
    const running = rolled.filter((k) => trajs[k].states.length > t);
    if (running.length === 0) continue;
    const observed = new Float64Array(running.length);
    const simulated = new Float64Array(running.length * rollouts);
    let sumT = 0;
    for (let j = 0; j < dim; j++) {
      let o = 0;
      let s = 0;
      rolled.forEach((k, q) => {
        const steps = trajs[k].states.length;
        if (steps <= t) return;
        observed[o++] = trajs[k].states[t][variables[j]] as number;
        const ens = ensembles[q];
        for (let r = 0; r < rollouts; r++) simulated[s++] = ens[(r * steps + t) * dim + j];
      });
      const w = wasserstein1d(observed, simulated);
      perVar[j] += w;
      sumT += w;
    }
    byTime[t] = sumT / dim;
    times++;
  }
  const rolloutW1PerVariable: Record<string, number> = {};
  let mean = 0;
  variables.forEach((v, j) => {
    rolloutW1PerVariable[v] = perVar[j] / times;
    mean += rolloutW1PerVariable[v] / dim;
  });
  return { rolloutW1: times > 0 && dim > 0 ? mean : NaN, rolloutW1PerVariable, rolloutW1ByTime: byTime };
}
