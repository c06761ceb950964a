import { describe, expect, it } from 'vitest';
import { expectClose, TOL_F64 } from './expectClose.ts';
import { packedColumn } from './packedColumn.ts';
import { perVariableMse } from './perVariableMse.ts';

describe('perVariableMse', () => {
  it('perVariableMse(predicted, observed, n, dim) averages squared errors per column', () => {
    const pred = Float64Array.of(1, 10, 3, 14);
    const obs = Float64Array.of(0, 10, 1, 10);
    const mse = perVariableMse(pred, obs, 2, 2);
    expectClose(mse[0], (1 + 4) / 2, TOL_F64);
    expectClose(mse[1], (0 + 16) / 2, TOL_F64);
  });

  it('perVariableMse(predicted, observed, n, dim, draws) scores every draw against its observation', () => {
    // Observation 0 with draws 1 and -1 (bias 0, spread 1); observation 5 with draws 5 and 7.
    const mse = perVariableMse(Float64Array.of(1, -1, 5, 7), Float64Array.of(0, 5), 2, 1, 2);
    expectClose(mse[0], (1 + 1 + 0 + 4) / 4, TOL_F64);
  });

  it('perVariableMse(predicted, observed, n, dim) is 0 for identical inputs', () => {
    const x = Float64Array.of(1, 2, 3, 4);
    expect(Array.from(perVariableMse(x, x, 2, 2))).toEqual([0, 0]);
  });

  it('perVariableMse(predicted, observed, 0, dim) is NaN for every variable', () => {
    const mse = perVariableMse(new Float64Array(0), new Float64Array(0), 0, 3);
    expect(Array.from(mse).every(Number.isNaN)).toBe(true);
  });

  it('perVariableMse(predicted, observed, n, dim) propagates NaN to its own variable only', () => {
    const mse = perVariableMse(Float64Array.of(NaN, 1), Float64Array.of(0, 0), 1, 2);
    expect(mse[0]).toBeNaN();
    expect(mse[1]).toBe(1);
  });

  it('packedColumn(packed, n, dim, j) reads one variable', () => {
    expect(Array.from(packedColumn(Float64Array.of(1, 2, 3, 4, 5, 6), 3, 2, 1))).toEqual([2, 4, 6]);
  });
});
