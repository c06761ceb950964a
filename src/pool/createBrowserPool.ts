import { wrap } from 'comlink';
import type { SimWorkerApi } from '../core/runtime/createSimWorkerApi.ts';
import type { RemoteApi } from './RemoteApi.ts';
import { WorkerPool, type WorkerHandle } from './WorkerPool.ts';

/** A pool of module Web Workers running simulator programs in the studio. */
export type BrowserSimPool = WorkerPool<RemoteApi<SimWorkerApi>>;

export interface BrowserPoolOptions {
  /** Number of workers; default `navigator.hardwareConcurrency` (4 when unknown). */
  size?: number;
  /** Default per-call time limit in milliseconds; default 60 s. */
  timeoutMs?: number;
}

/**
 * Starts a pool of module Web Workers (workers/simWorker.ts, bundled by Vite through `new URL(…,
 * import.meta.url)`), each exposing {@link SimWorkerApi} over comlink. Terminating a worker is the only
 * way to stop a program stuck in an endless loop, so the pool does that at the time limit and on abort,
 * then starts a replacement. Browsers give workers no heap limit: a memory bomb may take the tab down.
 *
 * @example
 * const pool = createBrowserPool({ size: 4, timeoutMs: 60_000 });
 * const [r] = await pool.broadcast((api) => api.load(source, dataset));
 */
export function createBrowserPool(options: BrowserPoolOptions = {}): BrowserSimPool {
  const size = options.size ?? (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) ?? 4;
  return new WorkerPool(startWorker, { size: size || 4, timeoutMs: options.timeoutMs ?? 60_000 });
}

function startWorker(): WorkerHandle<RemoteApi<SimWorkerApi>> {
  const worker = new Worker(new URL('../../workers/simWorker.ts', import.meta.url), { type: 'module', name: 'gsim-sim' });
  const api = wrap<SimWorkerApi>(worker) as unknown as RemoteApi<SimWorkerApi>;
  let terminated = false;
  const exited = new Promise<Error>((resolve) => {
    // An uncaught error or a failed module load ends the worker's usefulness; the pool replaces it.
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      if (!terminated) resolve(new Error(e.message || 'the worker failed to start or crashed'));
    });
  });
  return {
    api,
    exited,
    ready: api.ping(),
    terminate() {
      terminated = true;
      worker.terminate();
    },
  };
}
