import type { EnvId } from '../core/data/Dataset.ts';
import { DEFAULT_QUANTILES, quantileBands } from '../core/eval/quantileBands.ts';
import { compareOutcomes, type OutcomeComparison } from '../core/interventions/compareOutcomes.ts';
import { resolveScenario } from '../core/interventions/resolveScenario.ts';
import type { ResolvedScenario, Scenario } from '../core/interventions/Scenario.ts';
import type { ScenarioResult } from '../core/interventions/simulateScenario.ts';
import type { ScenarioChunk, ScenarioProgram, ScenarioRolloutsRequest } from '../core/runtime/scenarioWorkerMethods.ts';
import type { SimWorkerApi } from '../core/runtime/createSimWorkerApi.ts';
import { SimulatorError } from '../core/sim/SimulatorError.ts';
import type { State } from '../core/sim/types.ts';
import type { RemoteApi } from './RemoteApi.ts';
import type { CallOptions, WorkerPool } from './WorkerPool.ts';

export interface PoolScenariosOptions extends CallOptions {
  /** The program under study (by source, or the loaded one) and its parameters or posterior draws. */
  model: ScenarioProgram;
  /** The benchmark's ground truth, run beside the model from the same start states and seeds; null: none. */
  truth?: ScenarioProgram | null;
  /**
   * Workers that never ran a model (the studio's truth pool): the truth's rollouts run there, so a model
   * cannot reach them; absent: on `pool` beside the model.
   */
  truthPool?: WorkerPool<RemoteApi<SimWorkerApi>>;
  scenarios: Scenario[];
  variables: string[];
  record?: string[];
  horizon: number;
  rollouts: number;
  seed: number;
  initialStates?: State[];
  policyEnv?: EnvId;
  /** Rollouts per worker call (default: enough calls to keep every worker busy, at least 10 rollouts each). */
  chunkSize?: number;
  /** Called after each worker call with calls done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** One scenario's rollouts on the model (and the truth), with the model-vs-truth W1s. */
export interface PoolScenarioOutcome {
  scenario: ResolvedScenario;
  model: ScenarioResult;
  truth: ScenarioResult | null;
  comparison: OutcomeComparison | null;
}

interface Task {
  scenario: number;
  side: 'model' | 'truth';
  request: ScenarioRolloutsRequest;
}

/**
 * Runs what-if scenarios on a pool: every scenario's rollouts (on the model and, when given, on the
 * truth) are cut into slices that workers simulate with `scenarioRollouts`; the slices are joined in
 * rollout order, so the result equals one in-process {@link simulateScenario} whatever the pool size.
 * Bands and the model-vs-truth comparison are computed here. A program that never returns fails its
 * call at the pool's time limit with a `SimulatorError('timeout')`.
 * @throws SimulatorError for a malformed scenario (before any work starts) or a failing program.
 * @example
 * const out = await poolScenarios(pool, { model: { source, params }, truth: { source: env.groundTruthSource, params: env.trueParams },
 *   scenarios, variables: env.variables, horizon: 60, rollouts: 200, seed: 1, initialStates });
 */
export async function poolScenarios(pool: WorkerPool<RemoteApi<SimWorkerApi>>, opts: PoolScenariosOptions): Promise<PoolScenarioOutcome[]> {
  // Resolved here too: shape errors surface at once, and the caller gets the windows to shade.
  const resolved = opts.scenarios.map((s) => resolveScenario(s, {}, s.horizon ?? opts.horizon));
  const sides: ('model' | 'truth')[] = opts.truth ? ['model', 'truth'] : ['model'];
  const runs = resolved.length * sides.length;
  // About two calls per worker over all runs, but no call under 10 rollouts (messages cost too).
  const chunk = Math.max(1, Math.floor(opts.chunkSize ?? Math.min(opts.rollouts, Math.max(10, Math.ceil((opts.rollouts * runs) / (2 * pool.size))))));
  const tasks: Task[] = [];
  opts.scenarios.forEach((scenario, i) => {
    for (const side of sides) {
      for (let first = 0; first < opts.rollouts; first += chunk) {
        tasks.push({
          scenario: i, side,
          request: {
            program: side === 'model' ? opts.model : opts.truth!,
            scenario, variables: opts.variables, record: opts.record, horizon: opts.horizon, seed: opts.seed,
            initialStates: opts.initialStates, policyEnv: opts.policyEnv,
            firstRollout: first, rollouts: Math.min(chunk, opts.rollouts - first),
          },
        });
      }
    }
  });
  let done = 0;
  const runTask = async (api: RemoteApi<SimWorkerApi>, task: Task) => {
    const r = await api.scenarioRollouts(task.request);
    if (!r.ok) {
      const e = SimulatorError.fromJSON(r.error);
      throw task.side === 'truth' ? new SimulatorError(e.code, `ground truth: ${e.message}`) : e;
    }
    opts.onProgress?.(++done, tasks.length);
    return r.value;
  };
  const call = { signal: opts.signal, timeoutMs: opts.timeoutMs };
  const onTruthPool = opts.truthPool ? tasks.filter((t) => t.side === 'truth') : [];
  const onPool = opts.truthPool ? tasks.filter((t) => t.side === 'model') : tasks;
  const [poolChunks, truthChunks] = await Promise.all([
    pool.map(onPool, runTask, call),
    onTruthPool.length ? opts.truthPool!.map(onTruthPool, runTask, call) : Promise.resolve([]),
  ]);
  const chunks = tasks.map((t) => (onPool.includes(t) ? poolChunks[onPool.indexOf(t)] : truthChunks[onTruthPool.indexOf(t)]));
  return resolved.map((scenario, i) => {
    const of = (side: 'model' | 'truth') => joinChunks(chunks.filter((_, k) => tasks[k].scenario === i && tasks[k].side === side));
    const model = of('model');
    const truth = opts.truth ? of('truth') : null;
    return { scenario, model, truth, comparison: truth ? compareOutcomes(model, truth) : null };
  });
}

/**
 * Slices of one run (in rollout order) as one {@link ScenarioResult}: the ensembles concatenated,
 * then the mean and the 5 / 50 / 95 % bands over all rollouts.
 */
export function joinChunks(parts: readonly ScenarioChunk[]): ScenarioResult {
  if (parts.length === 0) throw new RangeError('joinChunks: no slices');
  const { keys, variables, steps, scenario } = parts[0];
  const dim = keys.length;
  const rollouts = parts.reduce((n, p) => n + p.rollouts, 0);
  const ensemble = new Float64Array(rollouts * steps * dim);
  let at = 0;
  for (const p of parts) {
    ensemble.set(p.ensemble, at);
    at += p.ensemble.length;
  }
  const mean = new Float64Array(steps * dim);
  for (let r = 0; r < rollouts; r++) for (let i = 0; i < steps * dim; i++) mean[i] += ensemble[r * steps * dim + i] / rollouts;
  const quantiles = [...DEFAULT_QUANTILES];
  return { scenario, keys, variables, steps, rollouts, ensemble, mean, quantiles, bands: quantileBands(ensemble, rollouts, steps, dim, quantiles) };
}
