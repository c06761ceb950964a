import type { Transitions } from '../data/transitions.ts';
import { medianPairwiseDistance } from '../metrics/medianPairwiseDistance.ts';
import { mmdUnbiased } from '../metrics/mmdUnbiased.ts';
import { packedColumn } from '../metrics/packedColumn.ts';
import { wasserstein1d } from '../metrics/wasserstein1d.ts';
import { wassersteinExact } from '../metrics/wassersteinExact.ts';
import { createRng } from '../rng/createRng.ts';
import { deriveSeed } from '../rng/deriveSeed.ts';
import type { CompiledSimulator } from '../sim/types.ts';
import { oneStepSamples } from './oneStepSamples.ts';

/** Options of the benchmark W1 (decision B3). */
export interface BenchmarkW1Options {
  candidate: CompiledSimulator;
  candidateParams: Readonly<Record<string, number>>;
  /** The environment's ground-truth program and its true parameters (decision B1). */
  truth: CompiledSimulator;
  trueParams: Readonly<Record<string, number>>;
  /** Transitions of the test split ({@link transitionsOf}): their start states and actions are used. */
  transitions: Transitions;
  /** Next-state samples per start state from each simulator (paper: 200). */
  samples?: number;
  /** Use a seeded subset of this many start states ({@link chooseStartStates}); all when absent. */
  states?: number;
  seed: number;
}

/** Per-state results for a set of start states: what one worker computes. Arrays are transferable. */
export interface BenchmarkW1Part {
  /** Transition indices of the start states, in the order of the arrays below. */
  stateIndices: Int32Array;
  /** Exact multivariate W1 per state. */
  w1: Float64Array;
  /** 1-D W1 per state and variable, row-major (state k, variable j at k · dim + j). */
  perVariableW1: Float64Array;
  /** Unbiased MMD² per state, and the RBF bandwidth used for it. */
  mmd: Float64Array;
  mmdSigma: Float64Array;
  variables: string[];
  samples: number;
}

/** Default number of samples per start state (paper, decision B3). */
export const BENCHMARK_SAMPLES = 200;

/**
 * The per-state work of the benchmark W1 (decision B3) for the given transition indices: from each
 * start state with its action, `samples` next states from the candidate (stream
 * `deriveSeed(seed, stateIndex, 0)`) and from the ground truth (`deriveSeed(seed, stateIndex, 1)`),
 * compared by exact Euclidean W1 on the observation vectors, by 1-D W1 per variable, and by unbiased
 * MMD². Streams depend only on (seed, state index), so any split of the indices over workers gives
 * the same numbers.
 *
 * MMD bandwidth (documented choice): σ = the median pairwise distance among the ground-truth samples
 * of that state (median heuristic on the truth only, so every candidate is judged with the same kernel
 * at a state); when the truth's samples coincide (σ = 0) the median over the pooled samples is used,
 * and 1 when those coincide too (then the MMD is 0 whatever σ). Distances are in the data's own
 * units, like the W1.
 *
 * Cost per state: 2 · samples simulator steps, an O(samples³) assignment (~5 ms at 200) and
 * O(samples² · dim) for the MMD and bandwidth. A program that throws propagates its SimulatorError.
 */
export function benchmarkW1States(opts: BenchmarkW1Options, stateIndices: Int32Array): BenchmarkW1Part {
  const { candidate, truth, transitions, seed } = opts;
  const samples = opts.samples ?? BENCHMARK_SAMPLES;
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`benchmarkW1States: samples must be a positive integer, got ${samples}`);
  const { dim, variables, states, actions, count } = transitions;
  const candidateParams = Object.freeze({ ...opts.candidateParams });
  const trueParams = Object.freeze({ ...opts.trueParams });
  const k = stateIndices.length;
  const w1 = new Float64Array(k);
  const perVariableW1 = new Float64Array(k * dim);
  const mmd = new Float64Array(k);
  const mmdSigma = new Float64Array(k);
  for (let q = 0; q < k; q++) {
    const s = stateIndices[q];
    if (!(s >= 0 && s < count)) throw new RangeError(`benchmarkW1States: state index ${s} is outside 0..${count - 1}`);
    const cand = oneStepSamples(candidate, states[s], actions[s], candidateParams, variables, samples, createRng(deriveSeed(seed, s, 0)));
    const real = oneStepSamples(truth, states[s], actions[s], trueParams, variables, samples, createRng(deriveSeed(seed, s, 1)));
    w1[q] = wassersteinExact(cand, real, samples, dim);
    for (let j = 0; j < dim; j++) {
      perVariableW1[q * dim + j] = wasserstein1d(packedColumn(cand, samples, dim, j), packedColumn(real, samples, dim, j));
    }
    if (samples >= 2) {
      const sigma = mmdBandwidth(real, cand, samples, dim);
      mmdSigma[q] = sigma;
      mmd[q] = mmdUnbiased(cand, real, samples, samples, dim, sigma);
    } else {
      mmdSigma[q] = NaN;
      mmd[q] = NaN; // the unbiased MMD needs pairs
    }
  }
  return { stateIndices: stateIndices.slice(), w1, perVariableW1, mmd, mmdSigma, variables: [...variables], samples };
}

/** The documented bandwidth rule: median heuristic on the truth, then on the pooled samples, then 1. */
function mmdBandwidth(real: Float64Array, cand: Float64Array, n: number, dim: number): number {
  const own = medianPairwiseDistance(real, n, dim);
  if (own > 0) return own;
  const pooled = new Float64Array(2 * n * dim);
  pooled.set(real);
  pooled.set(cand, n * dim);
  const both = medianPairwiseDistance(pooled, 2 * n, dim);
  return both > 0 ? both : 1;
}
