import { describe, expect, it } from 'vitest';
import { generateDataset } from '../data/generateDataset.ts';
import { createRng } from '../rng/createRng.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import type { ParamValues } from '../sim/types.ts';
import { getEnvironment, listEnvironments } from './environments.ts';

describe('listEnvironments / getEnvironment', () => {
  it('listEnvironments() lists covid, supply-chain and hospital in that order', () => {
    expect(listEnvironments().map((e) => e.id)).toEqual(['covid', 'supply-chain', 'hospital']);
  });

  it('getEnvironment(id) returns the environment with that id', () => {
    for (const env of listEnvironments()) expect(getEnvironment(env.id)).toBe(env);
  });

  it('getEnvironment(id) throws for an unknown id, listing the valid ids', () => {
    expect(() => getEnvironment('sir')).toThrowError('Unknown environment "sir": expected one of covid, supply-chain, hospital');
  });
});

describe.each(listEnvironments().map((env) => [env.id, env] as const))('environment %s', (_id, env) => {
  const gt = compileSimulator(env.groundTruthSource);
  const small = generateDataset(env, 3, { train: 4, val: 1, test: 1 });

  it('has the paper horizon of 60 steps and knowledge text', () => {
    expect(env.horizon).toBe(60);
    expect(env.knowledge).toMatch(/^# /);
    expect(env.knowledge).toContain('60 time steps');
  });

  it('declares exactly the true parameters in its ground truth, each inside its prior box, with init = true value', () => {
    expect(gt.parameters.map((p) => p.name).sort()).toEqual(Object.keys(env.trueParams).sort());
    for (const p of gt.parameters) {
      const v = env.trueParams[p.name];
      expect(v).toBeGreaterThanOrEqual(p.min);
      expect(v).toBeLessThanOrEqual(p.max);
      expect(p.init).toBe(v);
    }
  });

  it('knowledge gives no parameter values (paper App. F)', () => {
    for (const v of Object.values(env.trueParams)) {
      if (!Number.isInteger(v)) expect(env.knowledge).not.toContain(String(v));
    }
  });

  it('the ground truth initialState(rng) matches the environment initialState(rng) for the same seed', () => {
    for (let seed = 0; seed < 20; seed++) {
      expect(gt.initialState!(createRng(seed))).toEqual(env.initialState(createRng(seed)));
    }
  });

  it('the ground-truth step is deterministic for a seed', () => {
    const s = small.splits.train[0].states[10];
    const a = small.splits.train[0].actions[10];
    const one = gt.step(s, a, env.trueParams, createRng(7), env.variables);
    const two = gt.step(s, a, env.trueParams, createRng(7), env.variables);
    expect(one).toEqual(two);
  });

  it('the ground-truth step never mutates the state it is given (Monte-Carlo draws reuse start states)', () => {
    const rng = createRng(11);
    for (const tr of small.splits.train) {
      tr.states.slice(0, -1).forEach((s, t) => {
        const before = JSON.stringify(s);
        gt.step(s, tr.actions[t], env.trueParams, rng, env.variables);
        expect(JSON.stringify(s)).toBe(before);
      });
    }
  });

  it('the starter program compiles, differs from the ground truth, and runs on every transition of the data', () => {
    expect(env.starterSource).not.toBe(env.groundTruthSource);
    const starter = compileSimulator(env.starterSource);
    const params: ParamValues = Object.fromEntries(starter.parameters.map((p) => [p.name, p.init ?? (p.min + p.max) / 2]));
    const rng = createRng(5);
    let steps = 0;
    for (const split of ['train', 'val', 'test'] as const) {
      for (const tr of small.splits[split]) {
        tr.states.slice(0, -1).forEach((s, t) => {
          const next = starter.step(s, tr.actions[t], params, rng, env.variables);
          for (const v of env.variables) expect(next[v]).toBeGreaterThanOrEqual(0);
          steps++;
        });
      }
    }
    expect(steps).toBe(6 * 60);
  });

  it('the starter program also runs at its prior box corners', () => {
    const starter = compileSimulator(env.starterSource);
    const s = small.splits.train[0].states[30];
    for (const corner of ['min', 'max'] as const) {
      const params = Object.fromEntries(starter.parameters.map((p) => [p.name, p[corner]]));
      expect(() => starter.step(s, small.splits.train[0].actions[30], params, createRng(1), env.variables)).not.toThrow();
    }
  });
});
