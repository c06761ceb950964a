import type { Dataset } from '../data/Dataset.ts';
import { simulateSummaries, type SummaryBatch } from '../npe/simulateSummaries.ts';
import type { SummarySpec } from '../npe/summaryStatistics.ts';
import type { CompiledSimulator } from '../sim/types.ts';

/** What {@link NpeWorkerApi.npeSummaries} needs besides the loaded program and data. */
export interface NpeSummariesRequest {
  /** Parameter vectors in the loaded program's parameter order. */
  thetas: Float64Array[];
  spec: SummarySpec;
  seed: number;
  /** Index of `thetas[0]` in the whole run: simulation i uses `deriveSeed(seed, firstIndex + i)`. */
  firstIndex: number;
}

/** The NPE part of the simulation worker: simulated summaries for prior draws. */
export interface NpeWorkerApi {
  /**
   * Replays the spec's split (observed initial states and actions) once per θ and summarises each
   * simulated dataset; a failing or non-finite simulation gives `null` and is counted, not thrown.
   */
  npeSummaries(request: NpeSummariesRequest): SummaryBatch;
}

/** Builds the NPE worker methods over the worker's loaded program and data (createSimWorkerApi merges them). */
export function createNpeWorkerMethods(loaded: (what: string) => { sim: CompiledSimulator; dataset: Dataset }): NpeWorkerApi {
  return {
    npeSummaries(req) {
      const l = loaded('npeSummaries');
      return simulateSummaries(l.sim, l.sim.parameters, l.dataset, req.spec, req.thetas, req.seed, req.firstIndex);
    },
  };
}
