import type { Dataset } from '../data/Dataset.ts';
import { rolloutEnsemble } from '../eval/rolloutEnsemble.ts';
import { createRng } from '../rng/createRng.ts';
import { deriveSeed } from '../rng/deriveSeed.ts';
import { SimulatorError } from '../sim/SimulatorError.ts';
import type { CompiledSimulator, ParameterSpec, State } from '../sim/types.ts';
import type { CancelSignal } from '../util/CancelSignal.ts';
import { replayWindows, summarizeWindows, type ReplayWindows, type SummarySpec } from './summaryStatistics.ts';

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
 * Simulates the observation once per parameter vector and summarises it, exactly as the observed
 * summary is computed: `statistics` replays up to `spec.horizon` steps from every observed state of the
 * split under its observed actions (the GA's one-step fitness, extended); `trajectory` replays the
 * first trajectory from its initial state. Runs in a worker (npeWorkerMethods.ts) or in-process in tests.
 */
export function simulateSummaries(
  sim: CompiledSimulator, parameters: readonly ParameterSpec[], dataset: Dataset, spec: SummarySpec,
  thetas: readonly Float64Array[], seed: number, firstIndex: number, windows?: ReplayWindows,
): SummaryBatch {
  const w = spec.kind === 'statistics' ? (windows ?? replayWindows(dataset, spec)) : undefined;
  const first = dataset.splits[spec.split][0];
  const stepsPerSim = w ? w.steps.reduce((n, k) => n + k, 0) : Math.max(0, first.states.length - 1);
  const future = w ? new Float64Array(w.observed.length) : undefined;
  const out: SummaryBatch = { x: [], simulations: 0, failures: 0 };
  thetas.forEach((theta, i) => {
    const params: Record<string, number> = {};
    parameters.forEach((p, k) => (params[p.name] = theta[k]));
    const rng = createRng(deriveSeed(seed, firstIndex + i));
    try {
      let x: Float64Array;
      if (w && future) {
        replay(sim, params, w, spec, rng, future);
        x = summarizeWindows(w, future, spec);
      } else x = rolloutEnsemble(sim, params, first, spec.variables, 1, rng);
      out.simulations += stepsPerSim;
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

/** Fills `future` with one replay of every window: up to `steps[i]` steps from start i under its actions. */
function replay(sim: CompiledSimulator, params: Record<string, number>, w: ReplayWindows, spec: SummarySpec, rng: ReturnType<typeof createRng>, future: Float64Array): void {
  const d = spec.variables.length;
  const H = spec.horizon;
  future.fill(NaN);
  for (let i = 0; i < w.count; i++) {
    let state: State = w.states[i];
    for (let h = 0; h < w.steps[i]; h++) {
      state = sim.step(state, w.actions[i][h], params, rng, spec.variables);
      for (let j = 0; j < d; j++) future[(i * H + h) * d + j] = state[spec.variables[j]] as number;
    }
  }
}

/** {@link simulateSummaries} as an in-process {@link SummarySimulator} (tests, small runs). */
export function localSummarySimulator(sim: CompiledSimulator, dataset: Dataset, spec: SummarySpec): SummarySimulator {
  const windows = spec.kind === 'statistics' ? replayWindows(dataset, spec) : undefined;
  return async (thetas, seed, firstIndex, signal?: CancelSignal) => {
    if (signal?.aborted) throw new Error('cancelled');
    return simulateSummaries(sim, sim.parameters, dataset, spec, thetas, seed, firstIndex, windows);
  };
}
