import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../core/data/Dataset.ts';
import { generateDataset } from '../core/data/generateDataset.ts';
import { getEnvironment } from '../core/envs/environments.ts';
import { SimulatorError } from '../core/sim/SimulatorError.ts';
import { transitionsOf } from '../core/data/transitions.ts';
import { benchmarkW1 } from '../core/eval/benchmarkW1.ts';
import { compileSimulator } from '../core/sim/compileSimulator.ts';
import { createNodePool, type NodeSimPool } from './createNodePool.ts';
import { poolBenchmarkW1 } from './poolBenchmarkW1.ts';
import { poolEvaluator } from './poolEvaluator.ts';

const covid = getEnvironment('covid');
const STUCK = `const parameters = { beta: { min: 0, max: 2 }, gamma: { min: 0, max: 1 } };
function step(state) { while (true) {} }`;
const batch = [0.5, 0.3, 1.2, 0.05].map((beta, i) => new Float64Array([beta, 0.05 + 0.05 * i]));

describe('createNodePool (worker threads)', () => {
  let data: Dataset;
  let pool1: NodeSimPool;
  let pool2: NodeSimPool;

  beforeAll(() => {
    data = generateDataset(covid, 3, { train: 4, val: 1, test: 1, horizon: 20 });
    pool1 = createNodePool({ size: 1, timeoutMs: 1000 });
    pool2 = createNodePool({ size: 2, timeoutMs: 1000 });
  });
  afterAll(() => {
    pool1.terminate();
    pool2.terminate();
  });

  it('poolEvaluator(pool, mc) gives identical scores on 1 and 2 workers for the same seed', async () => {
    const [r1] = await pool1.broadcast((api) => api.load(covid.groundTruthSource, data));
    await pool2.broadcast((api) => api.load(covid.groundTruthSource, data));
    expect(r1.ok).toBe(true);
    const a = await poolEvaluator(pool1, 5)(batch, 11);
    const b = await poolEvaluator(pool2, 5)(batch, 11);
    expect(Array.from(b.fitness)).toEqual(Array.from(a.fitness));
    expect(a.simulations).toBe(batch.length * 4 * 20 * 5);
    expect(a.failures).toBe(0);
    // The truth scores best: a sanity check that the workers really ran the program.
    expect(a.fitness[0]).toBeLessThan(a.fitness[2]);
  });

  it('poolBenchmarkW1(pool, opts) equals the single-thread benchmarkW1 for the same options', async () => {
    const params = { beta: 0.4, gamma: 0.15 };
    const opts = { params, truthSource: covid.groundTruthSource, trueParams: covid.trueParams, states: 7, samples: 20, seed: 5 };
    const pooled = await poolBenchmarkW1(pool2, { ...opts, dataset: data, chunkSize: 3 });
    const sim = compileSimulator(covid.groundTruthSource);
    const direct = benchmarkW1({
      candidate: sim, candidateParams: params, truth: sim, trueParams: covid.trueParams,
      transitions: transitionsOf(data, 'test'), states: 7, samples: 20, seed: 5,
    });
    expect(pooled.statesUsed).toBe(7);
    expect(pooled.w1).toBe(direct.w1);
    expect(pooled.perVariableW1).toEqual(direct.perVariableW1);
  });

  it('a program stuck in while(true) inside step is stopped at the limit, scored +Infinity, and the pool works afterwards', async () => {
    await pool2.broadcast((api) => api.load(STUCK, data));
    const stuck = await poolEvaluator(pool2, 1)(batch.slice(0, 2), 1);
    expect(Array.from(stuck.fitness)).toEqual([Infinity, Infinity]);
    expect(stuck.failures).toBe(2);
    expect(stuck.firstError).toMatch(/time limit of 1 s/);
    expect(pool2.replacements).toBeGreaterThanOrEqual(2);
    await pool2.broadcast((api) => api.load(covid.groundTruthSource, data));
    const ok = await poolEvaluator(pool2, 5)(batch, 11);
    expect(ok.failures).toBe(0);
    expect(pool2.busyCount).toBe(0);
  });

  it('a direct call that runs past the limit rejects with SimulatorError timeout', async () => {
    await pool1.broadcast((api) => api.load(STUCK, data));
    const err = await pool1.run((api) => api.fitness(batch, 1, 1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimulatorError);
    expect((err as SimulatorError).code).toBe('timeout');
  });

  it('aborting rejects an evaluation promptly with AbortError and leaves no worker busy', async () => {
    await pool2.broadcast((api) => api.load(STUCK, data));
    const controller = new AbortController();
    const pending = poolEvaluator(pool2, 1, { timeoutMs: 60_000 })(batch, 1, controller.signal).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    const err = (await pending) as Error;
    expect(err.name).toBe('AbortError');
    expect(pool2.busyCount).toBe(0);
  });
});
