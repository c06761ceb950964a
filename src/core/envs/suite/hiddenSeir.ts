import type { SuiteEnvironment } from './SuiteEnvironment.ts';

/**
 * SEIR with the exposed compartment E hidden: the state carries it (like the supply chain's pipeline)
 * but it is not an observed variable, so the metrics never compare it and the fitness sees the
 * incubation rate only through the I it feeds.
 */
export const hiddenSeir: SuiteEnvironment = {
  id: 'hidden-seir',
  title: 'SEIR with a hidden exposed compartment (3 parameters)',
  stresses: 'hidden state; binomial counts',
  variables: ['S', 'I', 'R'],
  groundTruthSource: `// Binomial SEIR; E is part of the state but not observed
const parameters = {
  beta:  { min: 0, max: 2, init: 1, description: 'transmission rate' },
  sigma: { min: 0, max: 1, init: 0.5, description: 'daily probability that an exposed person becomes infectious' },
  gamma: { min: 0, max: 1, init: 0.5, description: 'daily recovery probability' },
};
const clip = (p) => Math.min(1, Math.max(0, p));
function step(state, action, params, rng) {
  const { S, E, I, R } = state;
  const N = S + E + I + R;
  const inf = rng.binomial(S, clip(1 - Math.exp(-params.beta * I / Math.max(N, 1))));
  const onset = rng.binomial(E, clip(params.sigma));
  const rec = rng.binomial(I, clip(params.gamma));
  return { S: S - inf, E: E + inf - onset, I: I + onset - rec, R: R + rec };
}
`,
  trueParams: { beta: 0.6, sigma: 0.25, gamma: 0.12 },
  initialState: (rng) => ({ S: rng.integers(900, 1001), E: rng.integers(0, 30), I: rng.integers(1, 30), R: 0 }),
  policy: () => null,
  horizon: 50,
  trajectories: 40,
};
