import { describe, expect, it } from 'vitest';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { policyCell } from './policyCell.ts';
import type { PolicyGrid } from './PolicyGrid.ts';
import { policyRegret } from './policyRegret.ts';
import { policySearch } from './policySearch.ts';

/** A noisy level whose mean is the parameter `a`; the cost has its minimum at a = 3, b = 2. */
const SIM = compileSimulator(`const parameters = { a: { min: 0, max: 10 } };
function step(state, action, params, rng) { return { v: params.a + rng.normal(0, 0.1) }; }`);

const GRID: PolicyGrid = {
  name: 'bowl',
  x: { name: 'level', values: [0, 1, 2, 3, 4, 5] },
  y: { name: 'b', values: [0, 1, 2, 3] },
  scenario: { name: 'set-a', interventions: [{ type: 'param', target: 'a', set: 'level' }] },
  define: { final: 'mean(v.slice(1))' },
  cost: '(final - 3) ** 2 + (b - 2) ** 2',
};
const OPTS = { variables: ['v'], horizon: 10, rollouts: 5, seed: 1, initialStates: [{ v: 0 }] };

describe('policySearch', () => {
  it('finds the known optimum of a small synthetic cost, with progress for every cell', async () => {
    const progress: number[] = [];
    const r = await policySearch(GRID, (c) => policyCell(SIM, { a: 0 }, GRID, c, OPTS), { onProgress: (d) => progress.push(d) });
    expect(r.optimum).toMatchObject({ i: 3, j: 2, x: 3, y: 2 });
    expect(r.optimum!.cost).toBeLessThan(0.01);
    expect(r.mean[0][0]).toBeCloseTo(9 + 4, 0);
    expect(r.defines.final[5][0]).toBeCloseTo(5, 1);
    expect(progress).toEqual(Array.from({ length: 24 }, (_, k) => k + 1));
    expect(r.cancelled).toBe(false);
  });

  it('stops when cancelled and keeps the cells done', async () => {
    const signal = { aborted: false };
    const r = await policySearch(GRID, (c) => policyCell(SIM, { a: 0 }, GRID, c, OPTS), { signal, onProgress: (d) => void (d === 3 && (signal.aborted = true)) });
    expect(r.cancelled).toBe(true);
    expect(r.cellsDone).toBe(3);
    expect(Number.isNaN(r.mean[5][3])).toBe(true);
  });

  it('runs cells concurrently through an async evaluator with the same result', async () => {
    const serial = await policySearch(GRID, (c) => policyCell(SIM, { a: 0 }, GRID, c, OPTS));
    const parallel = await policySearch(GRID, async (c) => policyCell(SIM, { a: 0 }, GRID, c, OPTS), { concurrency: 3 });
    expect(parallel.mean).toEqual(serial.mean);
  });

  it('regret: the truth cost of the model optimum minus the truth optimum', async () => {
    const truth = await policySearch(GRID, (c) => policyCell(SIM, { a: 0 }, GRID, c, OPTS));
    // A model whose level is off by one picks level 2 instead of 3.
    const biased = compileSimulator(`const parameters = { a: { min: 0, max: 10 } };
function step(state, action, params, rng) { return { v: params.a + 1 + rng.normal(0, 0.1) }; }`);
    const model = await policySearch(GRID, (c) => policyCell(biased, { a: 0 }, GRID, c, OPTS));
    expect(model.optimum).toMatchObject({ x: 2, y: 2 });
    const r = policyRegret(model, truth)!;
    // (2 - 3)² = 1 up to the noise of 5 rollouts × 10 steps.
    expect(r.regret).toBeGreaterThan(0.8);
    expect(r.regret).toBeLessThan(1.2);
    expect(policyRegret(truth, truth)!.regret).toBe(0);
  });

  it('a cost expression with an error gives a clear message', () => {
    const bad = { ...GRID, cost: 'finall + 1' };
    expect(() => policyCell(SIM, { a: 0 }, bad, { i: 0, j: 0 }, OPTS)).toThrow(/cost expression "finall \+ 1" threw ReferenceError: finall is not defined \(names available: b, final, horizon, level, v/);
    expect(() => policyCell(SIM, { a: 0 }, { ...GRID, cost: 'final +' }, { i: 0, j: 0 }, OPTS)).toThrow(/cost expression: syntax error/);
    expect(() => policyCell(SIM, { a: 0 }, { ...GRID, define: { final: 'sum(w)' } }, { i: 0, j: 0 }, OPTS)).toThrow(/define "final" "sum\(w\)" threw ReferenceError: w is not defined/);
  });

  it('knob expressions in the scenario are resolved per cell, with clear errors', () => {
    const g: PolicyGrid = { ...GRID, scenario: { name: 's', interventions: [{ type: 'param', target: 'a', set: 'levl * 2' }] } };
    expect(() => policyCell(SIM, { a: 0 }, g, { i: 0, j: 0 }, OPTS)).toThrow(/scenario "s" interventions\[0\]\.set "levl \* 2" threw ReferenceError: levl is not defined/);
  });
});
