import type { Dataset } from '../../data/Dataset.ts';
import { transitionsOf } from '../../data/transitions.ts';
import { benchmarkW1 } from '../../eval/benchmarkW1.ts';
import type { BenchmarkW1Result } from '../../eval/combineBenchmarkW1.ts';
import { compileSimulator } from '../../sim/compileSimulator.ts';
import type { SuiteEnvironment } from './SuiteEnvironment.ts';

/** Test start states and samples per state of the suite's exact one-step W1 (the sizes). */
export const SUITE_W1 = { states: 300, samples: 200 } as const;

/**
 * Exact one-step test W1 of `params` against the ground truth (decision B3's metric, on the suite's
 * test split), with the sizes of {@link SUITE_W1} unless overridden.
 */
export function suiteTestW1(
  env: SuiteEnvironment,
  data: Dataset,
  candidateSource: string,
  params: Readonly<Record<string, number>>,
  seed: number,
  sizes: { states?: number; samples?: number } = {},
): BenchmarkW1Result {
  return benchmarkW1({
    candidate: compileSimulator(candidateSource),
    candidateParams: params,
    truth: compileSimulator(env.groundTruthSource),
    trueParams: env.trueParams,
    transitions: transitionsOf(data, 'test'),
    states: sizes.states ?? SUITE_W1.states,
    samples: sizes.samples ?? SUITE_W1.samples,
    seed,
  });
}

/**
 * The noise floor: the same W1 with the truth as its own candidate (independent streams, same sizes),
 * i.e. what a perfect fit scores. Ratios W1 / floor near 1 mean the fit is as good as the data allow.
 */
export function suiteNoiseFloor(env: SuiteEnvironment, data: Dataset, seed: number, sizes: { states?: number; samples?: number } = {}): number {
  return suiteTestW1(env, data, env.groundTruthSource, env.trueParams, seed, sizes).w1;
}
