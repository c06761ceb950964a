import { describe, expect, it } from 'vitest';
import { createRun } from '../model/runTransitions.ts';
import { createInitialState } from './studioStore.ts';
import { selectCalibrationBlocker, selectParamRows, selectTrajectoryOptions, selectViewedRun } from './selectors.ts';

const dataset = {
  format: 'gsim-dataset' as const,
  version: 1 as const,
  name: 'd',
  variables: ['x'],
  splits: { train: [{ id: 'a', states: [{ x: 1 }, { x: 2 }], actions: [null] }], val: [{ id: 'v', states: [{ x: 1 }], actions: [] }], test: [] },
};

describe('selectors', () => {
  it('selectCalibrationBlocker explains what is missing, in path order', () => {
    const s = createInitialState();
    expect(selectCalibrationBlocker(s)).toMatch(/project/);
    s.meta = { id: 'p', name: 'P', env: null, createdAt: 0, updatedAt: 0 };
    expect(selectCalibrationBlocker(s)).toMatch(/training trajectories/);
    s.dataset = dataset;
    expect(selectCalibrationBlocker(s)).toMatch(/simulator program/);
    s.source = 'code';
    s.compile = { status: 'error', message: 'x', hash: 'h' };
    expect(selectCalibrationBlocker(s)).toMatch(/compile error/);
    s.compile = { status: 'idle' };
    expect(selectCalibrationBlocker(s)).toBeNull();
  });

  it('selectTrajectoryOptions lists train, val, test and is stable for the same dataset', () => {
    const a = selectTrajectoryOptions(dataset);
    expect(a.map((o) => `${o.split}:${o.id}`)).toEqual(['train:a', 'val:v']);
    expect(selectTrajectoryOptions(dataset)).toBe(a);
  });

  it('selectViewedRun falls back to the newest run; selectParamRows joins bounds, values and truth', () => {
    const s = createInitialState();
    const r = { ...createRun({ id: 'r', projectId: 'p', now: 0, settings: { method: 'ga', generations: 1, popsize: 4, mc: 1, seed: 0 }, codeHash: 'h', parameters: [{ name: 'beta', min: 0, max: 2 }] }), params: { beta: 0.4 } };
    s.runs = [r];
    expect(selectViewedRun(s)).toBe(r);
    s.selectedRunId = 'missing';
    expect(selectViewedRun(s)).toBe(r);
    expect(selectParamRows(r, { beta: 0.5 })).toEqual([{ name: 'beta', min: 0, max: 2, init: undefined, description: undefined, value: 0.4, truth: 0.5 }]);
  });
});
