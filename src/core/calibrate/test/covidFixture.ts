import { transitionsOf, type Transitions } from '../../data/transitions.ts';
import type { Dataset, Trajectory } from '../../data/Dataset.ts';
import { createRng } from '../../rng/createRng.ts';
import { compileSimulator } from '../../sim/compileSimulator.ts';
import type { CompiledSimulator } from '../../sim/types.ts';

/**
 * The paper's COVID ground truth (binomial SIR, App. C.1; beta 0.5, gamma 0.1, bounds beta ∈ [0, 2],
 * gamma ∈ [0, 1]) inlined in the simulator form, so calibration tests do not depend on src/core/envs.
 */
export const COVID_SIR_SOURCE = `
const parameters = {
  beta:  { min: 0, max: 2, init: 0.4, description: 'transmission rate' },
  gamma: { min: 0, max: 1, init: 0.1, description: 'daily recovery probability' },
};
function step(state, action, params, rng) {
  const { S, I, R } = state;
  const N = S + I + R;
  if (N <= 0) return { S: 0, I: 0, R: 0 };
  const pInf = Math.min(1, Math.max(0, 1 - Math.exp(-params.beta * I / N)));
  const newInf = rng.binomial(S, pInf);
  const newRec = rng.binomial(I, params.gamma);
  return { S: S - newInf, I: I + newInf - newRec, R: R + newRec };
}
`;

export const COVID_TRUE = { beta: 0.5, gamma: 0.1 } as const;

/**
 * A training set from the ground truth: `trajectories` rollouts of `horizon` steps from
 * S0 ~ U{900..1000}, I0 ~ U{1..20}, R0 = 0 (decision B5's recipe), seeded.
 */
export function covidTraining(seed: number, trajectories: number, horizon = 60): { sim: CompiledSimulator; transitions: Transitions } {
  const sim = compileSimulator(COVID_SIR_SOURCE);
  const rng = createRng(seed);
  const vars = ['S', 'I', 'R'];
  const train: Trajectory[] = [];
  for (let k = 0; k < trajectories; k++) {
    let s: Record<string, unknown> = { S: rng.integers(900, 1001), I: rng.integers(1, 21), R: 0 };
    const states = [s];
    for (let t = 0; t < horizon; t++) {
      s = sim.step(s, null, COVID_TRUE, rng, vars);
      states.push(s);
    }
    train.push({ id: `train-${k}`, states, actions: new Array(horizon).fill(null) });
  }
  const dataset: Dataset = { format: 'gsim-dataset', version: 1, name: 'covid fixture', env: 'covid', variables: vars, seed, splits: { train, val: [], test: [] } };
  return { sim, transitions: transitionsOf(dataset, 'train') };
}
