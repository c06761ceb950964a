import { describe, expect, it } from 'vitest';
import { generateDataset } from '../data/generateDataset.ts';
import { expectClose } from '../metrics/expectClose.ts';
import { createRng } from '../rng/createRng.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { covid } from './covid.ts';

/** Relative tolerance for Monte-Carlo means over a few thousand draws (several standard errors). */
const TOL_MC = 0.05;
const VARS = covid.variables;

describe('covid ground truth', () => {
  const gt = compileSimulator(covid.groundTruthSource);

  it('conserves N = S + I + R and keeps every compartment a non-negative integer', () => {
    const data = generateDataset(covid, 2, { train: 30, val: 0, test: 0 });
    for (const tr of data.splits.train) {
      const n0 = (tr.states[0].S as number) + (tr.states[0].I as number) + (tr.states[0].R as number);
      const bad = tr.states.filter(
        (s) => !VARS.every((v) => Number.isInteger(s[v]) && (s[v] as number) >= 0) || (s.S as number) + (s.I as number) + (s.R as number) !== n0,
      );
      expect(bad).toEqual([]);
    }
  });

  it('is monotone: S never grows and R never shrinks', () => {
    const data = generateDataset(covid, 4, { train: 10, val: 0, test: 0 });
    for (const tr of data.splits.train) {
      for (let t = 1; t < tr.states.length; t++) {
        expect(tr.states[t].S).toBeLessThanOrEqual(tr.states[t - 1].S as number);
        expect(tr.states[t].R).toBeGreaterThanOrEqual(tr.states[t - 1].R as number);
      }
    }
  });

  it('draws infections with p = 1 - exp(-beta I / N) and recoveries with p = gamma (used directly)', () => {
    const s = { S: 900, I: 100, R: 0 };
    const rng = createRng(9);
    const draws = 4000;
    let inf = 0;
    let rec = 0;
    for (let k = 0; k < draws; k++) {
      const next = gt.step(s, null, covid.trueParams, rng, VARS);
      inf += s.S - (next.S as number);
      rec += (next.R as number) - s.R;
    }
    expectClose(inf / draws, 900 * (1 - Math.exp(-0.5 * 100 / 1000)), TOL_MC, 'mean new infections');
    expectClose(rec / draws, 100 * 0.1, TOL_MC, 'mean recoveries');
  });

  it('returns all zeros for an empty population', () => {
    expect(gt.step({ S: 0, I: 0, R: 0 }, null, covid.trueParams, createRng(1), VARS)).toEqual({ S: 0, I: 0, R: 0 });
  });

  it('initialState(rng) draws integer S0 in 900..1000, I0 in 1..20 and R0 = 0', () => {
    const rng = createRng(3);
    const S = new Set<number>();
    const I = new Set<number>();
    for (let k = 0; k < 3000; k++) {
      const s = covid.initialState(rng);
      S.add(s.S as number);
      I.add(s.I as number);
      expect(s.R).toBe(0);
    }
    expect([Math.min(...S), Math.max(...S), S.size]).toEqual([900, 1000, 101]);
    expect([Math.min(...I), Math.max(...I), I.size]).toEqual([1, 20, 20]);
  });

  it('has no action: the policy returns null', () => {
    expect(covid.policy({ S: 1, I: 1, R: 1 }, 0, createRng(1))).toBeNull();
  });

  it('the starter converts gamma with 1 - exp(-gamma), unlike the ground truth', () => {
    expect(covid.starterSource).toContain('1 - Math.exp(-params.gamma)');
    expect(covid.groundTruthSource).not.toContain('Math.exp(-params.gamma)');
  });
});
