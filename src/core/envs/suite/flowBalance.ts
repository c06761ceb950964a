import type { SuiteEnvironment } from './SuiteEnvironment.ts';

/**
 * A stock with Poisson inflow and outflow: the mean change is `inflow - outflow`, the variance
 * `inflow + outflow`. The pair trades off in the mean but not in the spread, so only a fitness that
 * scores the spread (a proper scoring rule) pins both; squared error sees the difference only and
 * prefers the smallest pair with it.
 */
export const flowBalance: SuiteEnvironment = {
  id: 'flow-balance',
  title: 'Stock with Poisson inflow and outflow (2 parameters)',
  stresses: 'a pair trading off in the mean but not in the spread',
  variables: ['x'],
  groundTruthSource: `// x' = x + Poisson(inflow) - Poisson(outflow)
const parameters = {
  inflow:  { min: 0, max: 30, init: 15, description: 'mean units arriving per step' },
  outflow: { min: 0, max: 30, init: 15, description: 'mean units leaving per step' },
};
function step(state, action, params, rng) {
  return { x: state.x + rng.poisson(params.inflow) - rng.poisson(params.outflow) };
}
`,
  trueParams: { inflow: 8, outflow: 5 },
  initialState: (rng) => ({ x: rng.integers(0, 100) }),
  policy: () => null,
  horizon: 30,
  trajectories: 40,
};
