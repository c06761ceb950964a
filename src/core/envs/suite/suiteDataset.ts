import type { Dataset, SplitName, Trajectory } from '../../data/Dataset.ts';
import { createRng } from '../../rng/createRng.ts';
import { deriveSeed } from '../../rng/deriveSeed.ts';
import { compileSimulator } from '../../sim/compileSimulator.ts';
import type { Action, State } from '../../sim/types.ts';
import type { SuiteEnvironment } from './SuiteEnvironment.ts';

const SPLITS: readonly SplitName[] = ['train', 'val', 'test'];

/**
 * A dataset from a suite environment's ground truth, with the same stream layout as
 * `generateDataset` (trajectory k of split s draws from `deriveSeed(seed, s, k)`: initial state, then
 * per step the policy and the transition). `trajectories` per split defaults to the environment's.
 * The dataset has no `env` field (suite environments are not benchmarks), so the CLI reports no
 * benchmark W1 for it; the suite's bench computes that itself against the truth.
 */
export function suiteDataset(env: SuiteEnvironment, seed: number, trajectories = env.trajectories): Dataset {
  const sim = compileSimulator(env.groundTruthSource);
  const splits = {} as Record<SplitName, Trajectory[]>;
  SPLITS.forEach((split, s) => {
    splits[split] = Array.from({ length: trajectories }, (_, k) => {
      const rng = createRng(deriveSeed(seed, s, k));
      let state: State = env.initialState(rng);
      const states: State[] = [state];
      const actions: Action[] = [];
      for (let t = 0; t < env.horizon; t++) {
        const action = env.policy(state, t, rng);
        state = sim.step(state, action, env.trueParams, rng, env.variables);
        states.push(state);
        actions.push(action);
      }
      return { id: `${split}-${k}`, states, actions };
    });
  });
  return { format: 'gsim-dataset', version: 1, name: `${env.id} seed ${seed}`, seed, variables: [...env.variables], splits };
}
