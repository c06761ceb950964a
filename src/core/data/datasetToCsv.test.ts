import { describe, expect, it } from 'vitest';
import { listEnvironments } from '../envs/environments.ts';
import type { Dataset, SplitName } from './Dataset.ts';
import { DatasetError } from './DatasetError.ts';
import { datasetToCsv } from './datasetToCsv.ts';
import { generateDataset } from './generateDataset.ts';
import { parseTrajectoryCsv } from './parseTrajectoryCsv.ts';

const SPLITS: SplitName[] = ['train', 'val', 'test'];

/** The observed content of a dataset: ids, observed variables and actions per split. */
function observed(d: Dataset) {
  return SPLITS.map((s) => d.splits[s].map((tr) => ({ id: tr.id, obs: tr.states.map((st) => d.variables.map((v) => st[v])), actions: tr.actions })));
}

function tiny(overrides: Partial<Dataset> = {}): Dataset {
  const tr = (id: string) => ({ id, states: [{ x: 1.25 }, { x: -3e-7 }], actions: [null] });
  return { format: 'gsim-dataset', version: 1, name: 'tiny', variables: ['x'], splits: { train: [tr('a')], val: [tr('b')], test: [] }, ...overrides };
}

describe('datasetToCsv', () => {
  it.each(listEnvironments().map((e) => [e.id, e] as const))('round-trips the observed variables, actions, ids and splits of %s', (_id, env) => {
    const data = generateDataset(env, 6, { train: 3, val: 2, test: 2, horizon: 15 });
    const back = parseTrajectoryCsv(datasetToCsv(data));
    expect(back.variables).toEqual(data.variables);
    expect(observed(back)).toEqual(observed(data));
    expect(back.warnings).toEqual([]);
  });

  it('writes trajectory, split, t, the variables and action, with an empty action on the last row', () => {
    const d = tiny();
    d.splits.train[0].actions = [4];
    expect(datasetToCsv(d)).toBe('trajectory,split,t,x,action\na,train,0,1.25,4\na,train,1,-3e-7,\nb,val,0,1.25,\nb,val,1,-3e-7,\n');
  });

  it('leaves out the action column when every action is null', () => {
    expect(datasetToCsv(tiny()).split('\n')[0]).toBe('trajectory,split,t,x');
  });

  it('quotes ids that hold commas, quotes or line breaks', () => {
    const d = tiny();
    d.splits.train[0].id = 'a, "b"';
    const csv = datasetToCsv(d);
    expect(csv).toContain('"a, ""b""",train,0,1.25');
    expect(parseTrajectoryCsv(csv).splits.train[0].id).toBe('a, "b"');
  });

  it('prefixes ids with the split when they repeat across splits', () => {
    const d = tiny();
    d.splits.val[0].id = 'a';
    const back = parseTrajectoryCsv(datasetToCsv(d));
    expect(back.splits.train.map((t) => t.id)).toEqual(['train/a']);
    expect(back.splits.val.map((t) => t.id)).toEqual(['val/a']);
  });

  it('refuses a variable named like a reserved column', () => {
    expect(() => datasetToCsv(tiny({ variables: ['T'] }))).toThrow(DatasetError);
    expect(() => datasetToCsv(tiny({ variables: ['action'] }))).toThrow('variables[0]: a variable named "action" clashes with the CSV column of that name; rename it to export');
  });
});
