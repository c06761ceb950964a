import type { SuiteEnvironment } from './SuiteEnvironment.ts';

/**
 * A room under a bang-bang thermostat (heater on below 20 °C, with 10 % random switching): continuous
 * state, Gaussian noise, a binary closed-loop action, four parameters including the noise scale.
 */
export const thermostat: SuiteEnvironment = {
  id: 'thermostat',
  title: 'Room temperature under a thermostat (4 parameters)',
  stresses: 'continuous noise; closed-loop binary action',
  variables: ['T'],
  groundTruthSource: `// T' = T + loss (outside - T) + heat * action + Normal(0, noise)
const parameters = {
  loss:    { min: 0, max: 1, init: 0.5, description: 'share of the indoor-outdoor gap lost per step' },
  heat:    { min: 0, max: 10, init: 5, description: 'degrees added per step with the heater on' },
  outside: { min: -10, max: 30, init: 10, description: 'outdoor temperature' },
  noise:   { min: 0.01, max: 5, init: 2.5, description: 'standard deviation of the disturbance' },
};
function step(state, action, params, rng) {
  const T = state.T;
  return { T: T + params.loss * (params.outside - T) + params.heat * (action ?? 0) + rng.normal(0, params.noise) };
}
`,
  trueParams: { loss: 0.1, heat: 2, outside: 5, noise: 0.5 },
  initialState: (rng) => ({ T: rng.uniform(10, 25) }),
  policy: (state, _t, rng) => (rng.random() < 0.1 ? rng.integers(0, 2) : (state.T as number) < 20 ? 1 : 0),
  horizon: 40,
  trajectories: 40,
};
