/** The part of `Headers` read here (both SDKs expose response headers as a `Headers`). */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * How long a server asks the client to wait before retrying, in milliseconds: OpenAI's
 * `retry-after-ms`, else `Retry-After` as seconds or as an HTTP date (RFC 9110 §10.2.3).
 * @param headers response headers, if any.
 * @param now the current time in ms since the epoch (for the date form).
 * @returns the wait (never negative), or undefined when absent or unreadable.
 * @example
 * parseRetryAfter(new Headers({ 'retry-after': '2' }), Date.now()); // 2000
 */
export function parseRetryAfter(headers: HeaderReader | undefined | null, now: number): number | undefined {
  if (!headers || typeof headers.get !== 'function') return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
