import { describe, expect, it } from 'vitest';
import type { Dataset, Trajectory } from '../data/Dataset.ts';
import { generateDataset } from '../data/generateDataset.ts';
import { getEnvironment } from '../envs/environments.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { simulateSummaries } from './simulateSummaries.ts';
import { solve } from './solveLinear.ts';
import { observedSummary, replayWindows, summarizeWindows, summaryLength, summarySpec } from './summaryStatistics.ts';

/** Two variables: a(t) = a0 + 2t (increment 2, independent of the state) and b(t) = b0 · 0.5^t (Δb = −b/2). */
function traj(id: string, a0: number, b0: number, steps: number): Trajectory {
  return { id, states: Array.from({ length: steps }, (_, t) => ({ a: a0 + 2 * t, b: b0 * 0.5 ** t })), actions: Array(steps - 1).fill(null) };
}

function dataset(trajs: Trajectory[]): Dataset {
  return { format: 'gsim-dataset', version: 1, name: 't', variables: ['a', 'b'], splits: { train: trajs, val: [], test: [] } };
}

describe('summary statistics (replays from every observed state)', () => {
  const data = dataset([traj('0', 0, 8, 9), traj('1', 4, 16, 9)]);
  const spec = { ...summarySpec(data), ridge: 0 };
  // Layout for d = 2, no action, H = 4: [mean, std] × 2, [slope a, slope b, resid] × 2, [h-step means] × 3 × 2,
  // then the second-order block (secondOrderStatistics.test.ts).
  const REG = 4;
  const FAR = REG + 6;

  it('has the documented length and no action regressor when the data have no actions', () => {
    expect(spec.useAction).toBe(false);
    const x = observedSummary(data, spec);
    expect(x.length).toBe(summaryLength(spec, 9));
    // + the second-order block: per variable 3 quadratic terms, a residual std and 2 variance slopes.
    expect(x.length).toBe(FAR + 6 + 12);
    expect(summaryLength({ ...spec, secondOrder: false }, 9)).toBe(FAR + 6);
    expect(observedSummary(data, { ...spec, secondOrder: false }).length).toBe(FAR + 6);
  });

  it('pools one-step increments: Δa is always 2 (std 0)', () => {
    const x = observedSummary(data, spec);
    expect(x[0]).toBeCloseTo(2, 12);
    expect(x[1]).toBeCloseTo(0, 6);
  });

  it('recovers the transition law by regression: Δb = −b/2 exactly, so its slope on b is −scale_b/2 with zero residual', () => {
    const x = observedSummary(data, spec);
    expect(x[REG + 2]).toBeCloseTo(0, 6); // a's increments are constant: no residual
    expect(x[REG + 3 + 1]).toBeCloseTo(-spec.scale[1] / 2, 6);
    expect(x[REG + 3 + 2]).toBeCloseTo(0, 6);
  });

  it('averages the h-step change over the windows that reach h: a moves 2h in h steps', () => {
    const x = observedSummary(data, spec);
    expect([x[FAR], x[FAR + 2], x[FAR + 4]].map((v) => +v.toFixed(9))).toEqual([4, 6, 8]);
  });

  it('regresses on the action when the data have one (Δa = action)', () => {
    const acted: Trajectory = { id: 'u', states: [0, 1, 4, 4, 9].map((a) => ({ a, b: 1 })), actions: [1, 3, 0, 5] };
    const s = { ...summarySpec(dataset([acted]), 'statistics', 'train', 1), ridge: 0 };
    expect(s.useAction).toBe(true);
    const x = observedSummary(dataset([acted]), s);
    expect(x.length).toBe(summaryLength(s, 5));
    // Δa ~ [1, z(a), z(b), z(action)]: slope on the action is its scale, the residual 0.
    expect(x[4 + 2]).toBeCloseTo(s.scale[2], 6);
    expect(x[4 + 3]).toBeCloseTo(0, 6);
  });

  it('gives the same numbers for the data and for simulated futures equal to the data', () => {
    const w = replayWindows(data, spec);
    expect(Array.from(summarizeWindows(w, Float64Array.from(w.observed), spec))).toEqual(Array.from(observedSummary(data, spec)));
  });

  it('the paper\'s alternative is the first trajectory flattened', () => {
    const flat = summarySpec(data, 'trajectory');
    const x = observedSummary(data, flat);
    expect(x.length).toBe(18);
    expect(Array.from(x.slice(0, 4))).toEqual([0, 8, 2, 4]);
  });

  it('handles short trajectories (windows stop at the trajectory end)', () => {
    const ragged = dataset([traj('0', 0, 8, 9), traj('1', 4, 16, 2)]);
    const x = observedSummary(ragged, summarySpec(ragged));
    expect(x.every(Number.isFinite)).toBe(true);
    expect(x[FAR + 4]).toBeCloseTo(8, 9);
  });

  it('refuses an empty split and a bad horizon with a clear message', () => {
    expect(() => summarySpec(dataset([]))).toThrow(/train split has no trajectories/);
    expect(() => summarySpec(data, 'statistics', 'train', 0)).toThrow(/horizon must be an integer of at least 1, got 0/);
  });

  it('solve() solves a pivot-needing system', () => {
    const x = solve(Float64Array.of(0, 1, 2, 1), [3, 5], 2);
    expect(Array.from(x)).toEqual([1, 3]);
  });
});

/**
 * The point of the replays: the data come from a state-feedback ordering policy, yet the observed
 * summary must look like a simulation at the true parameters — and unlike one at wrong parameters.
 */
describe.each(['covid', 'supply-chain'] as const)('observed summary vs simulations on %s', (id) => {
  const env = getEnvironment(id);
  const data = generateDataset(env, 2, { train: 10, val: 1, test: 1 });
  const sim = compileSimulator(env.groundTruthSource);
  const spec = summarySpec(data);
  const obs = observedSummary(data, spec);
  const truth = Float64Array.from(sim.parameters, (p) => env.trueParams[p.name]);

  /** Per statistic: |observed − mean simulated| in simulated standard deviations (deterministic ones: exact). */
  function distance(theta: Float64Array, n: number): number[] {
    const xs = simulateSummaries(sim, sim.parameters, data, spec, Array(n).fill(theta), 7, 0).x.map((x) => x!);
    return Array.from(obs, (o, k) => {
      const m = xs.reduce((s, x) => s + x[k], 0) / n;
      const sd = Math.sqrt(xs.reduce((s, x) => s + (x[k] - m) ** 2, 0) / (n - 1));
      return sd > 1e-9 ? Math.abs(o - m) / sd : Math.abs(o - m) < 1e-6 ? 0 : Infinity;
    });
  }

  it('at the true parameters every statistic is within noise of the simulations', () => {
    const z = distance(truth, 20);
    expect(Math.max(...z)).toBeLessThan(6);
    expect(z.reduce((s, v) => s + v, 0) / z.length).toBeLessThan(2);
  });

  it('a parameter moved by a fifth of its prior width is far from the data', () => {
    sim.parameters.forEach((p, k) => {
      const wrong = Float64Array.from(truth);
      wrong[k] += 0.2 * (p.max - p.min);
      expect(Math.max(...distance(wrong, 10)), p.name).toBeGreaterThan(20);
    });
  });
});
