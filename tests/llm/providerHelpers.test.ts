import { describe, expect, it, vi } from 'vitest';
import { LlmError } from '../../src/core/llm/LlmError.ts';
import { abortableSleep } from '../../src/llm/abortableSleep.ts';
import { createChatProvider } from '../../src/llm/createChatProvider.ts';
import { parseRetryAfter } from '../../src/llm/parseRetryAfter.ts';
import { resolveProviderOptions } from '../../src/llm/providerOptions.ts';
import { RequestGuard } from '../../src/llm/RequestGuard.ts';
import { withRateLimitRetry } from '../../src/llm/withRateLimitRetry.ts';
import { recordingSleep } from './loopFixture.ts';

describe('parseRetryAfter', () => {
  const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
  it('parseRetryAfter(headers, now) reads retry-after-ms, seconds and HTTP dates', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), NOW)).toBe(250);
    expect(parseRetryAfter(new Headers({ 'retry-after': '2.5' }), NOW)).toBe(2500);
    expect(parseRetryAfter(new Headers({ 'retry-after': new Date(NOW + 7000).toUTCString() }), NOW)).toBe(7000);
  });

  it('parseRetryAfter(headers, now) is undefined when absent or unreadable, and never negative', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter(new Headers(), NOW)).toBeUndefined();
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), NOW)).toBeUndefined();
    expect(parseRetryAfter(new Headers({ 'retry-after': new Date(NOW - 5000).toUTCString() }), NOW)).toBe(0);
  });
});

describe('withRateLimitRetry', () => {
  const base = { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 1000 };

  it('withRateLimitRetry(attempt, opts) retries only rate limits', async () => {
    const sleep = recordingSleep();
    let calls = 0;
    const auth = withRateLimitRetry(async () => {
      calls++;
      throw new LlmError('auth');
    }, { ...base, sleep });
    await expect(auth).rejects.toMatchObject({ code: 'auth' });
    expect([calls, sleep.waits.length]).toEqual([1, 0]);
  });

  it('withRateLimitRetry(attempt, opts) returns the first success and passes the attempt number', async () => {
    const sleep = recordingSleep();
    const seen: number[] = [];
    const value = await withRateLimitRetry(async (n) => {
      seen.push(n);
      if (n < 2) throw new LlmError('rate-limit', undefined, { retryAfterMs: n === 0 ? undefined : 5 });
      return 'done';
    }, { ...base, sleep });
    expect([value, seen, sleep.waits]).toEqual(['done', [0, 1, 2], [10, 5]]);
  });

  it('withRateLimitRetry(attempt, opts) rejects with aborted when cancelled during a wait', async () => {
    const controller = new AbortController();
    const p = withRateLimitRetry(async () => {
      throw new LlmError('rate-limit', undefined, { retryAfterMs: 500 });
    }, { ...base, sleep: abortableSleep, signal: controller.signal });
    controller.abort();
    await expect(p).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('RequestGuard', () => {
  it('RequestGuard cuts on the caller signal, also one without events (polled)', async () => {
    const plain = { aborted: false };
    const guard = new RequestGuard(plain, 60_000, 60_000);
    plain.aborted = true;
    await vi.waitFor(() => expect(guard.signal.aborted).toBe(true));
    expect(guard.error()?.code).toBe('aborted');
    guard.dispose();
  });

  it('RequestGuard keeps the first reason and reports none for an overflow', () => {
    const guard = new RequestGuard(undefined, 60_000, 60_000);
    expect(guard.error()).toBeUndefined();
    guard.cut('overflow');
    guard.cut('timeout');
    expect([guard.reason, guard.error(), guard.signal.aborted]).toEqual(['overflow', undefined, true]);
    guard.dispose();
  });
});

describe('provider options', () => {
  it('resolveProviderOptions(o) fills the documented defaults and rejects impossible values', () => {
    expect(resolveProviderOptions({ apiKey: 'k' })).toMatchObject({ timeoutMs: 600_000, idleTimeoutMs: 300_000, maxRateLimitRetries: 4, retryBaseDelayMs: 1000, maxRetryDelayMs: 30_000, maxCharsPerToken: 8 });
    expect(() => resolveProviderOptions({ apiKey: 'k', timeoutMs: 0 })).toThrow('Provider option timeoutMs must be a positive number, got 0');
    expect(() => resolveProviderOptions({ apiKey: 'k', maxRateLimitRetries: 1.5 })).toThrow(/maxRateLimitRetries must be a non-negative integer/);
  });

  it('createChatProvider(config) builds either provider and rejects an unknown kind', () => {
    expect(typeof createChatProvider({ kind: 'openai', apiKey: 'k' }).complete).toBe('function');
    expect(typeof createChatProvider({ kind: 'anthropic', apiKey: 'k' }).complete).toBe('function');
    expect(() => createChatProvider({ kind: 'gemini', apiKey: 'k' } as never)).toThrow(/unknown provider kind "gemini"/);
  });
});
