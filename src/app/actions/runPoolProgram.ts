import type { Dataset } from '../../core/data/Dataset.ts';
import type { LoadResult } from '../../core/runtime/createSimWorkerApi.ts';
import { datasetForWorkers } from '../../sandbox/browser/encodedDataset.ts';
import { getRunPool } from '../lib/simPools.ts';
import { hashSource } from '../model/hashSource.ts';

const datasetIds = new WeakMap<Dataset, number>();
let nextDatasetId = 1;
let loaded: { key: string; result: Promise<LoadResult> } | null = null;

function keyOf(source: string, dataset: Dataset): string {
  let id = datasetIds.get(dataset);
  if (id === undefined) datasetIds.set(dataset, (id = nextDatasetId++));
  return `${hashSource(source)}:${id}`;
}

/**
 * Makes every run-pool worker hold `source` with `dataset`, broadcasting only when they hold
 * something else (a 33 MB dataset is not re-sent to compute diagnostics right after calibrating).
 * @returns the first worker's load result (all compile the same program).
 */
export async function ensureRunProgram(source: string, dataset: Dataset, signal?: AbortSignal): Promise<LoadResult> {
  const key = keyOf(source, dataset);
  if (loaded?.key !== key) {
    // Bytes made by the dataset worker where known: one buffer copy per worker, not an object-graph clone.
    const result = datasetForWorkers(dataset)
      .then((payload) => getRunPool().broadcast((api) => api.load(source, payload as Dataset), { signal }))
      .then((all) => all[0]);
    loaded = { key, result };
    result.catch(() => {
      if (loaded?.key === key) loaded = null;
    });
  }
  return loaded.result;
}

/**
 * Forgets what the workers hold, after a run failed or was cancelled (the pool may have replaced workers
 * mid-load): the next run loads its program afresh, and nothing still queued (a landscape) runs the
 * forgotten one, which may be what crashed the sandbox.
 */
export function forgetRunProgram(): void {
  loaded = null;
  getRunPool().forget(new Error('the program was unloaded: its run failed or was cancelled'));
}
