import type { SuiteEnvironment } from './SuiteEnvironment.ts';

/** Predators above this count are culled by the behaviour policy. */
const CULL_ABOVE = 40;

/**
 * The predator-prey program with culling from issue #14: Poisson prey births (logistic, capacity 1,000),
 * binomial predation with a per-predator hazard whose true value sits near the low end of a wide box,
 * binomial conversion of eaten prey into predators, binomial predator deaths, and a closed-loop
 * culling action (remove the excess over 40 predators; 10 % random culls). 100/100/100 trajectories
 * of 60 steps, as in the issue.
 */
export const predatorPrey: SuiteEnvironment = {
  id: 'predator-prey',
  title: 'Predator-prey with culling (4 parameters, issue #14)',
  stresses: 'the issue case: a hazard near its lower bound, closed-loop culling',
  variables: ['prey', 'pred'],
  groundTruthSource: `// Stochastic predator-prey with culling; action = predators removed
const parameters = {
  birth:      { min: 0, max: 1, init: 0.5, description: 'prey births per prey per step (logistic, capacity 1000)' },
  hazard:     { min: 0, max: 0.2, init: 0.1, description: 'per-predator predation hazard' },
  conversion: { min: 0, max: 1, init: 0.5, description: 'probability that an eaten prey yields a predator' },
  death:      { min: 0, max: 1, init: 0.5, description: 'predator death probability per step' },
};
const clip = (p) => Math.min(1, Math.max(0, p));
function step(state, action, params, rng) {
  const prey = state.prey, pred = state.pred;
  const births = rng.poisson(Math.max(0, params.birth * prey * (1 - prey / 1000)));
  const eaten = rng.binomial(prey, clip(1 - Math.exp(-params.hazard * pred)));
  const born = rng.binomial(eaten, clip(params.conversion));
  const deaths = rng.binomial(pred, clip(params.death));
  const culled = Math.min(Math.max(0, Math.round(action ?? 0)), pred - deaths);
  return { prey: prey + births - eaten, pred: pred + born - deaths - culled };
}
`,
  trueParams: { birth: 0.3, hazard: 0.006, conversion: 0.25, death: 0.1 },
  initialState: (rng) => ({ prey: rng.integers(100, 400), pred: rng.integers(5, 40) }),
  policy: (state, _t, rng) => (rng.random() < 0.1 ? rng.integers(0, 6) : Math.max(0, (state.pred as number) - CULL_ABOVE)),
  horizon: 60,
  trajectories: 100,
};
