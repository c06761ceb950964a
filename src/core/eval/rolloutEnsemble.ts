import type { Trajectory } from '../data/Dataset.ts';
import type { Rng } from '../rng/Rng.ts';
import type { CompiledSimulator, ParamValues, State } from '../sim/types.ts';
import { deepFreeze } from '../util/deepFreeze.ts';

/**
 * Simulates `nRollouts` trajectories from a trajectory's initial state, replaying its recorded actions
 * open-loop, and returns their observation vectors packed as [rollout][t][variable]
 * (`out[(r * steps + t) * dim + j]`, steps = trajectory.states.length, dim = variables.length).
 * Time 0 is the observed initial state itself, so every rollout starts at the data. Rollouts consume
 * `rng` one after another. O(nRollouts · steps) simulator steps.
 *
 * A program that throws propagates its SimulatorError. A trajectory with no states gives an empty
 * array; nRollouts = 0 likewise.
 */
export function rolloutEnsemble(
  sim: CompiledSimulator, params: ParamValues, trajectory: Trajectory, variables: readonly string[], nRollouts: number, rng: Rng,
): Float64Array {
  if (!Number.isInteger(nRollouts) || nRollouts < 0) throw new RangeError(`rolloutEnsemble: nRollouts must be a non-negative integer, got ${nRollouts}`);
  const steps = trajectory.states.length;
  const dim = variables.length;
  const out = new Float64Array(nRollouts * steps * dim);
  if (steps === 0) return out;
  // Frozen so a program that edits its input cannot leak one rollout into the next (or into the data).
  const start = deepFreeze(trajectory.states[0]);
  for (let r = 0; r < nRollouts; r++) {
    let state: State = start;
    let base = r * steps * dim;
    for (let j = 0; j < dim; j++) out[base + j] = start[variables[j]] as number;
    for (let t = 0; t + 1 < steps; t++) {
      state = sim.step(state, trajectory.actions[t] ?? null, params, rng, variables);
      base += dim;
      for (let j = 0; j < dim; j++) out[base + j] = state[variables[j]] as number;
    }
  }
  return out;
}
