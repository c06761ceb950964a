import { deriveSeed } from '../rng/deriveSeed.ts';
import { benchmarkW1States, type BenchmarkW1Options } from './benchmarkW1States.ts';
import { chooseStartStates } from './chooseStartStates.ts';
import { combineBenchmarkW1, type BenchmarkW1Result } from './combineBenchmarkW1.ts';

/**
 * The paper-comparable benchmark metric (decision B3, paper §3.1): one-step W1 between `samples`
 * candidate and ground-truth next states per start state of the test split, averaged over the start
 * states, with per-variable 1-D W1 and MMD² beside it. When `states` is given, a seeded subset of
 * that many transitions is used: `chooseStartStates(count, states, deriveSeed(seed, -1))`; the
 * result reports `statesUsed`.
 *
 * Equivalent to `combineBenchmarkW1([benchmarkW1States(opts, indices)])`; a worker pool runs
 * {@link benchmarkW1States} on slices of the same indices and combines, with identical results.
 * Cost: ~5–10 ms per start state at 200 samples (COVID, 100 states: ~0.45 s for the truth itself,
 * ~0.9 s for beta 0.3, Node 20; see {@link benchmarkW1States}). A program that throws
 * propagates its SimulatorError.
 */
export function benchmarkW1(opts: BenchmarkW1Options): BenchmarkW1Result {
  return combineBenchmarkW1([benchmarkW1States(opts, benchmarkStateIndices(opts))]);
}

/** The start states {@link benchmarkW1} uses for these options (all, or the documented seeded subset). */
export function benchmarkStateIndices(opts: Pick<BenchmarkW1Options, 'transitions' | 'states' | 'seed'>): Int32Array {
  const count = opts.transitions.count;
  return chooseStartStates(count, opts.states ?? count, deriveSeed(opts.seed, -1));
}
