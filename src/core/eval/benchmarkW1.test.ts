import { describe, expect, it } from 'vitest';
import { generateDataset } from '../data/generateDataset.ts';
import { transitionsOf } from '../data/transitions.ts';
import { getEnvironment } from '../envs/environments.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { SimulatorError } from '../sim/SimulatorError.ts';
import { benchmarkStateIndices, benchmarkW1 } from './benchmarkW1.ts';
import { benchmarkW1States, type BenchmarkW1Options } from './benchmarkW1States.ts';
import { combineBenchmarkW1 } from './combineBenchmarkW1.ts';

const covid = getEnvironment('covid');
const truth = compileSimulator(covid.groundTruthSource);
const data = generateDataset(covid, 1, { train: 1, val: 0, test: 10, horizon: 30 });
const transitions = transitionsOf(data, 'test');

function options(beta: number, extra: Partial<BenchmarkW1Options> = {}): BenchmarkW1Options {
  return { candidate: truth, candidateParams: { beta, gamma: 0.1 }, truth, trueParams: covid.trueParams, transitions, states: 16, seed: 4, ...extra };
}

describe('benchmarkW1', () => {
  it('benchmarkW1(opts) of the truth against itself is a small noise floor; beta 0.3 instead of 0.5 is clearly larger', () => {
    const floor = benchmarkW1(options(0.5));
    const wrong = benchmarkW1(options(0.3));
    expect(floor.statesUsed).toBe(16);
    expect(floor.samples).toBe(200);
    expect(floor.w1).toBeGreaterThan(0); // independent streams: sampling noise only
    expect(wrong.w1).toBeGreaterThan(3 * floor.w1);
    expect(wrong.w1 - floor.w1).toBeGreaterThan(4 * (wrong.w1StdError + floor.w1StdError));
    expect(wrong.perVariableW1.S).toBeGreaterThan(3 * floor.perVariableW1.S);
    expect(Math.abs(floor.mmd)).toBeLessThan(0.02);
    expect(wrong.mmd).toBeGreaterThan(0.05);
  });

  it('benchmarkW1States on any split of the states + combineBenchmarkW1 equals benchmarkW1 exactly', () => {
    const opts = options(0.3, { samples: 50 });
    const whole = benchmarkW1(opts);
    const indices = benchmarkStateIndices(opts);
    const parts = [indices.slice(10), indices.slice(0, 3), indices.slice(3, 10)].map((ix) => benchmarkW1States(opts, ix));
    expect(combineBenchmarkW1(parts)).toEqual(whole);
  });

  it('benchmarkW1(opts) uses every start state when `states` is absent, and a seeded subset otherwise', () => {
    const all = benchmarkW1(options(0.5, { states: undefined, samples: 10 }));
    expect(all.statesUsed).toBe(transitions.count);
    expect(Array.from(all.stateIndices)).toEqual(Array.from({ length: transitions.count }, (_, i) => i));
    const some = benchmarkW1(options(0.5, { states: 7, samples: 10 }));
    expect(some.statesUsed).toBe(7);
    expect(benchmarkW1(options(0.5, { states: 7, samples: 10 }))).toEqual(some);
  });

  it('benchmarkW1(opts) propagates the SimulatorError of a candidate that throws', () => {
    const broken = compileSimulator(`const parameters = { beta: { min: 0, max: 1 } };
function step(state) { throw new Error('boom'); }`);
    expect(() => benchmarkW1({ ...options(0.5), candidate: broken, candidateParams: { beta: 0.5 } })).toThrow(SimulatorError);
  });

  it('benchmarkW1States(opts, indices) rejects a state index outside the transitions', () => {
    expect(() => benchmarkW1States(options(0.5), Int32Array.of(transitions.count))).toThrow(RangeError);
  });

  it('combineBenchmarkW1(parts) of no states gives NaN averages, and rejects a state given twice', () => {
    const empty = combineBenchmarkW1([benchmarkW1States(options(0.5), new Int32Array(0))]);
    expect(empty.statesUsed).toBe(0);
    expect(empty.w1).toBeNaN();
    expect(empty.perVariableW1.S).toBeNaN();
    const part = benchmarkW1States(options(0.5, { samples: 5 }), Int32Array.of(2));
    expect(() => combineBenchmarkW1([part, part])).toThrow(/appears twice/);
  });

  it('benchmarkW1(opts) with one sample per state reports W1 and NaN MMD (the unbiased MMD needs pairs)', () => {
    const r = benchmarkW1(options(0.5, { samples: 1, states: 3 }));
    expect(Number.isFinite(r.w1)).toBe(true);
    expect(r.mmd).toBeNaN();
  });
});
