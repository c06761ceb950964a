import type { Dataset, EnvId } from '../../core/data/Dataset.ts';
import type { DatasetReply, DatasetRequest } from '../workers/datasetMessages.ts';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve(d: Dataset): void; reject(e: Error): void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('../workers/datasetWorker.ts', import.meta.url), { type: 'module', name: 'gsim-dataset' });
    worker.onmessage = (e: MessageEvent<DatasetReply>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.ok) p.resolve(e.data.dataset);
      else p.reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      for (const p of pending.values()) p.reject(new Error(`dataset worker failed: ${e.message}`));
      pending.clear();
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
