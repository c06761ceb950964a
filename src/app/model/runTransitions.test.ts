import { describe, expect, it } from 'vitest';
import type { CalibrationProgress, CalibrationResult } from '../../core/calibrate/Calibrator.ts';
import { applyProgress, createRun, failRun, finishRun, interruptStaleRuns, prependRun, replaceRun } from './runTransitions.ts';

const base = () =>
  createRun({
    id: 'r1',
    projectId: 'p1',
    now: 1000,
    settings: { method: 'ga', generations: 5, popsize: 8, mc: 1, seed: 3 },
    codeHash: 'abc',
    parameters: [{ name: 'beta', min: 0, max: 2 }],
  });

const progress = (iteration: number, best: number): CalibrationProgress => ({
  method: 'ga',
  iteration,
  totalIterations: 5,
  best,
  mean: best * 2,
  bestParams: { beta: iteration / 10 },
  simulations: iteration * 100,
  failures: 0,
});

describe('runTransitions', () => {
  it('createRun starts a running record with no history', () => {
    const r = base();
    expect(r.status).toBe('running');
    expect(r.history).toEqual([]);
    expect(r.totalIterations).toBe(5);
  });

  it('applyProgress appends each new generation once, in order, and keeps the latest params', () => {
    let r = applyProgress(base(), [progress(1, 10), progress(2, 8)]);
    r = applyProgress(r, [progress(2, 8), progress(3, 7)]);
    expect(r.history.map((h) => h.iteration)).toEqual([1, 2, 3]);
    expect(r.traces.map((t) => t.params.beta)).toEqual([0.1, 0.2, 0.3]);
    expect(r.iteration).toBe(3);
    expect(r.bestFitness).toBe(7);
    expect(r.simulations).toBe(300);
  });

  it('applyProgress ignores events for a run that already ended', () => {
    const done = failRun(base(), 'boom', 2000);
    expect(applyProgress(done, [progress(1, 1)])).toBe(done);
  });

  it('finishRun marks done or cancelled from the result', () => {
    const result: CalibrationResult = {
      method: 'ga',
      params: { beta: 0.5 },
      bestFitness: 1.5,
      history: [{ iteration: 1, best: 2, mean: 3 }],
      simulations: 10,
      failures: 0,
      seconds: 1.2,
      cancelled: false,
    };
    expect(finishRun(base(), result, 5).status).toBe('done');
    expect(finishRun(base(), { ...result, cancelled: true }, 5).status).toBe('cancelled');
    expect(finishRun(base(), result, 5).params).toEqual({ beta: 0.5 });
  });

  it('finishRun ends a run whose every candidate failed as failed, with no calibrated parameters', () => {
    const running = applyProgress(base(), [progress(1, 1)]);
    const result: CalibrationResult = {
      method: 'cmaes', params: { beta: 1 }, bestFitness: Infinity, history: [{ iteration: 1, best: Infinity, mean: Infinity }],
      simulations: 0, failures: 40, firstError: 'state.S is NaN', seconds: 0.5, cancelled: false,
    };
    const r = finishRun(running, result, 9);
    expect(r.status).toBe('failed');
    expect(r.params).toBeUndefined();
    expect(r.error).toMatch(/Every candidate failed \(40 of them\).*state\.S is NaN/);
    expect(r.finishedAt).toBe(9);
  });

  it('finishRun keeps the trust signals and, under the converge budget, ends at the generation reached', () => {
    const result: CalibrationResult = {
      method: 'cmaes', params: { beta: 0.5 }, bestFitness: 1, history: [{ iteration: 1, best: 2, mean: 3 }, { iteration: 2, best: 1, mean: 2 }],
      simulations: 10, failures: 0, seconds: 1, cancelled: false,
      search: { budget: 'converge', candidates: 20, maxCandidates: 1400, stoppedBy: 'stalled', restarts: 0, refinementGenerations: 0 },
    };
    const identifiability = [{ name: 'beta', value: 0.5, width: 0.01, relativeWidth: 0.005, status: 'identified' as const, atBound: null, tradesOffWith: null, source: 'curvature' as const }];
    const r = finishRun({ ...base(), totalIterations: 70 }, result, 5, { identifiability, warnings: [] });
    expect(r).toMatchObject({ status: 'done', iteration: 2, totalIterations: 2, candidates: 20, identifiability, warnings: [] });
  });

  it('interruptStaleRuns turns running runs into interrupted ones', () => {
    const runs = interruptStaleRuns([base(), failRun(base(), 'x', 1)]);
    expect(runs.map((r) => r.status)).toEqual(['interrupted', 'failed']);
  });

  it('replaceRun and prependRun keep newest first and leave unknown ids alone', () => {
    const a = base();
    const b = { ...base(), id: 'r2' };
    const list = prependRun([a], b);
    expect(list.map((r) => r.id)).toEqual(['r2', 'r1']);
    const changed = replaceRun(list, { ...a, status: 'done' });
    expect(changed[1].status).toBe('done');
    expect(replaceRun(list, { ...a, id: 'nope' })).toBe(list);
  });
});
