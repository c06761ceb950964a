import type { Action, State } from '../sim/types.ts';
import type { Dataset, SplitName } from './Dataset.ts';
import { deepFreeze } from '../util/deepFreeze.ts';

/**
 * The one-step transitions (s_t, a_t, s_{t+1}) of a split, flattened for hot loops: the start states
 * as the data holds them, the actions, and the observed next-state vectors packed row-major
 * (`next[i * dim + j]` = variable j of transition i).
 */
export interface Transitions {
  states: State[];
  actions: Action[];
  next: Float64Array;
  count: number;
  dim: number;
  variables: readonly string[];
  /** Index of the trajectory each transition came from, and its time step. */
  trajectory: Int32Array;
  t: Int32Array;
}

/**
 * Collects the transitions of one split of a dataset.
 * NOTE: freezes the split's states (see deepFreeze): simulators must return new objects, not edit their input.
 */
export function transitionsOf(dataset: Dataset, split: SplitName): Transitions {
  const trajs = dataset.splits[split];
  for (const tr of trajs) deepFreeze(tr.states);
  const variables = dataset.variables;
  const dim = variables.length;
  let count = 0;
  for (const tr of trajs) count += Math.max(0, tr.states.length - 1);
  const states: State[] = new Array(count);
  const actions: Action[] = new Array(count);
  const next = new Float64Array(count * dim);
  const trajectory = new Int32Array(count);
  const t = new Int32Array(count);
  let i = 0;
  trajs.forEach((tr, k) => {
    for (let s = 0; s + 1 < tr.states.length; s++, i++) {
      states[i] = tr.states[s];
      actions[i] = tr.actions[s] ?? null;
      const nx = tr.states[s + 1];
      for (let j = 0; j < dim; j++) next[i * dim + j] = nx[variables[j]] as number;
      trajectory[i] = k;
      t[i] = s;
    }
  });
  return { states, actions, next, count, dim, variables, trajectory, t };
}

/** The observation vector of a state (decision B2). NOTE: writes into `out` when given. */
export function observe(state: State, variables: readonly string[], out = new Float64Array(variables.length)): Float64Array {
  for (let j = 0; j < variables.length; j++) out[j] = state[variables[j]] as number;
  return out;
}
