import { availableParallelism } from 'node:os';
import { createNodePool, DEFAULT_NODE_TIMEOUT_MS, type NodeSimPool } from '../pool/createNodePool.ts';
import { intFlag, secondsFlag } from './parseFlags.ts';

/**
 * Runs `fn` on a fresh worker pool for `whatif` and `policy` (--workers, --timeout as the other pool
 * commands), terminating it afterwards. Unlike openPool nothing is broadcast: scenario calls carry
 * the program's source and each worker compiles and caches it, so no dataset is needed.
 */
export async function withScenarioPool<T>(flags: { workers?: string; timeout?: string }, fn: (pool: NodeSimPool) => Promise<T>): Promise<T> {
  const size = intFlag(flags.workers, 'workers', availableParallelism(), 1, 256);
  const timeoutMs = secondsFlag(flags.timeout, 'timeout', DEFAULT_NODE_TIMEOUT_MS);
  const pool = createNodePool({ size, timeoutMs });
  try {
    return await fn(pool);
  } finally {
    pool.terminate();
  }
}
