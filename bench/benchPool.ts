import type { Dataset } from '../src/core/data/Dataset.ts';
import { SimulatorError } from '../src/core/sim/SimulatorError.ts';
import { createNodePool, type NodeSimPool } from '../src/pool/createNodePool.ts';

/**
 * A node pool with the program and data loaded, ready to time: worker start-up and loading are
 * excluded from every measurement (they are paid once per session, not per evaluation).
 */
export async function loadedPool(size: number, source: string, dataset: Dataset): Promise<NodeSimPool> {
  const pool = createNodePool({ size, timeoutMs: 600_000 });
  const [r] = await pool.broadcast((api) => api.load(source, dataset));
  if (!r.ok) throw SimulatorError.fromJSON(r.error);
  // One tiny call per worker so that code paths are compiled before the clock starts.
  await pool.map(Array.from({ length: size }, (_, i) => i), (api) => api.ping());
  return pool;
}

/** Seconds taken by `fn`. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - t0) / 1000 };
}
