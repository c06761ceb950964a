import { describe, expect, it } from 'vitest';
import { compileSimulator } from '../../sim/compileSimulator.ts';
import { listEnvironments } from '../environments.ts';
import { suiteNoiseFloor, suiteTestW1 } from './noiseFloor.ts';
import { suiteDataset } from './suiteDataset.ts';
import { getSuiteEnvironment, listSuiteEnvironments } from './suiteEnvironments.ts';

describe('calibration robustness suite', () => {
  const suite = listSuiteEnvironments();

  it('listSuiteEnvironments holds at least eight environments, 1 to 12 parameters, none of them a studio benchmark', () => {
    expect(suite.length).toBeGreaterThanOrEqual(8);
    const sizes = suite.map((e) => compileSimulator(e.groundTruthSource).parameters.length);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(12);
    const benchmarks = new Set(listEnvironments().map((e) => e.id as string));
    for (const e of suite) expect(benchmarks.has(e.id)).toBe(false);
  });

  it('every suite truth declares its true parameters inside its prior box', () => {
    for (const e of suite) {
      const sim = compileSimulator(e.groundTruthSource);
      expect(sim.parameters.map((p) => p.name).sort()).toEqual(Object.keys(e.trueParams).sort());
      for (const p of sim.parameters) {
        expect(e.trueParams[p.name]).toBeGreaterThanOrEqual(p.min);
        expect(e.trueParams[p.name]).toBeLessThanOrEqual(p.max);
      }
    }
  });

  it('suiteDataset is deterministic, has finite observed variables, and hides what is not observed', () => {
    const env = getSuiteEnvironment('hidden-seir');
    const a = suiteDataset(env, 3, 4);
    expect(a).toEqual(suiteDataset(env, 3, 4));
    expect(a.variables).toEqual(['S', 'I', 'R']);
    expect(a.splits.train[0].states[1]).toHaveProperty('E');
    for (const s of a.splits.test.flatMap((t) => t.states)) for (const v of a.variables) expect(Number.isFinite(s[v])).toBe(true);
  });

  it('the closed-loop environments record the actions their policies chose from the state', () => {
    const env = getSuiteEnvironment('perishable-inventory');
    const tr = suiteDataset(env, 1, 5).splits.train.flatMap((t) => t.actions.map((a, i) => ({ a, stock: t.states[i].stock as number })));
    // Outside the 20 % random orders, the order tops the stock up to 40.
    const topUps = tr.filter(({ a, stock }) => a === Math.max(0, 40 - stock)).length;
    expect(topUps / tr.length).toBeGreaterThan(0.7);
  });

  it('suiteNoiseFloor is positive and the truth scores at it while a wrong value scores far above', () => {
    const env = getSuiteEnvironment('decay');
    const data = suiteDataset(env, 1, 10);
    const floor = suiteNoiseFloor(env, data, 1, { states: 40, samples: 50 });
    expect(floor).toBeGreaterThan(0);
    const wrong = suiteTestW1(env, data, env.groundTruthSource, { p_death: 0.4 }, 1, { states: 40, samples: 50 }).w1;
    expect(wrong / floor).toBeGreaterThan(2);
  });
});
