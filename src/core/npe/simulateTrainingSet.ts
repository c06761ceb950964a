import { createRng } from '../rng/createRng.ts';
import { deriveSeed } from '../rng/deriveSeed.ts';
import type { ParameterSpec } from '../sim/types.ts';
import type { CancelSignal } from '../util/CancelSignal.ts';
import type { TrainingSet } from './estimator/DensityEstimator.ts';
import type { SummarySimulator } from './simulateSummaries.ts';

/** sbi's budget in the paper: 1000 simulations. */
export const DEFAULT_NPE_SIMULATIONS = 1000;

export interface SimulatedSet extends TrainingSet {
  /** Simulations asked for. */
  requested: number;
  /** Simulations dropped because they failed or gave NaN (counted, the rest is used). */
  failures: number;
  firstError?: string;
  /** Simulator steps run. */
  steps: number;
  /** True when the signal stopped it; the set then holds what finished. */
  cancelled: boolean;
}

export interface SimulateTrainingSetOptions {
  n?: number;
  seed: number;
  /** Simulations per call to `simulate` (progress and cancel granularity; default 50). */
  chunk?: number;
  signal?: CancelSignal;
  onProgress?: (done: number, total: number, failures: number) => void;
}

/** n draws from the uniform prior over the parameters' bounds (fixed parameters are not among them). */
export function samplePrior(parameters: readonly ParameterSpec[], n: number, seed: number): Float64Array[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Float64Array.from(parameters, (p) => rng.uniform(p.min, p.max)));
}

/**
 * Draws θ from the prior and simulates their summaries; failed and non-finite simulations are dropped
 * and counted. Simulation i uses `deriveSeed(seed, 1, i)` (the prior draws use `deriveSeed(seed, 0)`),
 * so the set is the same whatever the chunk or pool size.
 */
export async function simulateTrainingSet(
  parameters: readonly ParameterSpec[], simulate: SummarySimulator, opts: SimulateTrainingSetOptions,
): Promise<SimulatedSet> {
  const n = opts.n ?? DEFAULT_NPE_SIMULATIONS;
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`NPE: the number of simulations must be an integer of at least 2, got ${n}`);
  if (!parameters.length) throw new Error('NPE: the simulator declares no parameters to infer');
  const thetas = samplePrior(parameters, n, deriveSeed(opts.seed, 0));
  const chunk = Math.max(1, Math.floor(opts.chunk ?? 50));
  const set: SimulatedSet = { theta: [], x: [], requested: n, failures: 0, steps: 0, cancelled: false };
  for (let first = 0; first < n; first += chunk) {
    if (opts.signal?.aborted) { set.cancelled = true; break; }
    const batch = thetas.slice(first, first + chunk);
    let out;
    try {
      out = await simulate(batch, deriveSeed(opts.seed, 1), first, opts.signal);
    } catch (e) {
      if (opts.signal?.aborted) { set.cancelled = true; break; }
      throw e;
    }
    out.x.forEach((x, i) => {
      if (x) { set.theta.push(batch[i]); set.x.push(x); }
    });
    set.failures += out.failures;
    set.steps += out.simulations;
    set.firstError ??= out.firstError;
    opts.onProgress?.(Math.min(n, first + chunk), n, set.failures);
  }
  return set;
}
