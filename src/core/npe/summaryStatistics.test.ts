import { describe, expect, it } from 'vitest';
import type { Dataset, Trajectory } from '../data/Dataset.ts';
import { observedSummary, packTrajectory, solve, summarize, summaryLength, summarySpec } from './summaryStatistics.ts';

/** Two variables: a(t) = a0 + 2t (increment 2, independent of the state) and b(t) = b0 · 0.5^t (Δb = −b/2). */
function traj(id: string, a0: number, b0: number, steps: number): Trajectory {
  return { id, states: Array.from({ length: steps }, (_, t) => ({ a: a0 + 2 * t, b: b0 * 0.5 ** t })), actions: Array(steps - 1).fill(null) };
}

function dataset(trajs: Trajectory[]): Dataset {
  return { format: 'gsim-dataset', version: 1, name: 't', variables: ['a', 'b'], splits: { train: trajs, val: [], test: [] } };
}

describe('summary statistics', () => {
  const data = dataset([traj('0', 0, 8, 9), traj('1', 4, 16, 9)]);
  const spec = { ...summarySpec(data), ridge: 0 };

  it('puts per-time means and stds first: at t = 2 the two runs are a = 4, 8 and b = 2, 4', () => {
    expect(spec.timePoints).toEqual([2, 4, 6, 8]);
    const x = observedSummary(data, spec);
    expect(x.length).toBe(summaryLength(spec, 9));
    expect(Array.from(x.slice(0, 4))).toEqual([6, 2, 3, 1]); // mean a, std a, mean b, std b at t = 2
  });

  it('pools increments: Δa is always 2 (std 0)', () => {
    const x = observedSummary(data, spec);
    const k = 2 * 4 * 2;
    expect(x[k]).toBeCloseTo(2, 12);
    expect(x[k + 1]).toBeCloseTo(0, 6);
  });

  it('recovers the transition law by regression: Δb = −b/2 exactly, so its slope on b is −scale_b/2 with zero residual', () => {
    const x = observedSummary(data, spec);
    const k = 2 * 4 * 2 + 4; // after time points and increment stats: [slope a, slope b, resid] for a, then for b
    expect(x[k + 2]).toBeCloseTo(0, 6); // a's increments are constant: no residual
    expect(x[k + 3 + 1]).toBeCloseTo(-spec.scale[1] / 2, 6);
    expect(x[k + 3 + 2]).toBeCloseTo(0, 6);
  });

  it('gives the same numbers whether computed from the dataset or from packed simulations', () => {
    const packed = data.splits.train.map((t) => packTrajectory(t, data.variables));
    expect(Array.from(summarize(packed, spec))).toEqual(Array.from(observedSummary(data, spec)));
  });

  it('the paper\'s alternative is the first trajectory flattened', () => {
    const flat = summarySpec(data, 'trajectory');
    const x = observedSummary(data, flat);
    expect(x.length).toBe(18);
    expect(Array.from(x.slice(0, 4))).toEqual([0, 8, 2, 4]);
  });

  it('handles trajectories of different lengths (per-time statistics use those that reach t)', () => {
    const ragged = dataset([traj('0', 0, 8, 9), traj('1', 4, 16, 5)]);
    const s = summarySpec(ragged);
    const x = observedSummary(ragged, s);
    expect(x.every(Number.isFinite)).toBe(true);
    expect(x[(s.timePoints.length - 1) * 4]).toBe(16); // only the long run reaches t = 8: a = 16
  });

  it('refuses an empty split with a clear message', () => {
    expect(() => summarySpec(dataset([]))).toThrow(/train split has no trajectories/);
  });

  it('solve() solves a pivot-needing system', () => {
    const x = solve(Float64Array.of(0, 1, 2, 1), [3, 5], 2);
    expect(Array.from(x)).toEqual([1, 3]);
  });
});
