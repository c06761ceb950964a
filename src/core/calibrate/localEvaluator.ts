import type { Transitions } from '../data/transitions.ts';
import type { CompiledSimulator } from '../sim/types.ts';
import type { BatchEvaluator } from './Calibrator.ts';
import { oneStepFitness, type FitnessKind } from './oneStepFitness.ts';

/**
 * An in-thread {@link BatchEvaluator}: scores the whole batch with {@link oneStepFitness} on the calling
 * thread. Used by tests and by the Node CLI when no worker pool is wanted; a pool gives identical
 * scores because every candidate replays the same random stream from the generation seed.
 *
 * NOTE: blocks the thread for O(batch · transitions · mc) simulator steps; the signal is only checked
 * before starting (a batch is the unit of cancellation here).
 * @param sim the compiled simulator program.
 * @param transitions the training transitions.
 * @param mc Monte-Carlo draws per transition (see DEFAULT_MC).
 * @param kind the one-step score (`mse`, the paper's, or `energy`).
 * @example
 * const evaluate = localEvaluator(sim, transitionsOf(dataset, 'train'), DEFAULT_MC);
 * const result = await geneticAlgorithm.run(sim.parameters, evaluate, { seed: 1 });
 */
export function localEvaluator(sim: CompiledSimulator, transitions: Transitions, mc: number, kind: FitnessKind = 'mse'): BatchEvaluator {
  if (!Number.isInteger(mc) || mc < 1) throw new RangeError(`Error in localEvaluator: mc must be an integer >= 1, got ${mc}`);
  return async (batch, seed, signal) => {
    if (signal?.aborted) throw new Error('localEvaluator: cancelled');
    return oneStepFitness(sim, transitions, batch, seed, mc, kind);
  };
}
