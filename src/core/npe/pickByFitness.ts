import type { BatchEvaluator } from '../calibrate/Calibrator.ts';
import { deriveSeed } from '../rng/deriveSeed.ts';
import type { CancelSignal } from '../util/CancelSignal.ts';

/** Posterior samples scored by {@link pickByFitness} besides the mean and the median (default). */
export const DEFAULT_PICK_SAMPLES = 100;

export interface FitnessPick {
  /** The chosen parameter vector and which candidate it was. */
  theta: Float64Array;
  chosen: 'mean' | 'median' | 'sample';
  /** Its training fitness, and the posterior mean's (same random numbers). */
  fitness: number;
  meanFitness: number;
  /** Candidates scored (mean, median and samples). */
  candidates: number;
  failures: number;
}

/**
 * The point estimate NPE returns when it has a fitness to consult (issue #14): the posterior mean, the
 * posterior median and the first `k` posterior samples are scored in one evaluator call (common random
 * numbers: every candidate replays the same stream) by the same one-step score GA and CMA-ES minimise,
 * and the best wins. Why not the mean alone: a posterior that is wide, skewed against a bound or
 * curved along a trade-off has its mean where the data fit poorly. Measured on the suite (seed 1): see
 * src/core/npe/README.md. Returns null when every candidate failed.
 */
export async function pickByFitness(
  mean: Float64Array, median: Float64Array, samples: readonly Float64Array[], evaluate: BatchEvaluator,
  o: { seed: number; k?: number; signal?: CancelSignal },
): Promise<FitnessPick | null> {
  const k = Math.min(samples.length, o.k ?? DEFAULT_PICK_SAMPLES);
  const batch = [mean, median, ...samples.slice(0, k)];
  const scores = await evaluate(batch, deriveSeed(o.seed, 30), o.signal);
  let best = -1;
  for (let i = 0; i < batch.length; i++) if (Number.isFinite(scores.fitness[i]) && (best < 0 || scores.fitness[i] < scores.fitness[best])) best = i;
  if (best < 0) return null;
  return {
    theta: batch[best], chosen: best === 0 ? 'mean' : best === 1 ? 'median' : 'sample', fitness: scores.fitness[best],
    meanFitness: scores.fitness[0], candidates: batch.length, failures: scores.failures,
  };
}
