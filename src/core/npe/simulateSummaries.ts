import type { Dataset } from '../data/Dataset.ts';
import { rolloutEnsemble } from '../eval/rolloutEnsemble.ts';
import { createRng } from '../rng/createRng.ts';
import { deriveSeed } from '../rng/deriveSeed.ts';
import { SimulatorError } from '../sim/SimulatorError.ts';
import type { CompiledSimulator, ParameterSpec } from '../sim/types.ts';
import type { CancelSignal } from '../util/CancelSignal.ts';
import { summarize, type SummarySpec } from './summaryStatistics.ts';

/**
 * Summaries for a batch of parameter vectors; `null` for a simulation that failed (threw, or gave a
 * non-finite summary). Simulation `i` of the batch uses seed `deriveSeed(seed, firstIndex + i)`, so
 * the result does not depend on how a pool splits the work.
 */
export type SummarySimulator = (thetas: Float64Array[], seed: number, firstIndex: number, signal?: CancelSignal) => Promise<SummaryBatch>;

export interface SummaryBatch {
  x: (Float64Array | null)[];
  /** Simulator steps run. */
  simulations: number;
  failures: number;
  firstError?: string;
}

/**
 * Simulates one dataset per parameter vector — every trajectory of the spec's split replayed from its
 * observed initial state under its observed actions, exactly what the observed summary is computed
 * from — and summarises it. Runs in a worker (npeWorkerMethods.ts) or in-process in tests.
 */
export function simulateSummaries(
  sim: CompiledSimulator, parameters: readonly ParameterSpec[], dataset: Dataset, spec: SummarySpec,
  thetas: readonly Float64Array[], seed: number, firstIndex: number,
): SummaryBatch {
  const trajs = dataset.splits[spec.split];
  const replayed = spec.kind === 'trajectory' ? trajs.slice(0, 1) : trajs;
  const stepsPerSim = replayed.reduce((n, tr) => n + Math.max(0, tr.states.length - 1), 0);
  const out: SummaryBatch = { x: [], simulations: 0, failures: 0 };
  thetas.forEach((theta, i) => {
    const params: Record<string, number> = {};
    parameters.forEach((p, k) => (params[p.name] = theta[k]));
    const rng = createRng(deriveSeed(seed, firstIndex + i));
    try {
      const packed = replayed.map((tr) => rolloutEnsemble(sim, params, tr, spec.variables, 1, rng));
      out.simulations += stepsPerSim;
      const x = summarize(packed, spec);
      if (!x.every(Number.isFinite)) throw new SimulatorError('runtime', 'the simulated summary is not finite (NaN or Infinity)');
      out.x.push(x);
    } catch (e) {
      if (!(e instanceof SimulatorError) && !(e instanceof RangeError)) throw e;
      out.failures++;
      out.firstError ??= e.message;
      out.x.push(null);
    }
  });
  return out;
}

/** {@link simulateSummaries} as an in-process {@link SummarySimulator} (tests, small runs). */
export function localSummarySimulator(sim: CompiledSimulator, dataset: Dataset, spec: SummarySpec): SummarySimulator {
  return async (thetas, seed, firstIndex, signal?: CancelSignal) => {
    if (signal?.aborted) throw new Error('cancelled');
    return simulateSummaries(sim, sim.parameters, dataset, spec, thetas, seed, firstIndex);
  };
}
