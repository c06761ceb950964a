import { describe, expect, it } from 'vitest';
import { truncatedBox } from './truncatedBox.ts';

const params = [
  { name: 'a', min: 0, max: 10, init: 9 },
  { name: 'b', min: -1, max: 1 },
];

describe('truncatedBox (the second NPE round\'s prior)', () => {
  it('is the samples\' range widened by a quarter of it on each side, inside the prior box', () => {
    const samples = [Float64Array.of(2, -0.95), Float64Array.of(4, -0.5), Float64Array.of(3, -0.9)];
    const box = truncatedBox(params, samples);
    expect(box[0]).toMatchObject({ name: 'a', min: 1.5, max: 4.5, init: 4.5 }); // init clipped into the box
    expect(box[1].min).toBe(-1); // −0.95 − 0.1125 is below the prior's bound
    expect(box[1].max).toBeCloseTo(-0.3875, 12);
  });

  it('keeps the prior box for a parameter whose samples are all equal, and refuses no samples', () => {
    expect(truncatedBox(params, [Float64Array.of(5, 0), Float64Array.of(5, 0.5)])[0]).toEqual(params[0]);
    expect(() => truncatedBox(params, [])).toThrow(/no posterior samples/);
  });
});
