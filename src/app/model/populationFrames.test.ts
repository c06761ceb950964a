import { describe, expect, it } from 'vitest';
import type { CalibrationProgress } from '../../core/calibrate/Calibrator.ts';
import { gridValues, landscapeBatch, landscapeFromScores } from './fitnessLandscape.ts';
import { appendPopulationFrames, MAX_FRAME_POINTS, MAX_FRAMES, subsample } from './populationFrames.ts';

function progress(iteration: number, population?: number[][]): CalibrationProgress {
  return { method: 'ga', iteration, totalIterations: 10, best: 1, mean: 2, bestParams: {}, simulations: 0, failures: 0, population };
}

describe('appendPopulationFrames', () => {
  it('keeps one frame per generation, in order, skipping repeats and events without a population', () => {
    let h = appendPopulationFrames(null, 'r1', [progress(1, [[0.1, 0.2]]), progress(2, [[0.3, 0.4]])]);
    h = appendPopulationFrames(h, 'r1', [progress(2, [[9, 9]]), progress(3), progress(4, [[0.5, 0.6]])]);
    expect(h!.frames.map((f) => f.iteration)).toEqual([1, 2, 4]);
    expect(h!.frames[1].points).toEqual([[0.3, 0.4]]);
  });

  it('holds the latest run only: another run replaces the history', () => {
    const h = appendPopulationFrames(null, 'r1', [progress(1, [[1, 1]])]);
    const next = appendPopulationFrames(h, 'r2', [progress(1, [[2, 2]])]);
    expect(next).toEqual({ runId: 'r2', frames: [{ iteration: 1, points: [[2, 2]] }] });
  });

  it('returns the same object when nothing changed, so nothing re-renders', () => {
    const h = appendPopulationFrames(null, 'r1', [progress(1, [[1, 1]])]);
    expect(appendPopulationFrames(h, 'r1', [progress(1, [[1, 1]])])).toBe(h);
  });

  it('stays bounded in points per frame and in frames', () => {
    const big = Array.from({ length: 1000 }, (_, i) => [i, -i]);
    const h = appendPopulationFrames(null, 'r', [progress(1, big)])!;
    expect(h.frames[0].points.length).toBe(MAX_FRAME_POINTS);
    expect(h.frames[0].points[0]).toEqual([0, -0]);
    let long = null as ReturnType<typeof appendPopulationFrames>;
    for (let g = 1; g <= 3 * MAX_FRAMES; g++) long = appendPopulationFrames(long, 'r', [progress(g, [[g, g]])]);
    expect(long!.frames.length).toBeLessThanOrEqual(MAX_FRAMES);
    expect(long!.frames[0].iteration).toBe(1);
    expect(long!.frames[long!.frames.length - 1].iteration).toBe(3 * MAX_FRAMES);
    const its = long!.frames.map((f) => f.iteration);
    expect(its).toEqual([...its].sort((a, b) => a - b));
  });

  it('subsample keeps evenly spread rows', () => {
    expect(subsample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5)).toEqual([0, 2, 4, 6, 8]);
    expect(subsample([1, 2], 5)).toEqual([1, 2]);
  });
});

describe('fitness landscape grid', () => {
  it('spans the prior box and reads scores back row by row', () => {
    const x = gridValues({ min: 0, max: 2 }, 3);
    const y = gridValues({ min: 0, max: 1 }, 2);
    expect(x).toEqual([0, 1, 2]);
    const batch = landscapeBatch(x, y);
    expect(batch.map((v) => Array.from(v))).toEqual([[0, 0], [1, 0], [2, 0], [0, 1], [1, 1], [2, 1]]);
    const scores = batch.map((v) => v[0] * 10 + v[1]);
    const land = landscapeFromScores('k', x, y, scores);
    expect(land.fitness[1][2]).toBe(21); // at (x = 2, y = 1)
    expect(() => landscapeFromScores('k', x, y, [1])).toThrow('expected 6 scores, got 1');
  });
});
