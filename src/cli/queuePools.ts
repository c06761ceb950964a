import { resolve } from 'node:path';
import { QueueClient } from '../pool/queue/QueueClient.ts';
import { QueuePool, type QueueExecutor } from '../pool/queue/QueuePool.ts';
import { QueueUnavailableError } from '../pool/queue/QueueUnavailableError.ts';
import { CliError, usageError } from './CliError.ts';
import { intFlag } from './parseFlags.ts';

/** Jobs a coordinator keeps on the queue at once by default: enough to keep 64 worker processes busy. */
export const DEFAULT_IN_FLIGHT = 64;
const MAX_IN_FLIGHT = 4096;
/** Where finished jobs are journaled for `--resume` unless told otherwise (under the working directory). */
export const DEFAULT_JOURNAL_DIR = '.gsim-queue';

export const QUEUE_USAGE = `  --queue URL  run on \`gsim worker\` processes through Redis (redis://[user:pass@]host:port[/db], or
               rediss:// for TLS) instead of local processes; --workers is then the jobs in flight
               (default ${DEFAULT_IN_FLIGHT}). See docs/scale-out.md
  --resume DIR with --queue: journal of finished jobs (default ${DEFAULT_JOURNAL_DIR}/); rerunning a command
               that stopped (lost Redis, Ctrl-C) takes its finished jobs from there`;

/** Where a command's pool ran, for `--json`: a queue, or local processes. */
export type Executor = QueueExecutor | { kind: 'local'; workers: number };

export function poolExecutor(pool: { readonly size: number }): Executor {
  return pool instanceof QueuePool ? pool.executor : { kind: 'local', workers: pool.size };
}

/**
 * Connects to the queue named by `--queue` (with the journal of `--resume`).
 * @throws CliError naming the URL when Redis cannot be reached, or the URL is malformed (usage).
 */
export async function connectQueue(flags: { queue?: string; resume?: string }, cwd = process.cwd()): Promise<QueueClient> {
  if (flags.queue === undefined) throw new Error('connectQueue: no --queue');
  try {
    return await QueueClient.connect({ url: flags.queue, journalDir: resolve(cwd, flags.resume ?? DEFAULT_JOURNAL_DIR) });
  } catch (e) {
    if (e instanceof RangeError) throw usageError(`--queue: ${e.message}`);
    if (e instanceof QueueUnavailableError) throw new CliError(`${e.message} (is Redis running there, and are the user and password right?)`);
    throw e;
  }
}

/** `--workers` with `--queue`: jobs in flight, 1..4096. */
export function inFlightFlag(value: string | undefined): number {
  return intFlag(value, 'workers', DEFAULT_IN_FLIGHT, 1, MAX_IN_FLIGHT);
}

/** A queue pool on `client` (`--workers` jobs in flight, `--timeout` carried by each job). */
export function queuePool(client: QueueClient, size: number, timeoutMs: number, role: 'model' | 'truth' = 'model', ownsClient = true): QueuePool {
  return new QueuePool(client, { size, timeoutMs, role, ownsClient });
}

/** `--resume` means nothing without `--queue`: say so rather than ignore it. */
export function checkQueueFlags(flags: { queue?: string; resume?: string }): void {
  if (flags.resume !== undefined && flags.queue === undefined) throw usageError('--resume needs --queue (local runs keep no journal)');
}
