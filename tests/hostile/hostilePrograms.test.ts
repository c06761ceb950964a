// Hostile and broken simulator programs run in real Node worker processes: each must end in a clear
// SimulatorError within a few seconds, never hang, and leave the pool usable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/data/Dataset.ts';
import { generateDataset } from '../../src/core/data/generateDataset.ts';
import { getEnvironment } from '../../src/core/envs/environments.ts';
import { SimulatorError, type SimulatorErrorCode } from '../../src/core/sim/SimulatorError.ts';
import { createNodePool, type NodeSimPool } from '../../src/pool/createNodePool.ts';
import { poolEvaluator } from '../../src/pool/poolEvaluator.ts';

const PARAMS = 'const parameters = { a: { min: 0, max: 1 } };\n';
const OK_STEP = 'function step(s) { return { S: s.S, I: s.I, R: s.R }; }\n';

const HOSTILE: [string, string, SimulatorErrorCode, RegExp][] = [
  ['an endless loop at top level', `${PARAMS}while (true) {}\n${OK_STEP}`, 'timeout', /time limit of 3 s/],
  ['while(true) inside step', `${PARAMS}function step(s) { while (true) {} }`, 'timeout', /time limit of 3 s/],
  ['an endless recursion in step', `${PARAMS}function step(s) { return step(s); }`, 'runtime', /RangeError: Maximum call stack/],
  ['a throw in step', `${PARAMS}function step(s) {\n  throw new Error('bad day');\n}`, 'runtime', /bad day at line 3/],
  ['a NaN in the returned state', `${PARAMS}function step(s) { return { S: NaN, I: 0, R: 0 }; }`, 'invalid-state', /state\.S = NaN/],
  ['a call to fetch', `${PARAMS}function step(s) { fetch('http://example.com'); return s; }`, 'forbidden', /fetch is not available/],
  ['Math.random', `${PARAMS}function step(s) { return { ...s, S: s.S * Math.random() }; }`, 'forbidden', /rng\.random/],
  ['an async step', `${PARAMS}async function step(s) { return s; }`, 'invalid-state', /Promise/],
  [
    // The vm sandbox compiles no strings to code, so the escape fails before it reaches any global.
    'an escape to the real global that would exit the thread',
    `${PARAMS}function step(s) { Function('return this')().process.exit(3); }`,
    'runtime',
    /EvalError: Code generation from strings disallowed/,
  ],
];

describe('hostile simulator programs in Node worker processes', () => {
  let pool: NodeSimPool;
  // The memory cases get a time limit far beyond their need: filling the 96 MB heap takes 0.7-0.9 s at a
  // load average of 9 on 2 cores, but it passed the 3 s limit once under more load, and then the case
  // ended as a timeout, which is not what it tests.
  let memoryPool: NodeSimPool;
  let data: Dataset;
  const covid = getEnvironment('covid');

  beforeAll(() => {
    data = generateDataset(covid, 1, { train: 2, val: 2, test: 1, horizon: 5 });
    pool = createNodePool({ size: 1, timeoutMs: 3000, maxMemoryMb: 96 });
    memoryPool = createNodePool({ size: 1, timeoutMs: 60_000, maxMemoryMb: 96 });
  });
  afterAll(() => {
    pool.terminate();
    memoryPool.terminate();
  });

  /** Loads the program and computes validation metrics; returns the SimulatorError it ends in, if any. */
  async function failureOf(source: string, on: NodeSimPool = pool): Promise<SimulatorError | undefined> {
    try {
      const loaded = await on.run((api) => api.load(source, data));
      if (!loaded.ok) return SimulatorError.fromJSON(loaded.error);
      const r = await on.run((api) => api.validation({ params: { a: 0.5 }, split: 'val', samples: 2, rollouts: 2, seed: 1 }));
      return r.ok ? undefined : SimulatorError.fromJSON(r.error);
    } catch (e) {
      if (e instanceof SimulatorError) return e;
      throw e;
    }
  }

  it.each(HOSTILE)('%s ends in a SimulatorError, and the pool still works', async (_name, source, code, message) => {
    const err = await failureOf(source);
    expect(err?.code).toBe(code);
    expect(err?.message).toMatch(message);
    expect(await failureOf(covid.groundTruthSource)).toBeUndefined();
    expect(pool.busyCount).toBe(0);
  }, 20_000);

  it('a memory bomb in step ends in a SimulatorError naming the heap limit, and the pool still works', async () => {
    const err = await failureOf(`${PARAMS}function step(s) { const hoard = []; while (true) hoard.push(new Array(1e5).fill(s.S + 0.5)); }`, memoryPool);
    expect(err?.code).toBe('runtime');
    expect(err?.message).toMatch(/ran out of memory \(worker heap limit 96 MB/);
    expect(await failureOf(covid.groundTruthSource, memoryPool)).toBeUndefined();
    expect(memoryPool.busyCount).toBe(0);
  }, 120_000);

  it('inside a calibration a looping candidate scores +Infinity with the timeout as its first error', async () => {
    await pool.broadcast((api) => api.load(`${PARAMS}function step(s, a, p) { while (p.a > 0.5) {} return s; }`, data));
    const scores = await poolEvaluator(pool, 1)([new Float64Array([0.2]), new Float64Array([0.9])], 1);
    expect(scores.fitness[0]).toBeGreaterThanOrEqual(0);
    expect(scores.fitness[1]).toBe(Infinity);
    expect(scores.failures).toBe(1);
    expect(scores.firstError).toMatch(/time limit/);
  }, 20_000);

  describe('a candidate that runs out of memory where the box reaches too far', () => {
    const BOMB = `${PARAMS}function step(s, a, p) { const hoard = []; while (p.a > 0.5) hoard.push(new Array(1e5).fill(1)); return s; }`;
    const batch = [new Float64Array([0.2]), new Float64Array([0.9]), new Float64Array([0.3]), new Float64Array([0.1])];

    it('scores +Infinity in Node and the run goes on (its process is replaced)', async () => {
      await memoryPool.broadcast((api) => api.load(BOMB, data));
      const scores = await poolEvaluator(memoryPool, 1)(batch, 1);
      expect([...scores.fitness].map(Number.isFinite)).toEqual([true, false, true, true]);
      expect(scores.failures).toBe(1);
      expect(scores.firstError).toMatch(/ran out of memory/);
    }, 120_000);

    it('fails the run when most calls of a batch die (the program is at fault, not a corner of the box)', async () => {
      await memoryPool.broadcast((api) => api.load(BOMB, data));
      const most = [new Float64Array([0.9]), new Float64Array([0.8]), new Float64Array([0.2])];
      await expect(poolEvaluator(memoryPool, 1)(most, 1)).rejects.toThrow(/ran out of memory/);
    }, 120_000);

    it("fails the run at the first death with onWorkerDeath 'fail-run' (the studio's sandbox)", async () => {
      await memoryPool.broadcast((api) => api.load(BOMB, data));
      await expect(poolEvaluator(memoryPool, 1, { onWorkerDeath: 'fail-run' })(batch, 1)).rejects.toThrow(/ran out of memory/);
    }, 120_000);
  });
});
