import { generateDataset } from '../../data/generateDataset.ts';
import { transitionsOf, type Transitions } from '../../data/transitions.ts';
import { getEnvironment } from '../../envs/environments.ts';
import { compileSimulator } from '../../sim/compileSimulator.ts';
import type { CompiledSimulator } from '../../sim/types.ts';

/** The COVID ground truth's parameter values (decision B1). */
export const COVID_TRUE = getEnvironment('covid').trueParams;

/**
 * The COVID ground-truth program and `trajectories` seeded training rollouts of `horizon` steps from
 * the built-in environment (decision B5's recipe), for calibration tests.
 */
export function covidTraining(seed: number, trajectories: number, horizon = 60): { sim: CompiledSimulator; transitions: Transitions } {
  const env = getEnvironment('covid');
  const dataset = generateDataset(env, seed, { train: trajectories, val: 0, test: 0, horizon });
  return { sim: compileSimulator(env.groundTruthSource), transitions: transitionsOf(dataset, 'train') };
}
