import type { ChatHandlers, ChatResponse } from '../core/llm/ChatProvider.ts';
import type { ResolvedProviderOptions } from './providerOptions.ts';
import { RequestGuard } from './RequestGuard.ts';
import { sdkErrorToLlmError, type SdkErrorClasses } from './sdkErrorToLlmError.ts';
import { withRateLimitRetry } from './withRateLimitRetry.ts';

/** Turns one provider's stream events into text deltas and, at the end, one answer. */
export interface StreamAccumulator<E> {
  /** Adds an event; returns the new text it carried, if any. */
  add(event: E): string | undefined;
  /** True once the answer passed its size cap (the stream is then cut). */
  readonly overflowed: boolean;
  response(): ChatResponse;
}

/**
 * The request loop both SDK providers share: open a stream under a {@link RequestGuard} (total and idle
 * timeouts, abort), feed every event to a fresh accumulator and the token handler, cut the stream when
 * the answer overflows, map SDK errors to typed LlmErrors, and retry rate limits with backoff.
 * @param open starts one streamed request with the guard's signal.
 * @param accumulator makes the per-attempt accumulator.
 */
export function streamWithRetries<E>(
  opts: ResolvedProviderOptions,
  handlers: ChatHandlers,
  sdk: SdkErrorClasses,
  model: string,
  open: (signal: AbortSignal) => Promise<AsyncIterable<E>>,
  accumulator: () => StreamAccumulator<E>,
): Promise<ChatResponse> {
  return withRateLimitRetry(
    async () => {
      const guard = new RequestGuard(handlers.signal, opts.timeoutMs, opts.idleTimeoutMs);
      try {
        const stream = await open(guard.signal);
        guard.touch();
        const acc = accumulator();
        for await (const event of stream) {
          guard.touch();
          const fresh = acc.add(event);
          if (fresh) handlers.onToken?.(fresh);
          if (acc.overflowed) {
            guard.cut('overflow');
            break;
          }
        }
        const cut = guard.error();
        if (cut) throw cut;
        return acc.response();
      } catch (e) {
        throw sdkErrorToLlmError(e, sdk, guard, model);
      } finally {
        guard.dispose();
      }
    },
    {
      maxRetries: opts.maxRateLimitRetries, baseDelayMs: opts.retryBaseDelayMs, maxDelayMs: opts.maxRetryDelayMs, sleep: opts.sleep,
      signal: handlers.signal, onRetry: (e) => opts.onRetry?.({ attempt: e.attempt, delayMs: e.delayMs, message: e.error.message }),
    },
  );
}
