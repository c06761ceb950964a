import { describe, expect, it } from 'vitest';
import { secondOrderLength, secondOrderStatistics } from './secondOrderStatistics.ts';

describe('second-order summary block', () => {
  it('recovers a quadratic one-step mean exactly (zero residual) where the linear block cannot', () => {
    const zs = [-2, -1, -0.5, 0, 0.5, 1, 2];
    const z = Float64Array.from(zs);
    const inc = Float64Array.from(zs, (v) => 3 + 2 * v - 0.5 * v * v);
    const out = secondOrderStatistics(z, inc, zs.length, 1, 1, 0);
    expect(out.length).toBe(secondOrderLength(1, 1));
    expect(out[0]).toBeCloseTo(-0.5, 9); // the z² coefficient
    expect(out[1]).toBeCloseTo(0, 6); // residual std
  });

  it('reads a state-dependent noise level as a variance slope (signed square root)', () => {
    // At z = −1, 0, 1 the increments are ±√(2 + z): the mean is 0, the squared residual is 2 + z.
    const zs = [-1, -1, 0, 0, 1, 1];
    const inc = Float64Array.from(zs, (v, i) => (i % 2 ? -1 : 1) * Math.sqrt(2 + v));
    const out = secondOrderStatistics(Float64Array.from(zs), inc, zs.length, 1, 1, 0);
    expect(out[0]).toBeCloseTo(0, 9);
    expect(out[1]).toBeCloseTo(Math.sqrt(2), 9); // pooled residual std: mean of 2 + z is 2
    expect(out[2]).toBeCloseTo(1, 9); // slope of the variance on z: 1, √1 = 1
  });

  it('has d (c(c+1)/2 + 1 + c) values: cross terms included', () => {
    const count = 40;
    const z = Float64Array.from({ length: count * 3 }, (_, i) => Math.sin(i * 1.7));
    const inc = Float64Array.from({ length: count * 2 }, (_, i) => Math.cos(i * 0.9));
    expect(secondOrderStatistics(z, inc, count, 3, 2, 1e-3).length).toBe(2 * (6 + 1 + 3));
  });
});
