import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { SimWorkerApi } from '../core/runtime/createSimWorkerApi.ts';
import { SimulatorError } from '../core/sim/SimulatorError.ts';
import { ASYNC_ERROR_EXIT_CODE } from '../sandbox/node/guardWorkerProcess.ts';
import { isolationCommand } from '../sandbox/node/isolationCommand.ts';
import { parseChildMessage, type ParentMessage } from '../sandbox/node/processProtocol.ts';
import { sandboxBundleSource } from '../sandbox/node/sandboxBundle.ts';
import { simProcessEntryFile } from '../sandbox/node/simProcessBundle.ts';
import type { RemoteApi } from './RemoteApi.ts';
import { WorkerPool, type WorkerHandle } from './WorkerPool.ts';

/** A pool of isolated Node processes running simulator programs. */
export type NodeSimPool = WorkerPool<RemoteApi<SimWorkerApi>>;

export interface NodePoolOptions {
  /** Number of worker processes; default `os.availableParallelism()`. */
  size?: number;
  /** Default per-call time limit in milliseconds; default 60 s. */
  timeoutMs?: number;
  /** Heap limit of each worker in MB, so a memory bomb kills only its worker; default 512. */
  maxMemoryMb?: number;
  /** Memory outside the heap (ArrayBuffers, typed arrays) each worker may map, in MB; default 1,024. */
  offHeapMb?: number;
  /**
   * Processes kept started and idle, so that replacing workers (every newly loaded program gets fresh
   * ones) does not wait for a process to start; default `min(size, 4)`, 0 for a pool used once.
   */
  spares?: number;
}

/** Default per-call limit: generous, because it only exists to stop programs that never return. */
export const DEFAULT_NODE_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_MEMORY_MB = 512;
const DEFAULT_OFF_HEAP_MB = 1024;

/**
 * Starts a pool of worker *processes*, each exposing {@link SimWorkerApi}. Every worker is a child
 * process isolated by the OS (isolationCommand.ts: Node's permission model, an empty environment, an
 * address-space limit, network and PID namespaces where the kernel allows them) that runs the API in a
 * node:vm realm per program. Each broadcast (a newly loaded program) gets fresh processes, so a program
 * that broke out of its realm cannot reach the next program or a ground truth. The pool terminates and
 * replaces a worker that runs past the time limit, dies, or breaks the message protocol.
 * NOTE: the pool keeps the process alive until `terminate()` is called.
 *
 * @example
 * const pool = createNodePool({ size: 4 });
 * try { await pool.broadcast((api) => api.load(source, dataset)); } finally { pool.terminate(); }
 */
export function createNodePool(options: NodePoolOptions = {}): NodeSimPool {
  const limits = { heapMb: options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB, offHeapMb: options.offHeapMb ?? DEFAULT_OFF_HEAP_MB };
  const size = options.size ?? availableParallelism();
  const keep = Math.max(0, Math.floor(options.spares ?? Math.min(size, 4)));
  // Spares have never run a program, so handing one out is as safe as starting a new process.
  const spares: ProcessHandle[] = [];
  const factory = (): ProcessHandle => {
    let h = spares.shift();
    while (h && h.gone) h = spares.shift();
    h ??= startProcess(limits);
    while (spares.length < keep) spares.push(startProcess(limits));
    return h;
  };
  const pool = new WorkerPool<RemoteApi<SimWorkerApi>>(factory, { size, timeoutMs: options.timeoutMs ?? DEFAULT_NODE_TIMEOUT_MS, freshWorkersPerBroadcast: true });
  const terminate = pool.terminate.bind(pool);
  pool.terminate = () => {
    terminate();
    for (const h of spares.splice(0)) h.terminate();
  };
  return pool;
}

/**
 * A pool for the benchmarks' ground truths only: it never runs a model, so a model that broke out of its
 * own process cannot forge the numbers it is compared against. As many workers as the model pool but no
 * more than the cores (the truth's share of the work is the smaller half); no spares, since truth calls
 * carry their source and nothing is ever broadcast, so no worker is ever replaced for a new program.
 */
export function createTruthPool(modelWorkers: number, timeoutMs?: number): NodeSimPool {
  return createNodePool({ size: Math.max(1, Math.min(modelWorkers, availableParallelism())), timeoutMs, spares: 0 });
}

/** A worker process as the pool sees it, plus whether it has already exited (a spare may die idle). */
type ProcessHandle = WorkerHandle<RemoteApi<SimWorkerApi>> & { readonly gone: boolean };

interface Pending {
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

function startProcess(limits: { heapMb: number; offHeapMb: number }): ProcessHandle {
  const { command, args } = isolationCommand(simProcessEntryFile(), limits);
  // env {}: Node adds only its own IPC variables. stdout/stderr ignored: nothing a program prints reaches the terminal.
  const child = spawn(command, args, { env: {}, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'advanced' });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let terminated = false;
  let violation: string | undefined;
  let markReady: () => void = () => {};
  let failReady: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  // A pool that never awaits `ready` (terminated early) must not see an unhandled rejection.
  ready.catch(() => {});

  const kill = () => {
    try {
      child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  };
  const exited = new Promise<Error>((resolve) => {
    child.on('error', (e) => {
      failReady(e);
      if (!terminated) resolve(new Error(`could not start a simulation process: ${e.message}`));
    });
    child.on('exit', (code, signal) => {
      const reason = exitReason(code, signal, violation, limits);
      for (const p of pending.values()) p.reject(reason);
      pending.clear();
      failReady(reason);
      if (!terminated) resolve(reason);
    });
  });
  /** Only a compromised process breaks the protocol: it is killed, and the pool replaces it. */
  const violate = (what: string) => {
    violation ??= what;
    kill();
  };
  child.on('message', (raw: unknown) => {
    const m = parseChildMessage(raw);
    if (!m) return violate('sent a malformed message');
    if (m.t === 'ready') return markReady();
    const p = pending.get(m.id);
    if (!p) return violate('answered a call that was not made');
    pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(new Error(m.message));
  });
  const post = (msg: ParentMessage) => child.send(msg, (e) => e && !terminated && kill());
  post({ t: 'init', bundle: sandboxBundleSource() });

  const call = (method: string, callArgs: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      if (child.exitCode !== null || child.signalCode !== null || !child.connected) return reject(new Error('the simulation process has exited'));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      post({ t: 'call', id, method, args: callArgs });
    });
  // Any method name becomes a call; `then` stays undefined so the api object is not taken for a promise.
  const api = new Proxy({}, { get: (_t, name) => (typeof name === 'string' && name !== 'then' ? (...a: unknown[]) => call(name, a) : undefined) });
  return {
    api: api as RemoteApi<SimWorkerApi>,
    exited,
    ready,
    get gone() {
      return child.exitCode !== null || child.signalCode !== null;
    },
    terminate() {
      terminated = true;
      kill();
    },
  };
}

const MEMORY_SIGNALS = new Set<string>(['SIGABRT', 'SIGTRAP', 'SIGSEGV', 'SIGBUS']);
const MEMORY_EXIT_CODES = new Set([133, 134, 135, 139]);

/** Why a worker process ended, in words a user can act on. */
function exitReason(code: number | null, signal: NodeJS.Signals | null, violation: string | undefined, limits: { heapMb: number; offHeapMb: number }): Error {
  if (violation) return new SimulatorError('runtime', `the simulation process ${violation} and was stopped; its worker was replaced`);
  // At the heap limit V8 aborts (SIGABRT; SIGTRAP or SIGSEGV when the address-space limit refuses it
  // memory first); a wrapper reports the same as exit code 128 + signal.
  if ((signal && MEMORY_SIGNALS.has(signal)) || (code !== null && MEMORY_EXIT_CODES.has(code))) {
    return new SimulatorError(
      'runtime',
      `the simulator ran out of memory (worker heap limit ${limits.heapMb} MB, ${limits.offHeapMb} MB outside it; a state or array that grows without bound?); its worker was replaced`,
    );
  }
  if (code === ASYNC_ERROR_EXIT_CODE) {
    return new SimulatorError('runtime', 'the simulator threw from asynchronous code (a callback left behind); its worker was replaced');
  }
  return new Error(`the simulation process exited (${signal ?? `code ${code}`})`);
}
