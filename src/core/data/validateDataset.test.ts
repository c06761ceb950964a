import { describe, expect, it } from 'vitest';
import { DatasetError } from './DatasetError.ts';
import { validateDataset } from './validateDataset.ts';

/** A valid dataset of 5 train trajectories of 20 SIR states, as plain JSON. */
function sample(): Record<string, any> {
  const traj = (k: number) => ({
    id: `train-${k}`,
    states: Array.from({ length: 20 }, (_, t) => ({ S: 990 - t, I: 10, R: t })),
    actions: Array.from({ length: 19 }, () => null),
  });
  return {
    format: 'gsim-dataset', version: 1, name: 'sir', env: 'covid', seed: 3, variables: ['S', 'I', 'R'],
    splits: { train: [0, 1, 2, 3, 4].map(traj), val: [traj(9)], test: [] },
  };
}

function errorOf(json: unknown): DatasetError {
  try {
    validateDataset(json);
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetError);
    return e as DatasetError;
  }
  throw new Error('validateDataset accepted invalid data');
}

describe('validateDataset', () => {
  it('accepts a valid dataset and returns an equal, fresh object', () => {
    const json = sample();
    const data = validateDataset(json);
    expect(data).toEqual(json);
    expect(data).not.toBe(json);
    expect(data.splits.train).not.toBe(json.splits.train);
  });

  it('names the path and both values for a non-numeric variable', () => {
    const json = sample();
    json.splits.train[3].states[12].I = 'abc';
    const err = errorOf(json);
    expect(err.message).toBe('splits.train[3].states[12].I: expected a finite number, got "abc"');
    expect(err.path).toBe('splits.train[3].states[12].I');
  });

  it.each([
    ['a missing variable', (j: any) => delete j.splits.val[0].states[2].R, 'splits.val[0].states[2].R: expected a finite number, got nothing (missing)'],
    ['NaN', (j: any) => (j.splits.train[0].states[0].S = NaN), 'splits.train[0].states[0].S: expected a finite number, got NaN'],
    ['Infinity', (j: any) => (j.splits.train[0].states[1].S = Infinity), 'splits.train[0].states[1].S: expected a finite number, got Infinity'],
    ['null', (j: any) => (j.splits.train[0].states[1].S = null), 'splits.train[0].states[1].S: expected a finite number, got null'],
    ['a state that is not an object', (j: any) => (j.splits.train[1].states[4] = [1, 2]), 'splits.train[1].states[4]: expected a state object, got an array of length 2'],
    ['too few actions', (j: any) => j.splits.train[2].actions.pop(), 'splits.train[2].actions: expected 19 actions (states.length - 1), got 18'],
    ['too many actions', (j: any) => j.splits.train[2].actions.push(null), 'splits.train[2].actions: expected 19 actions (states.length - 1), got 20'],
    ['a bad action', (j: any) => (j.splits.train[0].actions[5] = '3'), 'splits.train[0].actions[5]: expected a finite number or null, got "3"'],
    ['missing actions', (j: any) => delete j.splits.train[0].actions, 'splits.train[0].actions: expected a list of actions (numbers or null), got nothing (missing)'],
    ['no states', (j: any) => (j.splits.train[0].states = []), 'splits.train[0].states: expected at least one state, got an array of length 0'],
    ['a bad trajectory id', (j: any) => (j.splits.train[0].id = 7), 'splits.train[0].id: expected a string, got 7'],
    ['a trajectory that is not an object', (j: any) => (j.splits.test = ['x']), 'splits.test[0]: expected a trajectory object { id, states, actions }, got "x"'],
    ['no train trajectory', (j: any) => (j.splits.train = []), 'splits.train: expected at least one trajectory, got an array of length 0'],
    ['a missing train split', (j: any) => delete j.splits.train, 'splits.train: expected a list of trajectories, got nothing (missing)'],
    ['a split that is not a list', (j: any) => (j.splits.val = {}), 'splits.val: expected a list of trajectories, got an object'],
    ['missing splits', (j: any) => delete j.splits, 'splits: expected an object with train, val and test lists, got nothing (missing)'],
    ['a wrong format', (j: any) => (j.format = 'csv'), 'format: expected "gsim-dataset", got "csv"'],
    ['a wrong version', (j: any) => (j.version = 2), 'version: expected 1, got 2'],
    ['a missing name', (j: any) => delete j.name, 'name: expected a string, got nothing (missing)'],
    ['an unknown env', (j: any) => (j.env = 'sir'), 'env: expected one of "covid", "supply-chain", "hospital", got "sir"'],
    ['a bad seed', (j: any) => (j.seed = 'one'), 'seed: expected a finite number, got "one"'],
    ['no variables', (j: any) => (j.variables = []), 'variables: expected at least one variable name, got an array of length 0'],
    ['variables not a list', (j: any) => (j.variables = 'S,I,R'), 'variables: expected a list of variable names, got "S,I,R"'],
    ['an empty variable name', (j: any) => (j.variables[1] = ''), 'variables[1]: expected a non-empty string, got ""'],
    ['a repeated variable', (j: any) => (j.variables[2] = 'S'), 'variables[2]: expected a name not listed before, got "S"'],
  ])('rejects %s', (_what, mutate, message) => {
    const json = sample();
    mutate(json);
    expect(errorOf(json).message).toBe(message);
  });

  it('rejects a root that is not an object', () => {
    expect(errorOf(null).message).toBe('(root): expected a dataset object, got null');
    expect(errorOf('{}').message).toBe('(root): expected a dataset object, got "{}"');
  });

  it('reads a missing val or test split as empty and a missing trajectory id as <split>-<index>', () => {
    const json = sample();
    delete json.splits.val;
    delete json.splits.test;
    delete json.splits.train[2].id;
    const data = validateDataset(json);
    expect(data.splits.val).toEqual([]);
    expect(data.splits.test).toEqual([]);
    expect(data.splits.train[2].id).toBe('train-2');
  });

  it('accepts numeric actions, extra state keys, and no env or seed', () => {
    const json = sample();
    delete json.env;
    delete json.seed;
    json.splits.train[0].actions[0] = 4;
    json.splits.train[0].states[0].pipeline = [[4, 2]];
    const data = validateDataset(json);
    expect(data.env).toBeUndefined();
    expect('seed' in data).toBe(false);
    expect(data.splits.train[0].actions[0]).toBe(4);
  });

  it('never half-loads: the input is left untouched when a late trajectory is invalid', () => {
    const json = sample();
    json.splits.val[0].states[19].S = 'x';
    const before = JSON.stringify(json);
    expect(() => validateDataset(json)).toThrow(DatasetError);
    expect(JSON.stringify(json)).toBe(before);
  });
});
