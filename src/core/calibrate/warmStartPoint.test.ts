import { describe, expect, it } from 'vitest';
import { warmStartPoint } from './warmStartPoint.ts';

const PARAMS = [
  { name: 'beta', min: 0, max: 2, init: 0.4 },
  { name: 'gamma', min: 0, max: 1 },
  { name: 'delta', min: -1, max: 1, init: 0.5 },
];

describe('warmStartPoint', () => {
  it('uses warm values by name, init for the rest, and the midpoint when there is no init', () => {
    const { point, matched } = warmStartPoint(PARAMS, { beta: 1.5 });
    expect(matched).toBe(1);
    expect(Array.from(point)).toEqual([0.5, 0, 0.5]);
  });

  it('ignores names the simulator no longer has and non-finite values', () => {
    const { point, matched } = warmStartPoint(PARAMS, { removed: 3, gamma: NaN });
    expect(matched).toBe(0);
    expect(Array.from(point)).toEqual([-0.6, 0, 0.5]);
  });

  it('clips warm values outside the prior box onto it', () => {
    const { point } = warmStartPoint(PARAMS, { beta: 5, gamma: -1 });
    expect(Array.from(point.subarray(0, 2))).toEqual([1, -1]);
  });

  it('with no warm start returns the init/midpoint point and matched 0', () => {
    expect(warmStartPoint(PARAMS, undefined).matched).toBe(0);
  });
});
