/**
 * Globals removed from a simulation worker before any program runs. Defense in depth only: the worker
 * already lives in an opaque origin (no cookies, storage or IndexedDB of the studio) under a CSP with
 * `connect-src 'none'` (no network), so these would fail anyway; removing them turns an attempt that
 * escapes the evaluator's shadowing into a plain TypeError, and keeps `close()` from silently killing
 * the worker (the pool would then wait for its time limit).
 */
export const STRIPPED_WORKER_GLOBALS = [
  'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'WebTransport', 'EventSource', 'importScripts',
  'Worker', 'SharedWorker', 'BroadcastChannel', 'indexedDB', 'caches', 'cookieStore', 'navigator', 'close',
  'postMessage', 'onmessage', 'setTimeout', 'setInterval', 'requestAnimationFrame', 'Request', 'Response',
] as const;

/** Deletes (or, where the engine refuses, overwrites with undefined) each of {@link STRIPPED_WORKER_GLOBALS}. */
export function stripWorkerGlobals(global: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): string[] {
  const left: string[] = [];
  for (const name of STRIPPED_WORKER_GLOBALS) {
    try {
      // Own property on the global, or on one of its prototypes (WorkerGlobalScope members).
      delete global[name];
      if (name in global) Object.defineProperty(global, name, { value: undefined, writable: false, configurable: false });
    } catch {
      left.push(name);
    }
    if (global[name] !== undefined) left.push(name);
  }
  return left;
}
