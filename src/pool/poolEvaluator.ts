import type { BatchEvaluator, BatchScores } from '../core/calibrate/Calibrator.ts';
import type { FitnessKind } from '../core/calibrate/oneStepFitness.ts';
import type { SimWorkerApi } from '../core/runtime/createSimWorkerApi.ts';
import { SimulatorError } from '../core/sim/SimulatorError.ts';
import type { CancelSignal } from '../core/util/CancelSignal.ts';
import type { RemoteApi } from './RemoteApi.ts';
import type { WorkerPool } from './WorkerPool.ts';

export interface PoolEvaluatorOptions {
  /**
   * Candidates per worker call (default 1). Fixed, not derived from the pool size, so that even a
   * timed-out call (which fails all of its candidates) gives the same scores on any number of workers.
   */
  chunkSize?: number;
  /** Per-call time limit in milliseconds; the pool's default when absent. */
  timeoutMs?: number;
  /** The one-step score (default `mse`, the paper's). */
  fitness?: FitnessKind;
  /**
   * What a call whose worker died (out of memory, crashed) does to the run. `fail-candidates` (the
   * default; Node, where each worker is a process of its own, replaced in a fraction of a second): its
   * candidates score +Infinity and the run goes on, since a wide box may hold values where the program
   * outgrows its memory; the batch still fails once most of its calls died (the program, not a corner of
   * the box, is at fault). `fail-run` (the browser, where a worker's death takes the whole sandbox
   * process down and rebuilding it takes seconds): the first death fails the run with its reason.
   */
  onWorkerDeath?: 'fail-candidates' | 'fail-run';
}

/**
 * A {@link BatchEvaluator} that spreads a batch over a pool whose workers have `load`ed the simulator
 * and data. Every sub-batch gets the same seed (common random numbers), so the scores do not depend on
 * the pool size. A call that times out scores its candidates +Infinity and counts them as failures
 * (the run goes on: one candidate may loop where others do not). A call whose worker died is handled
 * as `onWorkerDeath` says. A worker killed for misbehaving (`forbidden`: posting out of turn, an answer
 * over its budget) always fails the run with that reason, so a hostile program is not rebuilt and rerun
 * for every candidate; cancellation rejects too.
 *
 * @example
 * await pool.broadcast((api) => api.load(source, dataset));
 * const result = await geneticAlgorithm.run(params, poolEvaluator(pool, DEFAULT_MC), { seed: 1 });
 */
export function poolEvaluator(pool: WorkerPool<RemoteApi<SimWorkerApi>>, mc: number, opts: PoolEvaluatorOptions = {}): BatchEvaluator {
  const chunkSize = Math.max(1, Math.floor(opts.chunkSize ?? 1));
  return async (batch, seed, signal) => {
    const outer = toAbortSignal(signal);
    // The first call that fails the batch stops the others, queued or running: a program that crashed
    // its sandbox must not be run again by the rest of its generation on the rebuilt one.
    const batchCtl = new AbortController();
    const stopAll = () => batchCtl.abort(outer?.reason);
    if (outer?.aborted) stopAll();
    outer?.addEventListener('abort', stopAll, { once: true });
    const chunks: Float64Array[][] = [];
    for (let i = 0; i < batch.length; i += chunkSize) chunks.push(batch.slice(i, i + chunkSize));
    const call = { signal: batchCtl.signal, timeoutMs: opts.timeoutMs };
    const deathsTolerated = opts.onWorkerDeath === 'fail-run' ? 0 : Math.floor(chunks.length / 2);
    let deaths = 0;
    try {
      const parts = await Promise.all(
        chunks.map((chunk) =>
          pool.run((api) => api.fitness(chunk, seed, mc, opts.fitness ?? 'mse'), call).catch((e: unknown) => {
            // A timeout (and, within the tolerance, a dead worker) fails this call's candidates only; a
            // misbehaving worker, cancellation and bugs propagate and stop the rest of the batch.
            if (e instanceof SimulatorError && !batchCtl.signal.aborted) {
              if (e.code === 'timeout') return failed(chunk.length, e.message);
              if (e.code !== 'forbidden' && ++deaths <= deathsTolerated) return failed(chunk.length, e.message);
            }
            if (!batchCtl.signal.aborted) batchCtl.abort(e);
            throw e;
          }),
        ),
      );
      return combine(parts);
    } finally {
      outer?.removeEventListener('abort', stopAll);
    }
  };
}

function failed(n: number, message: string): BatchScores {
  return { fitness: new Float64Array(n).fill(Infinity), simulations: 0, failures: n, firstError: message };
}

/** Concatenates sub-batch scores in order; the first error is the first one in batch order. */
function combine(parts: readonly BatchScores[]): BatchScores {
  const fitness = new Float64Array(parts.reduce((n, p) => n + p.fitness.length, 0));
  let offset = 0;
  let simulations = 0;
  let failures = 0;
  let firstError: string | undefined;
  for (const p of parts) {
    fitness.set(p.fitness, offset);
    offset += p.fitness.length;
    simulations += p.simulations;
    failures += p.failures;
    firstError ??= p.firstError;
  }
  return { fitness, simulations, failures, firstError };
}

/** Core hands over a CancelSignal; a real AbortSignal can also stop running workers. */
function toAbortSignal(signal: CancelSignal | undefined): AbortSignal | undefined {
  if (!signal) return undefined;
  if (typeof (signal as AbortSignal).addEventListener === 'function') return signal as AbortSignal;
  return signal.aborted ? AbortSignal.abort() : undefined;
}
