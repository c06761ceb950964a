import { describe, expect, it } from 'vitest';
import { generateDataset } from '../core/data/generateDataset.ts';
import { getEnvironment } from '../core/envs/environments.ts';
import { findScenarioPreset } from '../core/interventions/benchmarkScenarios.ts';
import { scenarioStartStates } from '../core/interventions/scenarioStartStates.ts';
import { createSimWorkerApi, type SimWorkerApi } from '../core/runtime/createSimWorkerApi.ts';
import { poolBenchmarkW1 } from './poolBenchmarkW1.ts';
import { poolScenarios } from './poolScenarios.ts';
import type { RemoteApi } from './RemoteApi.ts';
import { WorkerPool } from './WorkerPool.ts';

const covid = getEnvironment('covid');
/** A model that is not the truth: its numbers differ, so mixing sides up would show. */
const MODEL = covid.groundTruthSource;
const MODEL_PARAMS = { beta: 0.45, gamma: 0.2 };

/** An in-process pool of real worker APIs that records every call made on it, by method. */
function recordingPool(size: number) {
  const calls: { method: string; source?: string }[] = [];
  const pool = new WorkerPool<RemoteApi<SimWorkerApi>>(
    () => {
      const api = createSimWorkerApi() as unknown as Record<string, (...a: unknown[]) => unknown>;
      const remote = new Proxy({} as RemoteApi<SimWorkerApi>, {
        get: (_, method: string) => async (...args: unknown[]) => {
          const first = args[0] as { program?: { source?: string } } | string | undefined;
          calls.push({ method, source: typeof first === 'string' ? first : first?.program?.source });
          return api[method](...args);
        },
      });
      return { api: remote, exited: new Promise<Error>(() => {}), terminate: () => {} };
    },
    { size, timeoutMs: 30_000, freshWorkersPerBroadcast: true },
  );
  return { pool, calls };
}

describe('the truth on its own pool', () => {
  it('poolBenchmarkW1 with a truth pool gives the same numbers, and the truth pool never sees the candidate', async () => {
    const dataset = generateDataset(covid, 3, { train: 2, val: 1, test: 3, horizon: 12 });
    const run = recordingPool(2);
    const truth = recordingPool(1);
    await run.pool.broadcast((api) => api.load(MODEL, dataset));
    const opts = { dataset, params: MODEL_PARAMS, truthSource: covid.groundTruthSource, trueParams: covid.trueParams, states: 20, samples: 30, seed: 5, chunkSize: 7 };
    const together = await poolBenchmarkW1(run.pool, opts);
    const apart = await poolBenchmarkW1(run.pool, { ...opts, truthPool: truth.pool });
    expect(apart).toEqual(together);
    expect(together.w1).toBeGreaterThan(0);
    expect(new Set(truth.calls.map((c) => c.method))).toEqual(new Set(['benchmarkTruth']));
    expect(run.calls.filter((c) => c.method === 'benchmarkCandidate')).toHaveLength(3);
    run.pool.terminate();
    truth.pool.terminate();
  });

  it('poolScenarios with a truth pool runs every truth slice there and no model slice, with the same outcome', async () => {
    const scenarios = [...findScenarioPreset('covid-lockdown')!.scenarios.slice(0, 2)];
    const common = {
      model: { source: `// the model\n${MODEL}`, params: MODEL_PARAMS }, truth: { source: covid.groundTruthSource, params: covid.trueParams },
      scenarios, variables: covid.variables, horizon: 30, rollouts: 12, seed: 2, initialStates: scenarioStartStates(covid, 12, 2), chunkSize: 5,
    };
    const run = recordingPool(2);
    const truth = recordingPool(1);
    const together = await poolScenarios(run.pool, common);
    run.calls.length = 0;
    const apart = await poolScenarios(run.pool, { ...common, truthPool: truth.pool });
    expect(apart).toEqual(together);
    expect(together[0].comparison!.perVariable.I.meanW1).toBeGreaterThan(0);
    const slices = (calls: typeof run.calls) => calls.filter((c) => c.method === 'scenarioRollouts').map((c) => c.source);
    expect(slices(truth.calls)).toHaveLength(2 * 3);
    expect(new Set(slices(truth.calls))).toEqual(new Set([covid.groundTruthSource]));
    expect(new Set(slices(run.calls))).toEqual(new Set([common.model.source]));
    run.pool.terminate();
    truth.pool.terminate();
  });
});
