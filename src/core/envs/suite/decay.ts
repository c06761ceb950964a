import type { SuiteEnvironment } from './SuiteEnvironment.ts';

/** One parameter, binomial deaths plus a fixed Poisson immigration: the smallest calibration problem. */
export const decay: SuiteEnvironment = {
  id: 'decay',
  title: 'Binomial decay with immigration (1 parameter)',
  stresses: '1 parameter; binomial counts; no action',
  variables: ['N'],
  groundTruthSource: `// Death process with immigration: N' = N - Binomial(N, p) + Poisson(5)
const parameters = {
  p_death: { min: 0, max: 1, init: 0.5, description: 'daily death probability' },
};
function step(state, action, params, rng) {
  const deaths = rng.binomial(state.N, Math.min(1, Math.max(0, params.p_death)));
  return { N: state.N - deaths + rng.poisson(5) };
}
`,
  trueParams: { p_death: 0.15 },
  initialState: (rng) => ({ N: rng.integers(0, 80) }),
  policy: () => null,
  horizon: 30,
  trajectories: 40,
};
