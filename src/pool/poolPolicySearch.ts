import type { EnvId } from '../core/data/Dataset.ts';
import type { PolicyGrid } from '../core/interventions/PolicyGrid.ts';
import { policySearch, type PolicySearchResult } from '../core/interventions/policySearch.ts';
import type { SimWorkerApi } from '../core/runtime/createSimWorkerApi.ts';
import type { ScenarioProgram } from '../core/runtime/scenarioWorkerMethods.ts';
import { SimulatorError } from '../core/sim/SimulatorError.ts';
import type { State } from '../core/sim/types.ts';
import type { RemoteApi } from './RemoteApi.ts';
import type { WorkerPool } from './WorkerPool.ts';

export interface PoolPolicySearchOptions {
  /** The program (by source, or the loaded one) and its parameters. */
  program: ScenarioProgram & { params: Record<string, number> };
  grid: PolicyGrid;
  variables: string[];
  /** Steps per rollout when the grid sets none. */
  horizon: number;
  rollouts: number;
  seed: number;
  initialStates?: State[];
  policyEnv?: EnvId;
  /**
   * Stops the search: no further cell starts and the cells done so far come back (`cancelled: true`).
   * Cells already on a worker finish (one cell is a few rollouts: milliseconds); a cell that never
   * ends is stopped by the time limit instead.
   */
  signal?: AbortSignal;
  /** Per-call time limit (ms); the pool's default when absent. */
  timeoutMs?: number;
  /** Called after each cell with cells done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Label for failures, e.g. `ground truth` (prefixed to the program's message). */
  label?: string;
}

/**
 * A policy grid search ({@link policySearch}) whose cells run on the pool's workers with
 * `policyCells`, as many at a time as there are workers. Every cell uses the same seed (common random
 * numbers), so the result equals a local search whatever the pool size. A program that never
 * returns fails at the pool's per-call time limit with `SimulatorError('timeout')`.
 * @throws SimulatorError when the program, the scenario template or the cost expression fails.
 * @example
 * const res = await poolPolicySearch(pool, { program: { source, params }, grid, variables, horizon: 90, rollouts: 10, seed: 1 });
 * res.optimum; // { i, j, x, y, cost }
 */
export async function poolPolicySearch(pool: WorkerPool<RemoteApi<SimWorkerApi>>, opts: PoolPolicySearchOptions): Promise<PolicySearchResult> {
  const { grid } = opts;
  // After a failure the search rejects at once; this stops its other lanes from starting more cells
  // (with a looping program each would wait out the time limit).
  let failed = false;
  const stop = { get aborted() { return failed || (opts.signal?.aborted ?? false); } };
  return policySearch(
    grid,
    async (cell) => {
      const r = await pool.run(
        (api) =>
          api.policyCells({
            program: opts.program, grid, cells: [cell], variables: opts.variables, horizon: opts.horizon,
            rollouts: opts.rollouts, seed: opts.seed, initialStates: opts.initialStates, policyEnv: opts.policyEnv,
          }),
        { timeoutMs: opts.timeoutMs },
      ).catch((e: unknown) => {
        failed = true;
        throw e;
      });
      if (!r.ok) {
        failed = true;
        const e = SimulatorError.fromJSON(r.error);
        throw opts.label ? new SimulatorError(e.code, `${opts.label}: ${e.message}`) : e;
      }
      return r.value[0];
    },
    { signal: stop, onProgress: opts.onProgress, concurrency: pool.size },
  );
}
