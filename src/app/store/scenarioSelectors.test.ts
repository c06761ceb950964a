import { describe, expect, it } from 'vitest';
import { hashSource } from '../model/hashSource.ts';
import type { RunRecord } from '../model/RunRecord.ts';
import { rolloutParams, selectCalibratedModel, selectInitModel, selectWhatIfEnv } from './scenarioSelectors.ts';
import { createInitialState, type StudioState } from './studioStore.ts';

const SRC = 'const parameters = { a: { min: 0, max: 4 } }; function step(s) { return s; }';
function run(id: string, params?: Record<string, number>, codeHash = hashSource(SRC)): RunRecord {
  return {
    id, projectId: 'p', createdAt: 1, settings: { method: 'ga', generations: 1, popsize: 4, mc: 1, seed: 1 }, codeHash,
    parameters: [{ name: 'a', min: 0, max: 4 }], status: 'done', iteration: 1, totalIterations: 1, history: [], traces: [], params, simulations: 0, failures: 0,
  };
}
const state = (patch: Partial<StudioState>): StudioState => ({ ...createInitialState(), source: SRC, ...patch });

describe('what-if selectors', () => {
  it('uses the viewed run with parameters, else the newest one; the same object while nothing changes', () => {
    const runs = [run('new', undefined), run('mid', { a: 1 }), run('old', { a: 2 })];
    const s = state({ runs });
    const m = selectCalibratedModel(s);
    expect(m).toMatchObject({ params: { a: 1 }, origin: { kind: 'calibration', runId: 'mid' }, source: SRC });
    expect(selectCalibratedModel({ ...s })).toBe(m);
    expect(selectCalibratedModel(state({ runs, selectedRunId: 'old' }))!.params).toEqual({ a: 2 });
  });

  it('an NPE run with samples offers its draws (posterior columns over the point values); rollouts get at most one draw each', () => {
    const npe = { ...run('npe', { a: 2, k: 7 }), npe: { posterior: { names: ['a'] }, samples: [[1], [2], [3], [4]] } } as unknown as RunRecord;
    const m = selectCalibratedModel(state({ runs: [npe] }))!;
    expect(m.posteriorDraws).toEqual([{ a: 1, k: 7 }, { a: 2, k: 7 }, { a: 3, k: 7 }, { a: 4, k: 7 }]);
    expect(rolloutParams(m, 'posterior', 10)).toEqual({ params: m.posteriorDraws, origin: { kind: 'posterior', draws: 4, runId: 'npe' } });
    // Fewer rollouts than draws: spread evenly over the kept draws, not the first ones.
    expect(rolloutParams(m, 'posterior', 2)).toEqual({ params: [{ a: 1, k: 7 }, { a: 3, k: 7 }], origin: { kind: 'posterior', draws: 2, runId: 'npe' } });
    expect(rolloutParams(m, 'mean', 10)).toEqual({ params: { a: 2, k: 7 }, origin: { kind: 'calibration', runId: 'npe' } });
    // A run without samples (GA, or NPE without a posterior) always uses its point estimate.
    const ga = selectCalibratedModel(state({ runs: [run('ga', { a: 1 })] }))!;
    expect(ga.posteriorDraws).toBeUndefined();
    expect(rolloutParams(ga, 'posterior', 10)).toEqual({ params: { a: 1 }, origin: { kind: 'calibration', runId: 'ga' } });
  });

  it('is null when the calibrated code is no longer saved, or there is no run', () => {
    expect(selectCalibratedModel(state({ runs: [run('x', { a: 1 }, 'gone')] }))).toBeNull();
    expect(selectCalibratedModel(state({ runs: [] }))).toBeNull();
  });

  it('init values: declared init, else the box midpoint; fixed settings are left to the program', () => {
    const s = state({ compile: { status: 'ok', hash: 'h', parameters: [{ name: 'a', min: 0, max: 4 }, { name: 'b', min: 0, max: 1, init: 0.2 }, { name: 'cap', min: 1, max: 9, init: 5, fixed: true }] } });
    expect(selectInitModel(s)!.params).toEqual({ a: 2, b: 0.2 });
    expect(selectInitModel(state({ compile: { status: 'error', message: 'x', hash: 'h' } }))).toBeNull();
  });

  it('the benchmark comes from the data, else the project', () => {
    expect(selectWhatIfEnv(state({ meta: { id: 'p', name: 'P', env: 'hospital', createdAt: 0, updatedAt: 0 } }))!.id).toBe('hospital');
    expect(selectWhatIfEnv(state({}))).toBeNull();
  });
});
