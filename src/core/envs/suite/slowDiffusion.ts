import type { SuiteEnvironment } from './SuiteEnvironment.ts';

/**
 * An Ornstein-Uhlenbeck process integrated with 1,000 Euler-Maruyama sub-steps per step: a slow
 * program (about 50-100 µs per step in Node), standing in for agent-based or finely discretised user
 * models. Small data (20 trajectories of 20 steps) keep a calibration affordable.
 */
export const slowDiffusion: SuiteEnvironment = {
  id: 'slow-diffusion',
  title: 'Ornstein-Uhlenbeck with 1,000 sub-steps (slow, 3 parameters)',
  stresses: 'slow simulator (>= 50 µs per step)',
  variables: ['x'],
  groundTruthSource: `// dx = theta (mu - x) dt + s dW over one time unit, 1,000 Euler-Maruyama sub-steps
const parameters = {
  theta: { min: 0, max: 2, init: 1, description: 'mean-reversion rate' },
  mu:    { min: 0, max: 20, init: 10, description: 'long-run mean' },
  s:     { min: 0.1, max: 5, init: 2.5, description: 'volatility' },
};
const SUB = 1000;
function step(state, action, params, rng) {
  const dt = 1 / SUB;
  const sd = params.s * Math.sqrt(dt);
  let x = state.x;
  for (let k = 0; k < SUB; k++) x += params.theta * (params.mu - x) * dt + sd * rng.normal();
  return { x };
}
`,
  trueParams: { theta: 0.5, mu: 12, s: 1 },
  initialState: (rng) => ({ x: rng.uniform(0, 20) }),
  policy: () => null,
  horizon: 20,
  trajectories: 20,
};
