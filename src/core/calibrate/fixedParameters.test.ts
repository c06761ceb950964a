import { describe, expect, it } from 'vitest';
import type { BatchEvaluator } from './Calibrator.ts';
import { cmaes } from './cmaes/cmaes.ts';
import { fixParameters } from './fixedParameters.ts';
import { boxParameters, sphere } from './test/testProblems.ts';

describe('fixParameters', () => {
  it('fixParameters hands the evaluator full vectors in program order with the fixed values filled in', async () => {
    const seen: number[][] = [];
    const inner: BatchEvaluator = async (batch) => {
      seen.push(...batch.map((x) => Array.from(x)));
      return { fitness: new Float64Array(batch.length), simulations: 0, failures: 0 };
    };
    const { free, evaluate, values } = fixParameters(boxParameters(3, 0, 1), inner, { x1: 0.25, gone: 9 });
    expect(free.map((p) => p.name)).toEqual(['x0', 'x2']);
    expect(values).toEqual({ x1: 0.25 });
    await evaluate([Float64Array.of(0.1, 0.9)], 1);
    expect(seen).toEqual([[0.1, 0.25, 0.9]]);
  });

  it('a calibration over the free parameters leaves the fixed one where it was put', async () => {
    const f = sphere([0.2, 0.7, 0.4]);
    const inner: BatchEvaluator = async (batch) => ({ fitness: Float64Array.from(batch, f), simulations: batch.length, failures: 0 });
    const { free, evaluate } = fixParameters(boxParameters(3, 0, 1), inner, { x1: 0.5 });
    const r = await cmaes.run(free, evaluate, { seed: 1, maxCandidates: 400 });
    expect(Object.keys(r.params)).toEqual(['x0', 'x2']);
    expect(r.params.x0).toBeCloseTo(0.2, 2);
    expect(r.params.x2).toBeCloseTo(0.4, 2);
  });
});
