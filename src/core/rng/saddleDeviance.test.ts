import { describe, expect, it } from 'vitest';
import { saddleDeviance } from './saddleDeviance.ts';

describe('saddleDeviance(x, m)', () => {
  it('saddleDeviance(m, m) is 0 and saddleDeviance(0, m) is m', () => {
    for (const m of [0.5, 10, 1e9]) {
      expect(saddleDeviance(m, m)).toBe(0);
      expect(saddleDeviance(0, m)).toBe(m);
    }
  });

  it('saddleDeviance(x, m) matches x log(x/m) + m - x when they are far apart', () => {
    for (const [x, m] of [[1, 10], [50, 10], [3, 0.1], [1e6, 2e6]]) {
      const exact = x * Math.log(x / m) + m - x;
      expect(Math.abs(saddleDeviance(x, m) - exact) / exact, `${x}, ${m}`).toBeLessThan(1e-14);
    }
  });

  it('saddleDeviance(x, m) stays accurate near x = m at huge m, where the direct formula cancels', () => {
    // x log(1 + d/m) - d with log1p is accurate to ~1e-16·x here; the naive formula would lose ~1e-6.
    const m = 1e9;
    for (const d of [1, -7, 1e3, -3e4, 5e7]) {
      const x = m + d;
      const reference = x * Math.log1p(d / m) - d;
      expect(Math.abs(saddleDeviance(x, m) - reference), `d = ${d}`).toBeLessThan(1e-6 * 1e-3 + 1e-15 * x);
      // Leading term of the expansion: d²/(2m).
      expect(Math.abs(saddleDeviance(x, m) / ((d * d) / (2 * m)) - 1)).toBeLessThan(Math.abs(d / m) + 1e-12);
    }
  });

  it('saddleDeviance(x, m) is positive away from x = m', () => {
    for (const [x, m] of [[9, 10], [11, 10], [10.5, 10], [1e9 + 1, 1e9]]) expect(saddleDeviance(x, m)).toBeGreaterThan(0);
  });
});
