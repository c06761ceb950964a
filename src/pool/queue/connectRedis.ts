import { Redis, type RedisOptions } from 'ioredis';
import type { RedisTarget } from './redisUrl.ts';
import { QueueUnavailableError } from './QueueUnavailableError.ts';

/**
 * Opens a connection and waits until Redis answers a PING.
 * @throws QueueUnavailableError naming the URL when it does not within `timeoutMs`.
 */
export async function connectRedis(target: RedisTarget, extra: RedisOptions, timeoutMs = 5000): Promise<Redis> {
  const conn = new Redis({ ...target.options, ...extra, lazyConnect: true });
  // Failures surface through connect(), 'end' and failed commands; the socket's own error names the cause.
  let cause: unknown;
  conn.on('error', (e) => (cause ??= e));
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    await Promise.race([conn.connect().then(() => conn.ping()), limit]);
    return conn;
  } catch (e) {
    conn.disconnect();
    throw new QueueUnavailableError(`cannot reach Redis at ${target.label}: ${errorText(cause ?? e)}`);
  } finally {
    clearTimeout(timer);
  }
}

function errorText(e: unknown): string {
  if (e instanceof AggregateError && e.errors.length) return errorText(e.errors[0]);
  if (e instanceof Error) return (e as NodeJS.ErrnoException).code ?? e.message;
  return String(e);
}
