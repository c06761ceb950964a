import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../data/generateDataset.ts';
import { getEnvironment } from '../../envs/environments.ts';
import { createRng } from '../../rng/createRng.ts';
import { compileSimulator } from '../../sim/compileSimulator.ts';
import { LINEAR_SYSTEM, linearStep, linearSystemDataset } from '../test/linearSystem.ts';
import { fitSindy } from './fitSindy.ts';
import { sindyEquationText, sindyProgram } from './sindyProgram.ts';

const data = linearSystemDataset(100, 60, 3);

function coefficient(model: ReturnType<typeof fitSindy>, variable: number, term: string): number {
  const k = model.termNames.indexOf(term);
  expect(k, `term ${term}`).toBeGreaterThanOrEqual(0);
  return model.equations[variable].coefficients[k];
}

describe('fitSindy', () => {
  const model = fitSindy(data);

  it('fitSindy(linear system) recovers the increment coefficients and prunes every absent term', () => {
    expect(model.inputNames).toEqual(['x', 'y', 'action']);
    const truth = [LINEAR_SYSTEM.dx, LINEAR_SYSTEM.dy];
    truth.forEach((t, j) => {
      expect(Math.abs(coefficient(model, j, '1') - t.const)).toBeLessThan(0.05);
      expect(Math.abs(coefficient(model, j, 'x') - t.x)).toBeLessThan(0.005);
      expect(Math.abs(coefficient(model, j, 'y') - t.y)).toBeLessThan(0.01);
      expect(Math.abs(coefficient(model, j, 'action') - t.a)).toBeLessThan(0.02);
      for (const term of ['x*x', 'x*y', 'y*y', 'x*action', 'y*action', 'action*action']) expect(coefficient(model, j, term), `${term} in eq ${j}`).toBe(0);
    });
    expect(coefficient(model, 1, 'action')).toBe(0);
    expect(sindyEquationText(model, 1)).toMatch(/^dy = .*·x .*·y$/);
  });

  it('fitSindy(linear system) recovers the noise scale of each variable (constant noise)', () => {
    model.equations.forEach((e, j) => {
      const sd = Math.sqrt(e.noise.variance[0]);
      const truth = [LINEAR_SYSTEM.dx.sd, LINEAR_SYSTEM.dy.sd][j];
      expect(Math.abs(sd - truth) / truth).toBeLessThan(0.05);
    });
  });

  it('sindyProgram(model) compiles to a simulator whose one-step draws have the system\'s mean and spread', () => {
    const sim = compileSimulator(sindyProgram(model));
    expect(sim.parameters).toEqual([]);
    const rng = createRng(5);
    const n = 4000;
    const draws = Array.from({ length: n }, () => sim.step({ x: 10, y: 5 }, 0.5, {}, rng, ['x', 'y']));
    const exact = linearStep(10, 5, 0.5);
    (['x', 'y'] as const).forEach((v, j) => {
      const values = draws.map((d) => d[v] as number);
      const mean = values.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      expect(Math.abs(mean - exact.mean[j])).toBeLessThan(4 * exact.sd[j] / Math.sqrt(n) + 0.02);
      expect(Math.abs(sd - exact.sd[j]) / exact.sd[j]).toBeLessThan(0.08);
    });
  });

  it('fitSindy(covid data) keeps counts as counts and picks state-dependent noise for the Binomial flows', () => {
    const covid = generateDataset(getEnvironment('covid'), 2, { train: 30, val: 20, test: 1 });
    const m = fitSindy(covid);
    expect(m.counts).toEqual([true, true, true]);
    expect(m.equations.some((e) => e.noise.heteroscedastic)).toBe(true);
    const sim = compileSimulator(sindyProgram(m));
    const rng = createRng(1);
    for (let i = 0; i < 200; i++) {
      const next = sim.step({ S: 950, I: 30, R: 20 }, null, {}, rng, ['S', 'I', 'R']);
      for (const v of ['S', 'I', 'R']) {
        expect(Number.isInteger(next[v])).toBe(true);
        expect(next[v] as number).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('fitSindy(data, { trajectories }) fits on a seeded subset and says how much it used', () => {
    const small = fitSindy(data, { trajectories: 10, seed: 1 });
    expect(small.trainTrajectories).toBe(10);
    expect(small.trainTransitions).toBe(600);
    expect(fitSindy(data, { trajectories: 10, seed: 1 })).toEqual(small);
  });

  it('fitSindy rejects a dataset with no train transitions, and stops when cancelled', () => {
    const empty = { ...data, splits: { ...data.splits, train: [] } };
    expect(() => fitSindy(empty)).toThrow(/no transitions/);
    expect(() => fitSindy(data, { signal: { aborted: true } })).toThrow(/cancelled/);
  });
});
