import type { Environment } from '../Environment.ts';

/**
 * A ground-truth environment of the calibration robustness suite (issue #14): the same recipe as a
 * built-in benchmark (truth in the simulator form, true parameters, initial states, behaviour policy,
 * horizon) but a test bed only, so it has no knowledge text or starter and stays out of the studio's
 * benchmark list. `id` is free text rather than a benchmark {@link EnvId}.
 */
export interface SuiteEnvironment extends Omit<Environment, 'id' | 'knowledge' | 'starterSource' | 'title'> {
  id: string;
  title: string;
  /** What the environment stresses in a calibrator (one line, shown by the bench). */
  stresses: string;
  /** Trajectories per split and steps per trajectory the suite's data use (smaller for slow programs). */
  trajectories: number;
}
