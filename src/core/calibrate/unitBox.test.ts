import { describe, expect, it } from 'vitest';
import { asUnitParams, clipToUnitBox, paramsFromUnit, paramsToUnit, type Params, type UnitParams } from './unitBox.ts';

const PARAMS = [
  { name: 'beta', min: 0, max: 2 },
  { name: 'shift', min: -5, max: 15 },
];
const TOL = 1e-12;

describe('unitBox', () => {
  it('paramsFromUnit maps -1, 0 and 1 to the bounds and the midpoint', () => {
    expect(Array.from(paramsFromUnit(PARAMS, [-1, -1]))).toEqual([0, -5]);
    expect(Array.from(paramsFromUnit(PARAMS, [0, 0]))).toEqual([1, 5]);
    expect(Array.from(paramsFromUnit(PARAMS, [1, 1]))).toEqual([2, 15]);
  });

  it('paramsFromUnit clips coordinates outside [-1, 1] (and maps NaN to the midpoint)', () => {
    expect(Array.from(paramsFromUnit(PARAMS, [1.7, -3]))).toEqual([2, -5]);
    expect(Array.from(paramsFromUnit(PARAMS, [NaN, 0]))).toEqual([1, 5]);
  });

  it('paramsToUnit inverts paramsFromUnit inside the box', () => {
    const physical = [0.37, 11.25];
    const back = paramsFromUnit(PARAMS, paramsToUnit(PARAMS, physical));
    physical.forEach((v, k) => expect(Math.abs(back[k] - v)).toBeLessThan(TOL));
  });

  it('paramsToUnit does not clip values outside the box', () => {
    expect(Array.from(paramsToUnit(PARAMS, [3, -5]))).toEqual([2, -1]);
  });

  it('clipToUnitBox clamps in place', () => {
    const x = Float64Array.of(-2, 0.5, 9);
    expect(clipToUnitBox(x)).toBe(x);
    expect(Array.from(x)).toEqual([-1, 0.5, 1]);
  });

  it('brands keep unit and physical vectors apart (type test)', () => {
    const p: Params = paramsFromUnit(PARAMS, asUnitParams(new Float64Array(2)));
    // @ts-expect-error a physical vector is not a unit-box vector
    const u: UnitParams = p;
    expect(u).toBe(p);
  });
});
