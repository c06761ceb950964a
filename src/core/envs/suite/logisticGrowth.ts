import type { SuiteEnvironment } from './SuiteEnvironment.ts';

/**
 * Logistic growth with additive Gaussian noise. The noise scale `sigma` is a parameter: a squared-error
 * fitness drives it to its lower bound (less spread always lowers the MSE); a proper score fits it.
 */
export const logisticGrowth: SuiteEnvironment = {
  id: 'logistic',
  title: 'Logistic growth with Gaussian noise (3 parameters)',
  stresses: 'continuous noise whose scale is a parameter',
  variables: ['x'],
  groundTruthSource: `// x' = x + r x (1 - x / K) + Normal(0, sigma)
const parameters = {
  r:     { min: 0, max: 2, init: 1, description: 'growth rate' },
  K:     { min: 10, max: 200, init: 100, description: 'carrying capacity' },
  sigma: { min: 0.01, max: 10, init: 5, description: 'noise standard deviation' },
};
function step(state, action, params, rng) {
  const x = state.x;
  return { x: x + params.r * x * (1 - x / params.K) + rng.normal(0, params.sigma) };
}
`,
  trueParams: { r: 0.3, K: 50, sigma: 2 },
  initialState: (rng) => ({ x: rng.uniform(2, 90) }),
  policy: () => null,
  horizon: 30,
  trajectories: 40,
};
