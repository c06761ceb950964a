import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../model/RunRecord.ts';
import { bestRun } from './bestRun.ts';

function run(id: string, val?: number, test?: number): RunRecord {
  return {
    id,
    diagnostics: {
      status: 'done',
      validation: val === undefined ? undefined : { energyScore: 0, mse: 0, perVariable: [], rolloutW1: val, transitions: 1, trajectories: 1 },
      benchmark: test === undefined ? undefined : { w1: test, perVariable: [], startStates: 1 },
    },
  } as RunRecord;
}

describe('bestRun', () => {
  it('prefers the test W1 when every run has one', () => {
    expect(bestRun([run('a', 1, 5), run('b', 2, 3)])).toEqual({ id: 'b', by: 'test W1' });
  });

  it('falls back to the validation rollout W1 when a run lacks a test W1', () => {
    expect(bestRun([run('a', 1, 5), run('b', 2)])).toEqual({ id: 'a', by: 'validation rollout W1' });
  });

  it('marks none when the runs share no finite score', () => {
    expect(bestRun([run('a', 1), run('b')])).toBeNull();
    expect(bestRun([run('a', Infinity), run('b', 1)])).toBeNull();
    expect(bestRun([])).toBeNull();
  });
});
