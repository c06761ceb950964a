import { availableParallelism } from 'node:os';
import type { Dataset } from '../core/data/Dataset.ts';
import { SimulatorError } from '../core/sim/SimulatorError.ts';
import type { ParameterSpec } from '../core/sim/types.ts';
import { createNodePool, DEFAULT_NODE_TIMEOUT_MS, type NodeSimPool } from '../pool/createNodePool.ts';
import { intFlag, secondsFlag } from './parseFlags.ts';

/** Time limit for loading the program and data into a worker. */
const LOAD_TIMEOUT_MS = 20_000;

/** Flags every pool-using command shares. */
export const POOL_FLAGS = {
  workers: { type: 'string' },
  timeout: { type: 'string' },
} as const;

export const POOL_USAGE = `  --workers N  worker threads (default: os.availableParallelism(), here ${availableParallelism()})
  --timeout S  time limit in seconds per worker call (default ${DEFAULT_NODE_TIMEOUT_MS / 1000}); a program
               that runs past it is stopped (endless loop) and its candidate scores +Infinity`;

/**
 * Starts the worker pool and loads the program and data into every worker.
 * NOTE: the caller must `pool.terminate()` (in a finally), or the process stays alive.
 * @throws SimulatorError when the program does not compile (the pool is terminated first).
 */
export async function openPool(
  flags: { workers?: string; timeout?: string },
  source: string,
  dataset: Dataset,
  signal: AbortSignal,
): Promise<{ pool: NodeSimPool; parameters: ParameterSpec[] }> {
  const size = intFlag(flags.workers, 'workers', availableParallelism(), 1, 256);
  const timeoutMs = secondsFlag(flags.timeout, 'timeout', DEFAULT_NODE_TIMEOUT_MS);
  const pool = createNodePool({ size, timeoutMs });
  try {
    // Compiling is instant; only shipping a large dataset takes time. A program that loops at top level
    // should fail fast rather than after a long per-call limit meant for heavy evaluations.
    const [first] = await pool.broadcast((api) => api.load(source, dataset), { signal, timeoutMs: Math.min(timeoutMs, LOAD_TIMEOUT_MS) });
    if (!first.ok) throw SimulatorError.fromJSON(first.error);
    return { pool, parameters: first.parameters };
  } catch (e) {
    pool.terminate();
    throw e;
  }
}
