import { describe, expect, it } from 'vitest';
import { density2d } from './density2d.ts';

describe('density2d', () => {
  it('counts points per cell, rows along y, scaled to the fullest cell', () => {
    const d = density2d([0.1, 0.2, 0.9, 0.6], [0.1, 0.3, 0.9, 0.1], [0, 1], [0, 1], 2);
    expect(d.x).toEqual([0.25, 0.75]);
    expect(d.y).toEqual([0.25, 0.75]);
    // (0.1,0.1), (0.2,0.3) bottom left; (0.6,0.1) bottom right; (0.9,0.9) top right.
    expect(d.z).toEqual([
      [1, 0.5],
      [0, 0.5],
    ]);
  });

  it('keeps the upper edge in the last cell and leaves out points outside the ranges or NaN', () => {
    const d = density2d([1, 1.5, -0.1, NaN, 0.5], [1, 0.5, 0.5, 0.5, 0.5], [0, 1], [0, 1], 2);
    expect(d.z).toEqual([
      [0, 0],
      [0, 1],
    ]);
  });

  it('returns zeros when no point falls inside', () => {
    expect(density2d([5], [5], [0, 1], [0, 1], 1).z).toEqual([[0]]);
  });

  it('names what is wrong with bad input', () => {
    expect(() => density2d([1, 2], [1], [0, 1], [0, 1], 4)).toThrow('density2d: 2 x values but 1 y values');
    expect(() => density2d([], [], [0, 1], [0, 1], 0)).toThrow('bins must be a positive integer, got 0');
    expect(() => density2d([], [], [1, 1], [0, 1], 4)).toThrow('empty range x [1, 1]');
  });
});
