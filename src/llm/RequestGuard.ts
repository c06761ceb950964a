import type { ObservableCancelSignal } from '../core/llm/ChatProvider.ts';
import { LlmError } from '../core/llm/LlmError.ts';
import { watchAbort } from './abortableSleep.ts';

/** Why a guard cut its request. */
export type GuardReason = 'user' | 'timeout' | 'idle' | 'overflow';

/**
 * One request's limits, enforced through an AbortController that the SDK call receives: the caller's
 * cancel, a total time limit, an idle limit (no bytes for `idleTimeoutMs`, which catches a stalled
 * stream long before the total limit), and an output cap (a server ignoring max tokens).
 * The SDKs end a stream silently when it is aborted, so callers ask {@link RequestGuard.error} after
 * the stream ends. NOTE: call `dispose()` when done, or the timers keep running.
 */
export class RequestGuard {
  readonly controller = new AbortController();
  reason: GuardReason | undefined;
  private readonly stopWatching: () => void;
  private readonly total: ReturnType<typeof setTimeout>;
  private idle: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param signal the caller's cancel.
   * @param timeoutMs total limit for the request.
   * @param idleTimeoutMs longest silence before the first byte or between chunks.
   */
  constructor(signal: ObservableCancelSignal | undefined, timeoutMs: number, private readonly idleTimeoutMs: number) {
    this.stopWatching = watchAbort(signal, () => this.cut('user'));
    if (signal?.aborted) this.cut('user');
    this.total = setTimeout(() => this.cut('timeout'), timeoutMs);
    this.touch();
  }

  /** The signal to hand to the SDK. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Data arrived: restart the idle timer. */
  touch(): void {
    if (this.idle !== undefined) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.cut('idle'), this.idleTimeoutMs);
  }

  /** Stops the request for `reason` (the first reason sticks). */
  cut(reason: GuardReason): void {
    if (this.reason) return;
    this.reason = reason;
    this.controller.abort();
  }

  /** The error the cut stands for; undefined when not cut, or cut for overflow (the answer so far is kept). */
  error(): LlmError | undefined {
    switch (this.reason) {
      case 'user':
        return new LlmError('aborted');
      case 'timeout':
        return new LlmError('timeout', 'the request ran past its time limit');
      case 'idle':
        return new LlmError('timeout', `no data arrived for ${Math.round(this.idleTimeoutMs / 1000)} s`);
      default:
        return undefined;
    }
  }

  dispose(): void {
    clearTimeout(this.total);
    if (this.idle !== undefined) clearTimeout(this.idle);
    this.stopWatching();
  }
}
