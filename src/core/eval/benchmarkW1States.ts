import type { Transitions } from '../data/transitions.ts';
import { medianPairwiseDistance } from '../metrics/medianPairwiseDistance.ts';
import { mmdUnbiased } from '../metrics/mmdUnbiased.ts';
import { packedColumn } from '../metrics/packedColumn.ts';
import { wasserstein1d } from '../metrics/wasserstein1d.ts';
import { wassersteinExact } from '../metrics/wassersteinExact.ts';
import { createRng } from '../rng/createRng.ts';
import { deriveSeed } from '../rng/deriveSeed.ts';
import type { Action, CompiledSimulator, State } from '../sim/types.ts';
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
  const candidate = benchmarkCandidateSamples(opts, stateIndices);
  const { states, actions } = opts.transitions;
  const at = Array.from(stateIndices, (s) => s);
  return benchmarkW1AgainstTruth(
    { ...opts, variables: opts.transitions.variables, states: at.map((s) => states[s]), actions: at.map((s) => actions[s]) },
    stateIndices,
    candidate,
  );
}

/** Options of the candidate's half of the benchmark ({@link benchmarkCandidateSamples}). */
export type BenchmarkCandidateOptions = Pick<BenchmarkW1Options, 'candidate' | 'candidateParams' | 'transitions' | 'samples' | 'seed'>;

/**
 * The candidate's half of {@link benchmarkW1States}: its `samples` next states from each start state
 * (stream `deriveSeed(seed, stateIndex, 0)`), packed `out[(q * samples + i) * dim + j]`. Run where the
 * candidate is loaded; the truth's half runs elsewhere (the studio keeps the truth on workers that never
 * ran a model, so a model cannot skew what it is scored against).
 */
export function benchmarkCandidateSamples(opts: BenchmarkCandidateOptions, stateIndices: Int32Array): Float64Array {
  const samples = checkSamples(opts.samples);
  const { dim, variables, states, actions, count } = opts.transitions;
  const params = Object.freeze({ ...opts.candidateParams });
  const out = new Float64Array(stateIndices.length * samples * dim);
  stateIndices.forEach((s, q) => {
    if (!(s >= 0 && s < count)) throw new RangeError(`benchmarkW1States: state index ${s} is outside 0..${count - 1}`);
    out.set(oneStepSamples(opts.candidate, states[s], actions[s], params, variables, samples, createRng(deriveSeed(opts.seed, s, 0))), q * samples * dim);
  });
  return out;
}

/** Options of the truth's half of the benchmark ({@link benchmarkW1AgainstTruth}). */
export interface BenchmarkTruthOptions extends Pick<BenchmarkW1Options, 'truth' | 'trueParams' | 'samples' | 'seed'> {
  variables: readonly string[];
  /** The start state and action of each state index, in the order of the indices. */
  states: readonly State[];
  actions: readonly Action[];
}

/**
 * The truth's half of {@link benchmarkW1States}: the truth's samples from each start state (stream
 * `deriveSeed(seed, stateIndex, 1)`) against the candidate's (from {@link benchmarkCandidateSamples}),
 * by exact W1, per-variable W1 and MMD².
 */
export function benchmarkW1AgainstTruth(opts: BenchmarkTruthOptions, stateIndices: Int32Array, candidate: Float64Array): BenchmarkW1Part {
  const samples = checkSamples(opts.samples);
  const { variables } = opts;
  const dim = variables.length;
  const k = stateIndices.length;
  if (candidate.length !== k * samples * dim) throw new RangeError(`benchmarkW1AgainstTruth: expected ${k * samples * dim} candidate values, got ${candidate.length}`);
  const trueParams = Object.freeze({ ...opts.trueParams });
  const w1 = new Float64Array(k);
  const perVariableW1 = new Float64Array(k * dim);
  const mmd = new Float64Array(k);
  const mmdSigma = new Float64Array(k);
  for (let q = 0; q < k; q++) {
    const s = stateIndices[q];
    const cand = candidate.subarray(q * samples * dim, (q + 1) * samples * dim);
    const real = oneStepSamples(opts.truth, opts.states[q], opts.actions[q], trueParams, variables, samples, createRng(deriveSeed(opts.seed, s, 1)));
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

function checkSamples(samples = BENCHMARK_SAMPLES): number {
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`benchmarkW1States: samples must be a positive integer, got ${samples}`);
  return samples;
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
