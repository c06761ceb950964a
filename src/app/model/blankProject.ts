/** Knowledge text a blank project starts with: the headings the benchmarks use, to fill in. */
export const BLANK_KNOWLEDGE = `# My system

Describe the system in plain words: what is modelled, which mechanisms drive it, what is random.

### State
List the state variables and their meaning.

### Action
Describe the action applied at each step, or say there is none.

### Observed variables
Which variables the data records.
`;

/** A minimal program in the simulator form, so a blank project compiles from the start. */
export const BLANK_SOURCE = `// A simulator program: declare parameters (uniform prior bounds) and a step function.
const parameters = {
  rate: { min: 0, max: 1, init: 0.1, description: 'growth rate per step' },
};

function step(state, action, params, rng) {
  const x = state.x;
  return { x: x + rng.normal(params.rate * x, 1) };
}

function initialState(rng) {
  return { x: rng.uniform(1, 10) };
}
`;
