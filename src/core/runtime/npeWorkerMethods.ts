import type { Dataset } from '../data/Dataset.ts';
import { simulateSummaries, type SummaryBatch } from '../npe/simulateSummaries.ts';
import { replayWindows, type ReplayWindows, type SummarySpec } from '../npe/summaryStatistics.ts';
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
   * Replays the spec's observation once per θ (short replays from every observed state of the split,
   * or the first trajectory for `trajectory`) and summarises it; a failing or non-finite simulation gives `null` and is counted, not thrown.
   */
  npeSummaries(request: NpeSummariesRequest): SummaryBatch;
}

/** Builds the NPE worker methods over the worker's loaded program and data (createSimWorkerApi merges them). */
export function createNpeWorkerMethods(loaded: (what: string) => { sim: CompiledSimulator; dataset: Dataset }): NpeWorkerApi {
  // The replay windows depend only on the data and the spec: built once per run, not per batch.
  let cache: { dataset: Dataset; key: string; windows: ReplayWindows } | undefined;
  return {
    npeSummaries(req) {
      const l = loaded('npeSummaries');
      let windows: ReplayWindows | undefined;
      if (req.spec.kind === 'statistics') {
        const key = JSON.stringify(req.spec);
        if (cache?.dataset !== l.dataset || cache.key !== key) cache = { dataset: l.dataset, key, windows: replayWindows(l.dataset, req.spec) };
        windows = cache.windows;
      }
      return simulateSummaries(l.sim, l.sim.parameters, l.dataset, req.spec, req.thetas, req.seed, req.firstIndex, windows);
    },
  };
}
