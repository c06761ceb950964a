import type { Dataset, SplitName } from '../core/data/Dataset.ts';
import { transitionsOf } from '../core/data/transitions.ts';
import { benchmarkStateIndices } from '../core/eval/benchmarkW1.ts';
import { combineBenchmarkW1, type BenchmarkW1Result } from '../core/eval/combineBenchmarkW1.ts';
import type { SimWorkerApi } from '../core/runtime/createSimWorkerApi.ts';
import { SimulatorError } from '../core/sim/SimulatorError.ts';
import type { RemoteApi } from './RemoteApi.ts';
import type { CallOptions, WorkerPool } from './WorkerPool.ts';

export interface PoolBenchmarkW1Options extends CallOptions {
  /** The dataset the pool's workers have loaded (only its split's transition count is read here). */
  dataset: Dataset;
  /** Parameters of the loaded candidate program. */
  params: Record<string, number>;
  truthSource: string;
  trueParams: Record<string, number>;
  /** Split whose start states are used; `test` for the paper's metric (decision B3). */
  split?: SplitName;
  /** Seeded subset of this many start states; all when absent. */
  states?: number;
  samples?: number;
  seed: number;
  /** Start states per worker call (default 25): small enough to balance load and to stay within a time limit. */
  chunkSize?: number;
  /**
   * Workers that never ran a model (the studio's truth pool): when given, the candidate's workers only
   * draw its samples (benchmarkCandidate) and the truth's samples and the distances are computed here
   * (benchmarkTruth), so a candidate cannot rewrite the truth or the score it is judged by. Absent: both
   * halves run on `pool` (benchmarkPart).
   */
  truthPool?: WorkerPool<RemoteApi<SimWorkerApi>>;
}

/**
 * The benchmark W1 ({@link benchmarkW1}) computed on a pool whose workers have `load`ed the candidate
 * and the dataset: the same start states, cut into chunks that workers score with `benchmarkPart`, then
 * combined. Bit-identical to the single-thread benchmarkW1 for the same options, whatever the pool size.
 * Rejects with the program's SimulatorError when it fails on some start state.
 *
 * @example
 * await pool.broadcast((api) => api.load(source, dataset));
 * const r = await poolBenchmarkW1(pool, { dataset, params, truthSource, trueParams, seed: 1 });
 */
export async function poolBenchmarkW1(pool: WorkerPool<RemoteApi<SimWorkerApi>>, opts: PoolBenchmarkW1Options): Promise<BenchmarkW1Result> {
  const split = opts.split ?? 'test';
  const transitions = transitionsOf(opts.dataset, split);
  const indices = benchmarkStateIndices({ transitions, states: opts.states, seed: opts.seed });
  const chunkSize = Math.max(1, Math.floor(opts.chunkSize ?? 25));
  const chunks: Int32Array[] = [];
  for (let i = 0; i < indices.length; i += chunkSize) chunks.push(indices.slice(i, i + chunkSize));
  const { truthPool } = opts;
  if (truthPool) {
    const parts = await Promise.all(
      chunks.map(async (stateIndices) => {
        const c = await pool.run((api) => api.benchmarkCandidate({ params: opts.params, split, stateIndices, samples: opts.samples, seed: opts.seed }), {
          signal: opts.signal, timeoutMs: opts.timeoutMs,
        });
        if (!c.ok) throw SimulatorError.fromJSON(c.error);
        const at = Array.from(stateIndices);
        const t = await truthPool.run(
          (api) =>
            api.benchmarkTruth({
              truthSource: opts.truthSource, trueParams: opts.trueParams, variables: [...transitions.variables], stateIndices,
              states: at.map((s) => transitions.states[s]), actions: at.map((s) => transitions.actions[s]),
              candidate: c.value, samples: opts.samples, seed: opts.seed,
            }),
          { signal: opts.signal, timeoutMs: opts.timeoutMs },
        );
        if (!t.ok) throw new SimulatorError(t.error.code, `ground truth: ${t.error.message}`);
        return t.value;
      }),
    );
    return combineBenchmarkW1(parts);
  }
  const parts = await pool.map(
    chunks,
    async (api, stateIndices) => {
      const r = await api.benchmarkPart({
        params: opts.params,
        truthSource: opts.truthSource,
        trueParams: opts.trueParams,
        split,
        stateIndices,
        samples: opts.samples,
        seed: opts.seed,
      });
      if (!r.ok) throw SimulatorError.fromJSON(r.error);
      return r.value;
    },
    { signal: opts.signal, timeoutMs: opts.timeoutMs },
  );
  return combineBenchmarkW1(parts);
}
