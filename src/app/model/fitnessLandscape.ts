import type { ParameterSpec } from '../../core/sim/types.ts';

/** Training fitness on a grid over two parameters' prior box (the animation's background). */
export interface FitnessLandscape {
  /** Which run's program, data, seed and MC draws it was computed for. */
  key: string;
  /** Grid values of the first and second parameter. */
  x: number[];
  y: number[];
  /** `fitness[j][i]` at (x[i], y[j]); +Infinity where the program failed. */
  fitness: number[][];
  /** The score the grid holds: the run's own fitness, so the background's optimum is the search's. */
  kind: 'mse' | 'energy';
}

/** Points per axis of the landscape grid (25 × 25 = 625 fitness evaluations). */
export const LANDSCAPE_GRID = 25;

/** `n` evenly spaced values from min to max, both included (pure). */
export function gridValues(p: Pick<ParameterSpec, 'min' | 'max'>, n: number): number[] {
  if (n < 2) return [(p.min + p.max) / 2];
  return Array.from({ length: n }, (_, i) => p.min + ((p.max - p.min) * i) / (n - 1));
}

/**
 * The candidate vectors of a landscape over two parameters, row by row (y outer, x inner), in the
 * order {@link landscapeFromScores} reads the scores back (pure).
 */
export function landscapeBatch(x: readonly number[], y: readonly number[]): Float64Array[] {
  const out: Float64Array[] = [];
  for (const b of y) for (const a of x) out.push(new Float64Array([a, b]));
  return out;
}

/** Reshapes the scores of {@link landscapeBatch} into the grid (pure). */
export function landscapeFromScores(key: string, x: number[], y: number[], scores: ArrayLike<number>, kind: FitnessLandscape['kind'] = 'mse'): FitnessLandscape {
  if (scores.length !== x.length * y.length) throw new Error(`landscapeFromScores: expected ${x.length * y.length} scores, got ${scores.length}`);
  const fitness = y.map((_, j) => Array.from({ length: x.length }, (_, i) => scores[j * x.length + i]));
  return { key, x, y, fitness, kind };
}
