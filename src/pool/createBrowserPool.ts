import { wrap } from 'comlink';
import type { SimWorkerApi } from '../core/runtime/createSimWorkerApi.ts';
import { SimulatorError } from '../core/sim/SimulatorError.ts';
import { guardPort, type PortViolation } from '../sandbox/browser/guardPort.ts';
import { sandboxHost } from '../sandbox/browser/SandboxHost.ts';
import type { RemoteApi } from './RemoteApi.ts';
import { simAnswerBudget } from './simAnswerBudget.ts';
import { WorkerPool, type WorkerHandle } from './WorkerPool.ts';

/** A pool of Web Workers, started inside the sandbox iframe, running simulator programs in the studio. */
export type BrowserSimPool = WorkerPool<RemoteApi<SimWorkerApi>>;

export interface BrowserPoolOptions {
  /** Number of workers; default `navigator.hardwareConcurrency` (4 when unknown). */
  size?: number;
  /** Default per-call time limit in milliseconds; default 60 s. */
  timeoutMs?: number;
}

/**
 * Starts a pool of simulation workers. Each is created by the page's sandbox iframe
 * (src/sandbox/browser/SandboxHost.ts: opaque origin, CSP without network), runs the bundled
 * workers/sandboxSimWorker.ts and exposes {@link SimWorkerApi} over its own MessagePort. Terminating a
 * worker is the only way to stop a program stuck in an endless loop, so the pool does that at the time
 * limit and on abort, then starts a replacement. Every newly loaded program gets fresh workers
 * (`freshWorkersPerBroadcast`), so what one program does to its realm (e.g. `Object.prototype`)
 * never reaches the next. Browsers give workers no heap limit: a memory bomb may take the sandbox's
 * process down (README "Security").
 *
 * @example
 * const pool = createBrowserPool({ size: 4, timeoutMs: 60_000 });
 * const [r] = await pool.broadcast((api) => api.load(source, dataset));
 */
export function createBrowserPool(options: BrowserPoolOptions = {}): BrowserSimPool {
  const size = options.size ?? (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) ?? 4;
  return new WorkerPool(startWorker, { size: size || 4, timeoutMs: options.timeoutMs ?? 60_000, freshWorkersPerBroadcast: true });
}

/** What a run that lost its worker to the port guard is told. */
const VIOLATION_MESSAGES: Record<PortViolation, string> = {
  unsolicited: 'the simulator posted a message to the page outside a call (after its call returned?); its worker was stopped',
  malformed: 'the simulator posted a malformed message to the page; its worker was stopped',
  oversized: 'the simulator sent an answer larger than its call allows (a program inflating what the worker returns?); its worker was stopped',
};

function startWorker(): WorkerHandle<RemoteApi<SimWorkerApi>> {
  const link = sandboxHost().spawn();
  let misbehaved!: (e: Error) => void;
  const stopped = new Promise<Error>((resolve) => (misbehaved = resolve));
  // Only answers to open calls get through, each within its byte budget; a worker that posts out of
  // turn (a program flooding the page through a captured port) or inflates an answer is killed on its
  // first such message, and replaced by the pool.
  const endpoint = guardPort(link.port, (why) => {
    link.terminate();
    misbehaved(new SimulatorError('forbidden', VIOLATION_MESSAGES[why]));
  }, { answerBudget: simAnswerBudget });
  const api = wrap<SimWorkerApi>(endpoint) as unknown as RemoteApi<SimWorkerApi>;
  return {
    api,
    exited: Promise.race([link.exited, stopped]),
    ready: api.ping(),
    terminate: () => link.terminate(),
  };
}
