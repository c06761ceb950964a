import { createRng } from '../rng/createRng.ts';
import { deriveSeed } from '../rng/deriveSeed.ts';
import type { ParameterSpec } from '../sim/types.ts';
import type { CancelSignal } from '../util/CancelSignal.ts';
import type { TrainingSet } from './estimator/DensityEstimator.ts';
import type { SummarySimulator } from './simulateSummaries.ts';

/** sbi's budget in the paper: 1000 simulations. */
export const DEFAULT_NPE_SIMULATIONS = 1000;
/** Simulations per round the defaults give each free parameter beyond the paper's 1,000. */
export const NPE_SIMULATIONS_PER_PARAMETER = 250;

/**
 * The default training simulations per round for `parameterCount` free parameters: the paper's 1,000
 * up to 4 parameters, 250 per parameter above (12 → 3,000). Why: the suite's 12-parameter stage
 * population fit at seed 3 to 1.298 × the noise floor with 1,000 per round (round 2's posterior missed
 * 8 of 12 truths) and to 1.004 with 3,000 (src/core/npe/README.md). `--preset paper` keeps 1,000.
 */
export function defaultNpeSimulations(parameterCount: number): number {
  return Math.max(DEFAULT_NPE_SIMULATIONS, NPE_SIMULATIONS_PER_PARAMETER * parameterCount);
}

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
