import type { ObservableCancelSignal } from '../core/llm/ChatProvider.ts';
import { LlmError } from '../core/llm/LlmError.ts';
import type { Sleep } from './abortableSleep.ts';

/** Bounds of {@link withRateLimitRetry}. */
export interface RateLimitRetryOptions {
  /** Retries after the first attempt (default 4). */
  maxRetries: number;
  /** Backoff of the first retry when the server names no wait; doubles each time (default 1000 ms). */
  baseDelayMs: number;
  /** Longest wait; a server asking for more is not waited for (default 30 000 ms). */
  maxDelayMs: number;
  sleep: Sleep;
  signal?: ObservableCancelSignal;
  /** Told before each wait (the studio shows "rate-limited, retrying in 4 s"). */
  onRetry?(e: { attempt: number; delayMs: number; error: LlmError }): void;
}

/**
 * Runs `attempt`, retrying when it fails with a `rate-limit` LlmError: after the server's Retry-After
 * when it gave one, else after an exponential backoff (base · 2^retry), each wait at most `maxDelayMs`.
 * A Retry-After above the bound fails at once (a shorter wait would only be refused again); so does
 * running out of retries. Backoff is deterministic (no jitter: one user, one request at a time).
 * @param attempt the request; receives the 0-based attempt number.
 * @throws LlmError the last failure, or `aborted` when cancelled during a wait.
 */
export async function withRateLimitRetry<T>(attempt: (n: number) => Promise<T>, opts: RateLimitRetryOptions): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      if (!(e instanceof LlmError) || e.code !== 'rate-limit' || n >= opts.maxRetries) throw e;
      const delayMs = e.retryAfterMs ?? opts.baseDelayMs * 2 ** n;
      if (delayMs > opts.maxDelayMs) {
        throw new LlmError('rate-limit', `the provider asks to wait ${Math.ceil(delayMs / 1000)} s, longer than the ${Math.ceil(opts.maxDelayMs / 1000)} s this client waits${e.detail ? ` (${e.detail})` : ''}`, { status: e.status, retryAfterMs: e.retryAfterMs });
      }
      opts.onRetry?.({ attempt: n + 1, delayMs, error: e });
      await opts.sleep(delayMs, opts.signal);
    }
  }
}
