import { createNodePool, createTruthPool, DEFAULT_NODE_TIMEOUT_MS, type NodeSimPool } from '../pool/createNodePool.ts';
import type { PoolFlags } from './openPool.ts';
import { poolSizeFlag, timeoutFlag } from './poolFlags.ts';
import { checkQueueFlags, connectQueue, inFlightFlag, queuePool } from './queuePools.ts';

/**
 * Runs `fn` on fresh worker pools for `whatif` and `policy` (--workers, --timeout as the other pool
 * commands), terminating them afterwards: one pool for the model, another for the benchmark's ground
 * truth, so that no process that ran the model ever computes the truth (with `--queue`, on the
 * workers' truth-only processes) (a model that broke out of its
 * realm could otherwise forge the numbers it is compared against). Nothing is broadcast: scenario calls
 * carry the program's source and each worker compiles and caches it, so no dataset is needed.
 */
export async function withScenarioPool<T>(
  flags: PoolFlags,
  fn: (pools: { model: NodeSimPool; truth: NodeSimPool }) => Promise<T>,
): Promise<T> {
  checkQueueFlags(flags);
  const timeoutMs = timeoutFlag(flags.timeout, DEFAULT_NODE_TIMEOUT_MS);
  if (flags.queue !== undefined) {
    // On a queue the truth's jobs run on each worker's truth-only processes (role 'truth').
    const client = await connectQueue(flags);
    const size = inFlightFlag(flags.workers);
    const model = queuePool(client, size, timeoutMs, 'model', false);
    const truth = queuePool(client, size, timeoutMs, 'truth', false);
    try {
      return await fn({ model, truth });
    } finally {
      model.terminate();
      truth.terminate();
      await client.close();
    }
  }
  const size = poolSizeFlag(flags.workers);
  // No spares: nothing is broadcast here, so no worker is ever swapped for a fresh one.
  const model = createNodePool({ size, timeoutMs, spares: 0 });
  const truth = createTruthPool(size, timeoutMs);
  try {
    return await fn({ model, truth });
  } finally {
    model.terminate();
    truth.terminate();
  }
}
