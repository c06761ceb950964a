import type { Dataset, EnvId } from '../../core/data/Dataset.ts';
import { rememberEncoded } from '../../sandbox/browser/encodedDataset.ts';
import type { DatasetReply, DatasetRequest } from '../workers/datasetMessages.ts';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve(d: Dataset): void; reject(e: Error): void }>();
/** Bytes still to come for delivered datasets (the worker sends them right after the dataset). */
const awaitingBytes = new Map<number, (bytes: ArrayBuffer | null) => void>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('../workers/datasetWorker.ts', import.meta.url), { type: 'module', name: 'gsim-dataset' });
    worker.onmessage = (e: MessageEvent<DatasetReply>) => {
      const r = e.data;
      if ('bytes' in r) {
        awaitingBytes.get(r.id)?.(r.bytes);
        awaitingBytes.delete(r.id);
        return;
      }
      const p = pending.get(r.id);
      if (!p) return;
      pending.delete(r.id);
      if (r.ok) {
        rememberEncoded(r.dataset, new Promise((resolve) => awaitingBytes.set(r.id, resolve)));
        p.resolve(r.dataset);
      } else p.reject(new Error(r.message));
    };
    worker.onerror = (e) => {
      for (const p of pending.values()) p.reject(new Error(`dataset worker failed: ${e.message}`));
      pending.clear();
      for (const give of awaitingBytes.values()) give(null);
      awaitingBytes.clear();
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

/**
 * Generates a built-in benchmark's dataset (100/100/100 trajectories, decision B5) in a Web Worker;
 * without Worker support (jsdom tests) it runs core's generateDataset directly.
 * @param env benchmark id.
 * @param seed data seed (stored in the dataset).
 */
export async function generateBenchmarkDataset(env: EnvId, seed: number): Promise<Dataset> {
  if (typeof Worker === 'undefined') {
    const [{ generateDataset }, { getEnvironment }] = await Promise.all([
      import('../../core/data/generateDataset.ts'),
      import('../../core/envs/environments.ts'),
    ]);
    return generateDataset(getEnvironment(env), seed);
  }
  const id = nextId++;
  const request: DatasetRequest = { id, env, seed };
  return new Promise<Dataset>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage(request);
  });
}
