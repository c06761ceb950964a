import { createRng } from '../../rng/createRng.ts';
import { deriveSeed } from '../../rng/deriveSeed.ts';
import type { ParameterSpec } from '../../sim/types.ts';
import type { BatchEvaluator } from '../Calibrator.ts';

/** Box parameters x0..x{n-1}, all with the same bounds. */
export function boxParameters(n: number, min: number, max: number): ParameterSpec[] {
  return Array.from({ length: n }, (_, k) => ({ name: `x${k}`, min, max }));
}

/** Squared distance to `centre`. */
export function sphere(centre: readonly number[]): (x: Float64Array) => number {
  return (x) => {
    let s = 0;
    for (let k = 0; k < x.length; k++) s += (x[k] - centre[k]) ** 2;
    return s;
  };
}

/** The 2-D Rosenbrock banana, minimum 0 at (1, 1). */
export function rosenbrock(x: Float64Array): number {
  return 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2;
}

/**
 * A BatchEvaluator over an analytic function of the physical parameters, with optional additive
 * N(0, noise²) whose stream depends on the generation seed and on the point itself (never on its
 * position in the batch), so it behaves like a simulation under common random numbers. Counts calls.
 */
export function analyticEvaluator(f: (x: Float64Array) => number, noise = 0): BatchEvaluator & { calls: number[] } {
  const calls: number[] = [];
  const evaluate = async (batch: Float64Array[], seed: number) => {
    calls.push(batch.length);
    const fitness = Float64Array.from(batch, (x) => {
      const v = f(x);
      if (noise === 0 || !Number.isFinite(v)) return v;
      return v + noise * createRng(deriveSeed(seed, ...hashPoint(x))).normal();
    });
    let failures = 0;
    for (const v of fitness) if (!Number.isFinite(v)) failures++;
    return { fitness, simulations: batch.length, failures, firstError: failures > 0 ? 'infeasible region' : undefined };
  };
  return Object.assign(evaluate, { calls });
}

function hashPoint(x: Float64Array): number[] {
  const words = new Int32Array(x.buffer.slice(x.byteOffset, x.byteOffset + x.byteLength));
  return Array.from(words);
}
