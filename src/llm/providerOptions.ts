import { abortableSleep, type Sleep } from './abortableSleep.ts';

/** Options shared by the OpenAI-compatible and the Anthropic provider. */
export interface ProviderOptions {
  /** The user's API key. In the studio it stays in the browser and goes straight to the provider. */
  apiKey: string;
  /** API root, e.g. `http://127.0.0.1:8000/v1` for a local OpenAI-compatible server. SDK default when absent. */
  baseURL?: string;
  /** Total limit per request, in ms (default 600 000: reasoning models can think for minutes). */
  timeoutMs?: number;
  /** Longest silence before the first byte or between stream chunks, in ms (default 300 000). */
  idleTimeoutMs?: number;
  /** Rate-limit (429) retries after the first attempt (default 4). */
  maxRateLimitRetries?: number;
  /** First backoff when the server sends no Retry-After, doubling per retry (default 1000 ms). */
  retryBaseDelayMs?: number;
  /** Longest wait for a retry; a longer Retry-After fails at once (default 30 000 ms). */
  maxRetryDelayMs?: number;
  /** Output cap, in characters per requested max token, past which a response is cut (default 8). */
  maxCharsPerToken?: number;
  /** Extra HTTP headers on every request. */
  defaultHeaders?: Record<string, string>;
  /** Custom fetch (tests, proxies). */
  fetch?: typeof fetch;
  /** Injected wait (tests make backoff instantaneous). */
  sleep?: Sleep;
  /** Told before each rate-limit retry. */
  onRetry?(e: { attempt: number; delayMs: number; message: string }): void;
}

/** {@link ProviderOptions} with every default filled in. */
export type ResolvedProviderOptions = Required<Omit<ProviderOptions, 'baseURL' | 'defaultHeaders' | 'fetch' | 'onRetry'>> &
  Pick<ProviderOptions, 'baseURL' | 'defaultHeaders' | 'fetch' | 'onRetry'>;

/** Default output budget when a request names no max tokens (also Anthropic's required max_tokens). */
export const DEFAULT_MAX_TOKENS = 16384;

/**
 * Fills in the defaults documented on {@link ProviderOptions} and rejects impossible values.
 * @throws RangeError naming the option and the value.
 */
export function resolveProviderOptions(o: ProviderOptions): ResolvedProviderOptions {
  const r: ResolvedProviderOptions = {
    ...o,
    apiKey: o.apiKey,
    timeoutMs: o.timeoutMs ?? 600_000,
    idleTimeoutMs: o.idleTimeoutMs ?? 300_000,
    maxRateLimitRetries: o.maxRateLimitRetries ?? 4,
    retryBaseDelayMs: o.retryBaseDelayMs ?? 1000,
    maxRetryDelayMs: o.maxRetryDelayMs ?? 30_000,
    maxCharsPerToken: o.maxCharsPerToken ?? 8,
    sleep: o.sleep ?? abortableSleep,
  };
  for (const key of ['timeoutMs', 'idleTimeoutMs', 'retryBaseDelayMs', 'maxRetryDelayMs', 'maxCharsPerToken'] as const) {
    if (!(r[key] > 0)) throw new RangeError(`Provider option ${key} must be a positive number, got ${r[key]}`);
  }
  if (!Number.isInteger(r.maxRateLimitRetries) || r.maxRateLimitRetries < 0) {
    throw new RangeError(`Provider option maxRateLimitRetries must be a non-negative integer, got ${r.maxRateLimitRetries}`);
  }
  return r;
}
