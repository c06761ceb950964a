import type { SummaryBatch, SummarySimulator } from '../core/npe/simulateSummaries.ts';
import type { SummarySpec } from '../core/npe/summaryStatistics.ts';
import type { SimWorkerApi } from '../core/runtime/createSimWorkerApi.ts';
import { SimulatorError } from '../core/sim/SimulatorError.ts';
import type { CancelSignal } from '../core/util/CancelSignal.ts';
import type { RemoteApi } from './RemoteApi.ts';
import type { WorkerPool } from './WorkerPool.ts';

export interface PoolNpeOptions {
  /** Simulations per worker call (default 10): small enough to balance, large enough to amortise messages. */
  chunkSize?: number;
  /** Per-call time limit in milliseconds; the pool's default when absent. */
  timeoutMs?: number;
}

/**
 * A {@link SummarySimulator} on a pool whose workers have `load`ed the simulator and data: a batch of
 * prior draws is cut into chunks that workers simulate with `npeSummaries`, and the chunks are joined
 * in order. Seeds follow the global simulation index, so the summaries do not depend on the pool size.
 * A call that times out or kills its worker drops its simulations as failures; cancellation rejects.
 *
 * @example
 * const simulate = poolNpeSimulations(pool, summarySpec(dataset));
 * await npeCalibrator.run(parameters, simulate, { seed: 1, runtime, observed });
 */
export function poolNpeSimulations(pool: WorkerPool<RemoteApi<SimWorkerApi>>, spec: SummarySpec, opts: PoolNpeOptions = {}): SummarySimulator {
  const chunkSize = Math.max(1, Math.floor(opts.chunkSize ?? 10));
  return async (thetas, seed, firstIndex, signal) => {
    const abort = toAbortSignal(signal);
    const call = { signal: abort, timeoutMs: opts.timeoutMs };
    const starts: number[] = [];
    for (let i = 0; i < thetas.length; i += chunkSize) starts.push(i);
    const parts = await Promise.all(
      starts.map((i) => {
        const chunk = thetas.slice(i, i + chunkSize);
        return pool.run((api) => api.npeSummaries({ thetas: chunk, spec, seed, firstIndex: firstIndex + i }), call).catch((e: unknown): SummaryBatch => {
          if (!(e instanceof SimulatorError) || abort?.aborted) throw e;
          return { x: chunk.map(() => null), simulations: 0, failures: chunk.length, firstError: e.message };
        });
      }),
    );
    const out: SummaryBatch = { x: [], simulations: 0, failures: 0 };
    for (const p of parts) {
      out.x.push(...p.x);
      out.simulations += p.simulations;
      out.failures += p.failures;
      out.firstError ??= p.firstError;
    }
    return out;
  };
}

/** Core hands over a CancelSignal; a real AbortSignal can also stop running workers. */
function toAbortSignal(signal: CancelSignal | undefined): AbortSignal | undefined {
  if (!signal) return undefined;
  if (typeof (signal as AbortSignal).addEventListener === 'function') return signal as AbortSignal;
  return signal.aborted ? AbortSignal.abort() : undefined;
}
