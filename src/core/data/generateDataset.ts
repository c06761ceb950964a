import type { Environment } from '../envs/Environment.ts';
import { createRng } from '../rng/createRng.ts';
import { deriveSeed } from '../rng/deriveSeed.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import type { Action, CompiledSimulator, State } from '../sim/types.ts';
import type { Dataset, SplitName, Trajectory } from './Dataset.ts';

/** Overrides for {@link generateDataset}; the defaults are decision B5 (100/100/100, T = the environment's horizon). */
export interface GenerateDatasetOptions {
  train?: number;
  val?: number;
  test?: number;
  /** Steps per trajectory T (each trajectory holds T + 1 states). */
  horizon?: number;
  /** Parameter values to generate with; the environment's true parameters by default. */
  params?: Record<string, number>;
  name?: string;
}

const SPLITS: readonly SplitName[] = ['train', 'val', 'test'];

/**
 * Generates a benchmark dataset by running the environment's compiled ground-truth program with its
 * true parameters under its behaviour policy (decisions B1, B5, B6).
 *
 * Each trajectory draws from its own stream `deriveSeed(seed, split, index)`, used in turn for the
 * initial state, then per step for the policy and the transition; so a trajectory does not change when
 * the other counts or the horizon change (a longer horizon extends it). Deterministic for a seed.
 * Cost: (train + val + test) · T ground-truth steps.
 *
 * @param env a built-in environment.
 * @param seed any integer; stored in the dataset.
 * @example
 * const data = generateDataset(getEnvironment('covid'), 1); // 100/100/100 trajectories of 61 states
 */
export function generateDataset(env: Environment, seed: number, opts: GenerateDatasetOptions = {}): Dataset {
  const counts = { train: opts.train ?? 100, val: opts.val ?? 100, test: opts.test ?? 100 };
  const horizon = opts.horizon ?? env.horizon;
  for (const [key, n] of Object.entries({ ...counts, horizon })) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`generateDataset: ${key} must be a non-negative integer, got ${n}`);
  }
  if (counts.train < 1) throw new RangeError('generateDataset: train must be at least 1');
  const sim = compileSimulator(env.groundTruthSource);
  const params = { ...env.trueParams, ...opts.params };
  const splits = {} as Record<SplitName, Trajectory[]>;
  SPLITS.forEach((split, s) => {
    splits[split] = [];
    for (let k = 0; k < counts[split]; k++) {
      splits[split].push(rollout(env, sim, params, horizon, deriveSeed(seed, s, k), `${split}-${k}`));
    }
  });
  return {
    format: 'gsim-dataset',
    version: 1,
    name: opts.name ?? `${env.id} seed ${seed}`,
    env: env.id,
    seed,
    variables: [...env.variables],
    splits,
  };
}

function rollout(env: Environment, sim: CompiledSimulator, params: Record<string, number>, horizon: number, seed: number, id: string): Trajectory {
  const rng = createRng(seed);
  let state: State = env.initialState(rng);
  const states: State[] = [state];
  const actions: Action[] = [];
  for (let t = 0; t < horizon; t++) {
    const action = env.policy(state, t, rng);
    state = sim.step(state, action, params, rng, env.variables);
    states.push(state);
    actions.push(action);
  }
  return { id, states, actions };
}
