import { describe, expect, it } from 'vitest';
import { chooseStartStates } from './chooseStartStates.ts';

describe('chooseStartStates', () => {
  it('chooseStartStates(count, k, seed) gives k distinct ascending indices below count', () => {
    const s = chooseStartStates(6000, 100, 3);
    expect(s).toHaveLength(100);
    for (let i = 0; i < s.length; i++) {
      expect(s[i]).toBeGreaterThanOrEqual(0);
      expect(s[i]).toBeLessThan(6000);
      if (i > 0) expect(s[i]).toBeGreaterThan(s[i - 1]);
    }
  });

  it('chooseStartStates(count, k, seed) is deterministic for a seed and varies with it', () => {
    expect(chooseStartStates(500, 20, 1)).toEqual(chooseStartStates(500, 20, 1));
    expect(chooseStartStates(500, 20, 1)).not.toEqual(chooseStartStates(500, 20, 2));
  });

  it('chooseStartStates(count, k, seed) returns all indices when k ≥ count, none when k = 0', () => {
    expect(Array.from(chooseStartStates(5, 9, 1))).toEqual([0, 1, 2, 3, 4]);
    expect(chooseStartStates(5, 0, 1)).toHaveLength(0);
    expect(chooseStartStates(0, 3, 1)).toHaveLength(0);
  });

  it('chooseStartStates(count, k, seed) rejects negative or fractional sizes', () => {
    expect(() => chooseStartStates(10, -1, 1)).toThrow(RangeError);
    expect(() => chooseStartStates(2.5, 1, 1)).toThrow(RangeError);
  });
});
