import { LlmError } from '../core/llm/LlmError.ts';
import { parseRetryAfter, type HeaderReader } from './parseRetryAfter.ts';
import type { RequestGuard } from './RequestGuard.ts';

type ErrorClass = abstract new (...args: never[]) => Error;

/** The error classes of a Stainless-generated SDK (`openai` and `@anthropic-ai/sdk` share them). */
export interface SdkErrorClasses {
  APIError: ErrorClass;
  APIUserAbortError: ErrorClass;
  APIConnectionError: ErrorClass;
  APIConnectionTimeoutError: ErrorClass;
}

/**
 * Maps whatever an SDK call threw to an {@link LlmError}, by HTTP status where the server answered:
 * 401/403 `auth`, 404 `model-not-found`, 429 and 529 (Anthropic's "overloaded") `rate-limit` with the
 * Retry-After, 408 `timeout`, 400/413/422 `bad-request`, 5xx `network`; a guard's cut becomes
 * `aborted` or `timeout`; connection failures (including a dropped stream, which fetch reports as a
 * TypeError) `network`; unreadable bodies (JSON errors, unexpected shapes) `bad-response`.
 * @param e the thrown value.
 * @param sdk the SDK's error classes (matched with instanceof, which survives minification).
 * @param guard the request's guard, whose cut reason wins over the SDK's view of the abort.
 * @param model the requested model, named in `model-not-found`.
 */
export function sdkErrorToLlmError(e: unknown, sdk: SdkErrorClasses, guard: RequestGuard | undefined, model: string): LlmError {
  if (e instanceof LlmError) return e;
  const cut = guard?.error();
  if (cut) return cut;
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof sdk.APIUserAbortError) return new LlmError('aborted');
  if (e instanceof sdk.APIConnectionTimeoutError) return new LlmError('timeout', message);
  if (e instanceof sdk.APIConnectionError) return new LlmError('network', causeOf(e) ?? message);
  if (e instanceof sdk.APIError) {
    const { status, headers } = e as Error & { status?: number; headers?: HeaderReader };
    const info = { status, model };
    if (status === undefined) return new LlmError('bad-response', message); // an error event inside the stream
    if (status === 401 || status === 403) return new LlmError('auth', message, info);
    if (status === 404) return new LlmError('model-not-found', message, info);
    if (status === 429 || status === 529) return new LlmError('rate-limit', message, { ...info, retryAfterMs: parseRetryAfter(headers, Date.now()) });
    if (status === 408) return new LlmError('timeout', message, info);
    if (status === 400 || status === 413 || status === 422) return new LlmError('bad-request', message, info);
    if (status >= 500) return new LlmError('network', message, info);
    return new LlmError('bad-response', message, info);
  }
  if (e instanceof TypeError) return new LlmError('network', causeOf(e) ?? message); // fetch: "terminated", "fetch failed"
  return new LlmError('bad-response', message);
}

function causeOf(e: Error): string | undefined {
  const cause = (e as { cause?: unknown }).cause;
  if (cause instanceof Error) return `${e.message}: ${cause.message}`;
  return undefined;
}
