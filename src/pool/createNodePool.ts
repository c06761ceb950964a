import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { SimWorkerApi } from '../core/runtime/createSimWorkerApi.ts';
import { SimulatorError } from '../core/sim/SimulatorError.ts';
import { ASYNC_ERROR_EXIT_CODE } from '../sandbox/node/guardWorkerProcess.ts';
import { sandboxBundleSource } from '../sandbox/node/sandboxBundle.ts';
import type { RemoteApi } from './RemoteApi.ts';
import { WorkerPool, type WorkerHandle } from './WorkerPool.ts';

/** A pool of Node worker threads running simulator programs. */
export type NodeSimPool = WorkerPool<RemoteApi<SimWorkerApi>>;

export interface NodePoolOptions {
  /** Number of worker threads; default `os.availableParallelism()`. */
  size?: number;
  /** Default per-call time limit in milliseconds; default 60 s. */
  timeoutMs?: number;
  /** Heap limit of each worker in MB, so a memory bomb kills only its worker; default 512. */
  maxMemoryMb?: number;
}

/** Default per-call limit: generous, because it only exists to stop programs that never return. */
export const DEFAULT_NODE_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_MEMORY_MB = 512;

const BOOTSTRAP = new URL('../../workers/node/tsxBootstrap.mjs', import.meta.url);
const ENTRY = new URL('../../workers/node/simWorker.ts', import.meta.url).href;

/**
 * Starts a pool of worker threads, each exposing {@link SimWorkerApi} over comlink. Workers run with a
 * heap limit, and the pool terminates and replaces any worker that runs past the time limit or dies.
 * NOTE: the pool keeps the process alive until `terminate()` is called.
 *
 * @example
 * const pool = createNodePool({ size: 4 });
 * try { await pool.broadcast((api) => api.load(source, dataset)); } finally { pool.terminate(); }
 */
export function createNodePool(options: NodePoolOptions = {}): NodeSimPool {
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  return new WorkerPool(() => startWorker(maxMemoryMb), {
    size: options.size ?? availableParallelism(),
    timeoutMs: options.timeoutMs ?? DEFAULT_NODE_TIMEOUT_MS,
  });
}

function startWorker(maxMemoryMb: number): WorkerHandle<RemoteApi<SimWorkerApi>> {
  const worker = new Worker(BOOTSTRAP, {
    // The sandboxed core, bundled once per process rather than once per (replacement) worker.
    workerData: { entry: ENTRY, sandboxBundle: sandboxBundleSource() },
    // The bootstrap registers tsx itself (see its header); no flags from the parent are needed.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
  });
  const api = wrap<SimWorkerApi>(nodeEndpoint(worker)) as unknown as RemoteApi<SimWorkerApi>;
  let terminated = false;
  const exited = new Promise<Error>((resolve) => {
    let reason: Error | undefined;
    worker.on('error', (e: Error & { code?: string }) => {
      reason =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new SimulatorError(
              'runtime',
              `the simulator ran out of memory (worker heap limit ${maxMemoryMb} MB; a state or array that grows without bound?); its worker was replaced`,
            )
          : e;
    });
    worker.on('exit', (code) => {
      if (terminated) return;
      if (!reason && code === ASYNC_ERROR_EXIT_CODE) {
        reason = new SimulatorError('runtime', 'the simulator threw from asynchronous code (a callback left behind); its worker was replaced');
      }
      resolve(reason ?? new Error(`worker thread exited with code ${code}`));
    });
  });
  return {
    api,
    exited,
    ready: api.ping(),
    terminate() {
      terminated = true;
      void worker.terminate();
    },
  };
}
