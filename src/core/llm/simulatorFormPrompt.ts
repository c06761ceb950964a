/**
 * The simulator form as the model is told it (README "The simulator form"): the paper's `SimulatorStep`
 * class skeleton (paper notes §4.5) becomes a script with a `parameters` declaration and a `step`
 * function, and NumPy's samplers become the documented `rng` methods. The example is deliberately a
 * different system (a queue), so the prompt does not hand the model any benchmark's answer.
 */
export const SIMULATOR_FORM_PROMPT = `## The simulator form
Write one JavaScript script (no imports or exports) that defines:

1. \`const parameters = { name: { min, max, init, description }, ... }\`: every numerical parameter of the model, each with uniform prior bounds \`min\` < \`max\` (they are both the calibration search box and the prior) and an initial guess \`init\` between them.
2. \`function step(state, action, params, rng)\`: one time step, returning the next state as a new object.
   - \`state\`: the current state as the data holds it (it may carry more keys than the observed variables). It is frozen: build a new object instead of changing it.
   - \`action\`: a number, or \`null\` when the system has no action.
   - \`params\`: the parameter values by name, e.g. \`params.arrivalRate\`.
   - \`rng\`: the seeded random source below.
   - The returned state must hold every observed variable as a finite number. \`step\` must be synchronous.
3. Optionally \`function initialState(rng)\`: a plausible starting state, for rollouts without data.

\`rng\` samplers (NumPy Generator conventions in camelCase; all exact):
- \`rng.random()\`: uniform in [0, 1)
- \`rng.uniform(low = 0, high = 1)\`
- \`rng.integers(low, high)\`: an integer in [low, high), high exclusive
- \`rng.normal(loc = 0, scale = 1)\`
- \`rng.exponential(scale = 1)\`: mean \`scale\`
- \`rng.gamma(shape, scale = 1)\`
- \`rng.beta(a, b)\`
- \`rng.bernoulli(p)\`: 0 or 1
- \`rng.binomial(n, p)\`
- \`rng.poisson(lam)\`
- \`rng.negativeBinomial(n, p)\`: failures before the n-th success
- \`rng.categorical(weights)\`: an index drawn with probability proportional to \`weights\` (normalised for you)
- \`rng.split()\`: an independent stream
Samplers throw on invalid arguments (NaN, a negative or fractional count, a probability outside [0, 1]), so clip probabilities and round counts before sampling. \`Math\` is available except \`Math.random\`; there is no network, storage, DOM or timers.

Example of the form (for a different system: a queue of customers):
\`\`\`js
const parameters = {
  arrivalRate: { min: 0, max: 20, init: 5, description: 'mean arrivals per step' },
  serviceProb: { min: 0, max: 1, init: 0.3, description: 'probability that a waiting customer is served per step' },
};

function step(state, action, params, rng) {
  const arrivals = rng.poisson(params.arrivalRate);
  const served = rng.binomial(state.queue, params.serviceProb);
  return { queue: state.queue + arrivals - served };
}
\`\`\``;
