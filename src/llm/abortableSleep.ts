import type { ObservableCancelSignal } from '../core/llm/ChatProvider.ts';
import { LlmError } from '../core/llm/LlmError.ts';

/** Waits `ms` (injected in tests so backoff costs no time). Rejects with an `aborted` LlmError on cancel. */
export type Sleep = (ms: number, signal?: ObservableCancelSignal) => Promise<void>;

/**
 * The default {@link Sleep}: a timer that the signal cuts short (an `AbortSignal` at once, a plain
 * CancelSignal within 100 ms).
 * @param ms milliseconds to wait.
 * @param signal optional cancel.
 */
export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new LlmError('aborted'));
    const stop = watchAbort(signal, () => {
      clearTimeout(timer);
      reject(new LlmError('aborted'));
    });
    const timer = setTimeout(() => {
      stop();
      resolve();
    }, ms);
  });

/**
 * Calls `onAbort` once when `signal` fires: through its event when it has one, by polling every 100 ms
 * otherwise. Returns the function that stops watching.
 */
export function watchAbort(signal: ObservableCancelSignal | undefined, onAbort: () => void): () => void {
  if (!signal) return () => {};
  if (typeof signal.addEventListener === 'function') {
    signal.addEventListener('abort', onAbort, { once: true });
    return () => signal.removeEventListener?.('abort', onAbort);
  }
  const poll = setInterval(() => {
    if (signal.aborted) {
      clearInterval(poll);
      onAbort();
    }
  }, 100);
  return () => clearInterval(poll);
}
