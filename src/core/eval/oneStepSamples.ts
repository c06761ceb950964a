import type { Rng } from '../rng/Rng.ts';
import type { Action, CompiledSimulator, ParamValues, State } from '../sim/types.ts';

/**
 * Draws `n` independent next states from one start state and action, and returns their observation
 * vectors packed row-major (`out[i * dim + j]` = variable j of draw i, dim = variables.length).
 * Every draw restarts from `state` and consumes `rng` in turn, so the result is a deterministic
 * function of the rng's seed. O(n) simulator steps.
 *
 * A program that throws, or returns a state lacking a variable or holding a non-finite one, throws
 * its {@link SimulatorError} (the caller decides what a failure scores). n = 0 gives an empty array.
 *
 * @example
 * oneStepSamples(sim, { S: 990, I: 10, R: 0 }, null, { beta: 0.5, gamma: 0.1 }, ['S', 'I', 'R'], 200, createRng(1));
 */
export function oneStepSamples(
  sim: CompiledSimulator, state: State, action: Action, params: ParamValues, variables: readonly string[], n: number, rng: Rng,
): Float64Array {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`oneStepSamples: n must be a non-negative integer, got ${n}`);
  const dim = variables.length;
  const out = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) {
    const next = sim.step(state, action, params, rng, variables);
    for (let j = 0; j < dim; j++) out[i * dim + j] = next[variables[j]] as number;
  }
  return out;
}
