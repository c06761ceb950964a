import type { Environment } from '../envs/Environment.ts';
import { createRng } from '../rng/createRng.ts';
import { deriveSeed } from '../rng/deriveSeed.ts';
import type { State } from '../sim/types.ts';

/**
 * `n` start states from a benchmark's initial-state sampler, drawn from `deriveSeed(seed, 7)`: the
 * same for the model and the truth (common random numbers), for the CLI and the studio alike, so a
 * what-if run in either starts from the same states.
 */
export function scenarioStartStates(env: Pick<Environment, 'initialState'>, n: number, seed: number): State[] {
  const rng = createRng(deriveSeed(seed, 7));
  return Array.from({ length: n }, () => env.initialState(rng));
}
