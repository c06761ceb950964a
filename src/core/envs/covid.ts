import type { Rng } from '../rng/Rng.ts';
import type { State } from '../sim/types.ts';
import type { Environment } from './Environment.ts';

/**
 * Ground truth: the paper's stochastic discrete-time SIR (paper notes §2.1). The prior bounds are the
 * paper's "typical" box; `init` holds the listing defaults, which generated the data (decision B1).
 * `safeBinomial` stands in for the listing's undefined `safe_binomial`: it guards against negative or
 * fractional counts and probabilities outside [0, 1] so that odd start states never throw.
 */
const GROUND_TRUTH = `// COVID-19: stochastic discrete-time SIR, closed population (ground truth, G-Sim App. C.1)
const parameters = {
  beta:  { min: 0, max: 2, init: 0.5, description: 'base transmission rate' },
  gamma: { min: 0, max: 1, init: 0.1, description: 'daily recovery probability (used directly as a Binomial probability)' },
};

function safeBinomial(rng, n, p) {
  const count = Math.max(0, Math.round(n));
  const prob = p > 0 ? Math.min(1, p) : 0; // also maps NaN to 0
  return rng.binomial(count, prob);
}

function step(state, action, params, rng) {
  const S = state.S, I = state.I, R = state.R;
  const N = S + I + R;
  if (N <= 0) return { S: 0, I: 0, R: 0 };
  const pInf = Math.min(1, Math.max(0, 1 - Math.exp(-params.beta * I / N)));
  const newInf = safeBinomial(rng, S, pInf);
  // Recoveries are drawn from the current I: people infected today cannot recover today.
  const newRec = safeBinomial(rng, I, params.gamma);
  return { S: S - newInf, I: I + newInf - newRec, R: R + newRec };
}

function initialState(rng) {
  return { S: rng.integers(900, 1001), I: rng.integers(1, 21), R: 0 };
}
`;

/**
 * Starter: what an LLM typically writes first. It converts the recovery rate with 1 - exp(-gamma),
 * the habit the paper reports (App. E.4), so calibration lands on a gamma that differs from the
 * ground truth's, and its initial guesses are off.
 */
const STARTER = `// COVID-19 SIR starter: a binomial SIR with a rate-to-probability conversion for recoveries.
const parameters = {
  beta:  { min: 0, max: 2, init: 0.3, description: 'transmission rate per day' },
  gamma: { min: 0, max: 1, init: 0.2, description: 'recovery rate per day' },
};

function step(state, action, params, rng) {
  const { S, I, R } = state;
  const N = S + I + R;
  if (N <= 0) return { S: 0, I: 0, R: 0 };
  const pInf = 1 - Math.exp(-params.beta * I / N);
  const pRec = 1 - Math.exp(-params.gamma);
  const newInf = rng.binomial(S, pInf);
  const newRec = rng.binomial(I, pRec);
  return { S: S - newInf, I: I + newInf - newRec, R: R + newRec };
}

function initialState(rng) {
  return { S: rng.integers(900, 1001), I: rng.integers(1, 21), R: 0 };
}
`;

/** Paraphrase of the paper's task description (App. E.4, F.1): no parameter values, no equations. */
const KNOWLEDGE = `# COVID SIR environment

An epidemic spreads through a closed population of roughly a thousand people: nobody is born, dies,
arrives or leaves. Each person is susceptible, infected or recovered. Infection happens through contact
between susceptible and infected people; infected people recover after some time and are then immune.
Both processes are random and act on whole people, so the counts are integers and day-to-day changes are
noisy.

### State
\`state\` is an object of integer counts:
- \`S\`: susceptible people
- \`I\`: infected people
- \`R\`: recovered people

### Action
None: \`action\` is always \`null\` and has no effect.

### Episode length
Each collected trajectory lasts 60 time steps (days). Trajectories start with a few infected people in an
otherwise susceptible population.

### Observed variables
\`S\`, \`I\`, \`R\` (every state in the data carries all three).
`;

/** Initial state (paper §2.1, "e.g."): integer uniforms S0 in 900..1000, I0 in 1..20, R0 = 0. */
function initialState(rng: Rng): State {
  return { S: rng.integers(900, 1001), I: rng.integers(1, 21), R: 0 };
}

/**
 * The COVID-19 benchmark: a stochastic SIR with binomial infections and recoveries, no action
 * (paper notes §2.1, decisions B1, B2).
 *
 * @example
 * const sim = compileSimulator(covid.groundTruthSource);
 * sim.step(covid.initialState(rng), null, covid.trueParams, rng, covid.variables);
 */
export const covid: Environment = {
  id: 'covid',
  title: 'COVID-19 (stochastic SIR)',
  knowledge: KNOWLEDGE,
  variables: ['S', 'I', 'R'],
  groundTruthSource: GROUND_TRUTH,
  trueParams: { beta: 0.5, gamma: 0.1 },
  starterSource: STARTER,
  initialState,
  policy: () => null,
  horizon: 60,
};
