import { availableParallelism } from 'node:os';
import type { Dataset } from '../core/data/Dataset.ts';
import { SimulatorError } from '../core/sim/SimulatorError.ts';
import type { ParameterSpec } from '../core/sim/types.ts';
import { createNodePool, DEFAULT_NODE_TIMEOUT_MS, type NodeSimPool } from '../pool/createNodePool.ts';
import { LOAD_LIMIT_MS } from './readProgramParameters.ts';
import { MAX_WORKERS, poolSizeFlag, timeoutFlag } from './poolFlags.ts';
import { checkQueueFlags, connectQueue, inFlightFlag, QUEUE_USAGE, queuePool } from './queuePools.ts';

/** Time allowed per megabyte of dataset for shipping it to a worker, on top of the program's load limit. */
const LOAD_MS_PER_MB = 200;

/** Flags every pool-using command shares. */
export const POOL_FLAGS = {
  workers: { type: 'string' },
  timeout: { type: 'string' },
  queue: { type: 'string' },
  resume: { type: 'string' },
} as const;

export const POOL_USAGE = `  --workers N  worker processes, 1..${MAX_WORKERS} (default: os.availableParallelism(), here ${availableParallelism()})
  --timeout S  time limit in seconds per worker call (default ${DEFAULT_NODE_TIMEOUT_MS / 1000}); a program
               that runs past it is stopped (endless loop) and its candidate scores +Infinity
${QUEUE_USAGE}`;

/** Flags a pool is opened from (helper commands such as `gsim sweep` pass the same). */
export interface PoolFlags {
  workers?: string;
  timeout?: string;
  /** `--queue URL`: jobs for `gsim worker` processes through Redis instead of local processes. */
  queue?: string;
  /** `--resume DIR`: with --queue, the journal of finished jobs. */
  resume?: string;
}

/**
 * Starts the worker pool (local processes, or a queue with `--queue`) and loads the program and data into every worker.
 * NOTE: the caller must `pool.terminate()` (in a finally), or the process stays alive.
 * @throws SimulatorError when the program does not compile (the pool is terminated first); CliError
 *   when the queue's Redis cannot be reached.
 */
export async function openPool(
  flags: PoolFlags,
  source: string,
  dataset: Dataset,
  signal: AbortSignal,
): Promise<{ pool: NodeSimPool; parameters: ParameterSpec[] }> {
  const timeoutMs = timeoutFlag(flags.timeout, DEFAULT_NODE_TIMEOUT_MS);
  const pool = await startPool(flags);
  try {
    // Compiling is instant; only shipping a large dataset takes time. A program that loops at top level
    // should fail within seconds (as in the studio), not after a long per-call limit meant for heavy evaluations.
    const loadMs = LOAD_LIMIT_MS + LOAD_MS_PER_MB * datasetMegabytes(dataset);
    const [first] = await pool.broadcast((api) => api.load(source, dataset), { signal, timeoutMs: Math.min(timeoutMs, loadMs) });
    if (!first.ok) throw SimulatorError.fromJSON(first.error);
    return { pool, parameters: first.parameters };
  } catch (e) {
    pool.terminate();
    throw e;
  }
}

/**
 * The pool of `--workers` / `--timeout` / `--queue`, nothing loaded yet: local processes, or jobs in
 * flight on the queue. NOTE: the caller must `pool.terminate()`.
 * @throws CliError when the queue's Redis cannot be reached; usage errors for bad flags.
 */
export async function startPool(flags: PoolFlags): Promise<NodeSimPool> {
  checkQueueFlags(flags);
  const timeoutMs = timeoutFlag(flags.timeout, DEFAULT_NODE_TIMEOUT_MS);
  if (flags.queue !== undefined) return queuePool(await connectQueue(flags), inFlightFlag(flags.workers), timeoutMs);
  return createNodePool({ size: poolSizeFlag(flags.workers), timeoutMs });
}

/** `--workers` as a number: worker processes, or with `--queue` jobs in flight. */
export function poolWorkers(flags: PoolFlags): number {
  return flags.queue !== undefined ? inFlightFlag(flags.workers) : poolSizeFlag(flags.workers);
}

/** Rough size of a dataset on the wire (8 bytes a number), for the load time allowance. */
function datasetMegabytes(dataset: Dataset): number {
  let values = 0;
  for (const split of Object.values(dataset.splits)) for (const t of split) values += t.states.length * (dataset.variables.length + 1);
  return (values * 8) / 1e6;
}
