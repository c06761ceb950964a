import { describe, expect, it } from 'vitest';
import { createRng } from '../rng/createRng.ts';
import type { ParameterSpec } from '../sim/types.ts';
import { ksPValue, ksUniform, sbcFromDraws } from './sbc.ts';

const PARAMS: ParameterSpec[] = [{ name: 'mu', min: -5, max: 5 }];

/**
 * A conjugate toy: θ ~ N(0, 1), x ~ N(θ, 1), so the exact posterior is N(x/2, 1/2). Draws from it are
 * calibrated; draws with a quarter of its spread are overconfident.
 */
function experiment(spreadFactor: number, m = 300, L = 100) {
  const rng = createRng(11);
  const truths: Float64Array[] = [];
  const draws: Float64Array[][] = [];
  for (let i = 0; i < m; i++) {
    const theta = rng.normal();
    const x = theta + rng.normal();
    truths.push(Float64Array.of(theta));
    draws.push(Array.from({ length: L }, () => Float64Array.of(x / 2 + spreadFactor * Math.SQRT1_2 * rng.normal())));
  }
  return sbcFromDraws(PARAMS, truths, draws);
}

describe('simulation-based calibration', () => {
  it('passes for the exact posterior, with coverage close to the nominal level', () => {
    const r = experiment(1);
    expect(r.verdict).toBe('pass');
    expect(r.message).toMatch(/SBC passed/);
    const at90 = r.coverage[r.levels.indexOf(0.9)];
    expect(Math.abs(at90 - 0.9)).toBeLessThan(0.06);
    expect(r.parameters[0].histogram.reduce((a, b) => a + b, 0)).toBe(300);
  });

  it('warns for an overconfident posterior and says its intervals are too narrow', () => {
    const r = experiment(0.25);
    expect(r.verdict).toBe('warn');
    expect(r.message).toMatch(/mu/);
    expect(r.message).toMatch(/too narrow/);
    expect(r.coverage[r.levels.indexOf(0.5)]).toBeLessThan(0.3);
  });

  it('KS p-value: large for a uniform grid, tiny for values bunched at one end', () => {
    const grid = Array.from({ length: 100 }, (_, i) => (i + 0.5) / 100);
    expect(ksPValue(ksUniform(grid), 100)).toBeGreaterThan(0.99);
    const bunched = grid.map((u) => u * u * u);
    expect(ksPValue(ksUniform(bunched), 100)).toBeLessThan(1e-4);
  });
});
