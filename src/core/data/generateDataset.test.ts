import { describe, expect, it } from 'vitest';
import { listEnvironments } from '../envs/environments.ts';
import { covid } from '../envs/covid.ts';
import { supplyChain } from '../envs/supplyChain.ts';
import { generateDataset } from './generateDataset.ts';
import { validateDataset } from './validateDataset.ts';

describe('generateDataset', () => {
  it.each(listEnvironments().map((e) => [e.id, e] as const))('generateDataset(%s, seed) gives 100/100/100 trajectories of 61 states and 60 actions', (_id, env) => {
    const data = generateDataset(env, 1);
    expect(data).toMatchObject({ format: 'gsim-dataset', version: 1, name: `${env.id} seed 1`, env: env.id, seed: 1, variables: env.variables });
    for (const split of ['train', 'val', 'test'] as const) {
      expect(data.splits[split]).toHaveLength(100);
      const shapes = data.splits[split].map((tr) => [tr.id, tr.states.length, tr.actions.length]);
      expect(shapes).toEqual(shapes.map((_, k) => [`${split}-${k}`, 61, 60]));
    }
    // What the CLI writes must load back through the validator unchanged.
    const json = JSON.stringify(data);
    expect(JSON.stringify(validateDataset(JSON.parse(json))) === json).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateDataset(supplyChain, 42, { train: 3, val: 2, test: 2 });
    const b = generateDataset(supplyChain, 42, { train: 3, val: 2, test: 2 });
    const c = generateDataset(supplyChain, 43, { train: 3, val: 2, test: 2 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a.splits)).not.toBe(JSON.stringify(c.splits));
  });

  it('keeps each trajectory when the counts change, and extends it when the horizon grows', () => {
    const base = generateDataset(covid, 5, { train: 2, val: 1, test: 1, horizon: 10 });
    const more = generateDataset(covid, 5, { train: 4, val: 3, test: 0, horizon: 20 });
    expect(more.splits.train[1].states.slice(0, 11)).toEqual(base.splits.train[1].states);
    expect(more.splits.val[0].states.slice(0, 11)).toEqual(base.splits.val[0].states);
    expect(more.splits.test).toEqual([]);
    expect(more.splits.train[0].states).toHaveLength(21);
  });

  it('splits use independent streams: train and val trajectories differ', () => {
    const data = generateDataset(covid, 5, { train: 1, val: 1, test: 1 });
    expect(data.splits.train[0].states).not.toEqual(data.splits.val[0].states);
  });

  it('records the behaviour policy actions (supply chain: non-negative integer orders)', () => {
    const data = generateDataset(supplyChain, 9, { train: 5, val: 0, test: 0 });
    const actions = data.splits.train.flatMap((tr) => tr.actions);
    expect(actions.every((a) => Number.isInteger(a) && (a as number) >= 0)).toBe(true);
    const covidData = generateDataset(covid, 9, { train: 2, val: 0, test: 0 });
    expect(covidData.splits.train.flatMap((tr) => tr.actions).every((a) => a === null)).toBe(true);
  });

  it('accepts parameter overrides and a name', () => {
    const data = generateDataset(covid, 1, { train: 2, val: 0, test: 0, horizon: 5, params: { beta: 0 }, name: 'no spread' });
    expect(data.name).toBe('no spread');
    for (const tr of data.splits.train) expect(tr.states.at(-1)!.S).toBe(tr.states[0].S);
  });

  it('rejects invalid counts', () => {
    expect(() => generateDataset(covid, 1, { train: 0 })).toThrow('train must be at least 1');
    expect(() => generateDataset(covid, 1, { val: -1 })).toThrow('val must be a non-negative integer, got -1');
    expect(() => generateDataset(covid, 1, { horizon: 2.5 })).toThrow('horizon must be a non-negative integer, got 2.5');
  });
});
