/** A parsed `--queue` URL: what to connect to, and how to name it in messages (never with the password). */
export interface RedisTarget {
  /** Connection options (ioredis and BullMQ read them alike). */
  options: RedisConnectOptions;
  /** The URL with its password replaced by `***`, for errors, logs and `--json`. */
  label: string;
}

/** Where and how to connect: host, port, database, user, password, TLS for rediss://. */
export interface RedisConnectOptions {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls?: { servername: string };
}

/**
 * Reads `redis://[user:pass@]host:port[/db]` or `rediss://…` (TLS).
 * @throws RangeError naming what is wrong (scheme, port, database number).
 */
export function parseRedisUrl(url: string): RedisTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new RangeError(`not a Redis URL: "${url}" (expected redis://[user:pass@]host:port[/db])`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new RangeError(`not a Redis URL: "${redact(u)}" (the scheme must be redis:// or rediss:// for TLS)`);
  }
  const port = u.port === '' ? 6379 : Number(u.port);
  const dbText = u.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0) throw new RangeError(`Redis URL "${redact(u)}": the database must be a number, got "${dbText}"`);
  if (u.hostname === '') throw new RangeError(`Redis URL "${redact(u)}" names no host`);
  const options: RedisConnectOptions = {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port,
    db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: { servername: u.hostname } } : {}),
  };
  return { options, label: redact(u) };
}

function redact(u: URL): string {
  const copy = new URL(u.href);
  if (copy.password) copy.password = '***';
  return copy.href.replace(/\/$/, '');
}
