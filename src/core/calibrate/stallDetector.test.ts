import { describe, expect, it } from 'vitest';
import { StallDetector } from './stallDetector.ts';

describe('StallDetector', () => {
  it('StallDetector.push stays false while generation medians keep falling', () => {
    const d = new StallDetector(3);
    for (let g = 0; g < 20; g++) expect(d.push([10 - g, 11 - g, 12 - g])).toBe(false);
  });

  it('StallDetector.push turns true once the last window is no better than the one before', () => {
    const d = new StallDetector(3);
    // Window 3: at the 7th generation the medians [4, 3, 3] and [3, 3, 3] both have median 3.
    const seen = [5, 4, 3, 3, 3, 3, 3].map((m) => d.push([m - 1, m, m + 1]));
    expect(seen).toEqual([false, false, false, false, false, false, true]);
  });

  it('StallDetector.push ignores failed (+Infinity) candidates in a generation', () => {
    const d = new StallDetector(1);
    d.push([3, Infinity, Infinity]);
    expect(d.push([2, Infinity])).toBe(false);
  });
});
