import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateDataset } from '../../core/data/generateDataset.ts';
import { getEnvironment } from '../../core/envs/environments.ts';
import { createSimWorkerApi, type SimWorkerApi } from '../../core/runtime/createSimWorkerApi.ts';
import type { RemoteApi } from '../../pool/RemoteApi.ts';
import { WorkerPool, type WorkerHandle } from '../../pool/WorkerPool.ts';

// The studio's pools are Web Workers (absent in jsdom): the same worker API in-process, behind the same WorkerPool.
function inProcessWorker(): WorkerHandle<RemoteApi<SimWorkerApi>> {
  const api = createSimWorkerApi();
  const remote = Object.fromEntries(Object.entries(api).map(([k, f]) => [k, async (...a: unknown[]) => (f as (...x: unknown[]) => unknown)(...a)]));
  return { api: remote as unknown as RemoteApi<SimWorkerApi>, terminate() {}, exited: new Promise(() => {}) };
}
const truthPool = new WorkerPool(inProcessWorker, { size: 1 });
let poolsMade = 0;
vi.mock('../lib/simPools.ts', () => ({
  getTruthPool: () => truthPool,
  createModelRunPool: () => (poolsMade++, new WorkerPool(inProcessWorker, { size: 2 })),
}));
const { benchmarkNoiseFloor } = await import('./benchmarkNoiseFloor.ts');

describe('benchmarkNoiseFloor', () => {
  afterAll(() => truthPool.terminate());
  const covid = getEnvironment('covid');
  const dataset = generateDataset(covid, 1, { train: 2, val: 2, test: 10 });
  const budget = { states: 40, samples: 20, seed: 1 };

  it('scores the truth against itself: a positive W1 per variable, once per dataset and budget', async () => {
    const floor = await benchmarkNoiseFloor(dataset, covid, budget);
    expect(floor.perVariable.map((v) => v.name)).toEqual(covid.variables);
    expect(floor.w1).toBeGreaterThan(0);
    for (const v of floor.perVariable) expect(v.w1).toBeGreaterThanOrEqual(0);
    // It does not depend on the run: the next diagnostics reuse it.
    expect(await benchmarkNoiseFloor(dataset, covid, budget)).toBe(floor);
    expect(poolsMade).toBe(1);
    await benchmarkNoiseFloor(dataset, covid, { ...budget, seed: 2 });
    expect(poolsMade).toBe(2);
  });
});
