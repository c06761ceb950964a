import { describe, expect, it } from 'vitest';
import { createRng } from './createRng.ts';
import { deriveSeed } from './deriveSeed.ts';

describe('deriveSeed(seed, ...path)', () => {
  it('deriveSeed(seed, ...path) is deterministic and a 32-bit unsigned integer', () => {
    for (const args of [[0], [1, 2], [-5, 3, 4], [2 ** 40, 7], [Number.MAX_SAFE_INTEGER, -1]]) {
      const [s, ...path] = args;
      const h = deriveSeed(s, ...path);
      expect(h).toBe(deriveSeed(s, ...path));
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    }
  });

  it('deriveSeed(seed, g) gives distinct seeds for distinct generations (a bijection in the last element)', () => {
    const seeds = new Set<number>();
    for (let g = 0; g < 20_000; g++) seeds.add(deriveSeed(42, g));
    expect(seeds.size).toBe(20_000);
    const nested = new Set<number>();
    for (let g = 0; g < 200; g++) for (let c = 0; c < 100; c++) nested.add(deriveSeed(42, g, c));
    // Not a bijection in (g, c) jointly, but 20k values in 2^32 should not collide (birthday p ≈ 5%; fixed inputs).
    expect(nested.size).toBe(20_000);
  });

  it('deriveSeed differs across base seeds, path order and path length', () => {
    const values = [
      deriveSeed(1), deriveSeed(2), deriveSeed(1, 0), deriveSeed(1, 0, 0), deriveSeed(1, 1, 2), deriveSeed(1, 2, 1),
      deriveSeed(2 ** 32 + 1), deriveSeed(1, 2 ** 32), deriveSeed(-1), deriveSeed(2 ** 32 - 1),
    ];
    expect(new Set(values).size).toBe(values.length);
  });

  it('deriveSeed keeps its historical values for 32-bit inputs', () => {
    // Pinned so saved runs keep reproducing: these are the outputs of the original formula.
    expect([deriveSeed(0), deriveSeed(1, 0), deriveSeed(123, 4, 5)]).toEqual([3238976083, 1221639027, 357857107]);
  });

  it('deriveSeed(seed, g) seeds uncorrelated streams for neighbouring generations', () => {
    const a = createRng(deriveSeed(7, 1));
    const b = createRng(deriveSeed(7, 2));
    let sxy = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) sxy += (a.random() - 0.5) * (b.random() - 0.5);
    expect(Math.abs(sxy / n)).toBeLessThan(5 / (12 * Math.sqrt(n)));
  });

  it('deriveSeed rejects seeds and path elements that are not safe integers with a RangeError', () => {
    for (const bad of [NaN, Infinity, 1.5, 2 ** 53]) {
      expect(() => deriveSeed(bad)).toThrow(RangeError);
      expect(() => deriveSeed(1, bad)).toThrow(/deriveSeed: path\[0\]/);
    }
    expect(() => deriveSeed(NaN)).toThrow(/deriveSeed: seed/);
  });
});
