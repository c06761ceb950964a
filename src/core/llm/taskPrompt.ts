import type { Dataset } from '../data/Dataset.ts';
import { SIMULATOR_FORM_PROMPT } from './simulatorFormPrompt.ts';

/** How much training data there is, told to the model (counts only: the data itself is not sent). */
export interface TrainingDataSummary {
  trajectories: number;
  /** Steps of the longest training trajectory. */
  steps: number;
}

/** Inputs of {@link taskPrompt}. */
export interface TaskPromptInput {
  /** Domain knowledge K in Markdown (an environment's `knowledge`, or the user's text). */
  knowledge: string;
  /** Observed variables, in the dataset's order. */
  variables: readonly string[];
  data?: TrainingDataSummary;
  /** 1-based iteration this conversation produces code for, and the total. */
  iteration: number;
  totalIterations: number;
}

/**
 * The main task prompt (paper App. E.4: system description, modelling goals, requirements, the skeleton,
 * "useful to know", and "iteration g out of G"), adapted to the JavaScript simulator form.
 * @example
 * taskPrompt({ knowledge: env.knowledge, variables: env.variables, iteration: 1, totalIterations: 5 });
 */
export function taskPrompt(input: TaskPromptInput): string {
  const vars = input.variables.map((v) => `\`${v}\``).join(', ');
  const size = input.data
    ? ` (${input.data.trajectories} training trajector${input.data.trajectories === 1 ? 'y' : 'ies'} of up to ${input.data.steps} steps)`
    : '';
  return `You will get a description of a system and write a simulator for it: a JavaScript \`step\` function in the simulator form below.

## System description
${input.knowledge.trim()}

## Observed variables
The data records ${vars} at every time step. \`step\` must return each of them as a finite number.

## Modelling goals
- The numerical parameters you declare will be calibrated to the observed training trajectories with gradient-free optimisation (a genetic algorithm) or simulation-based inference: you choose the structure of the model, calibration chooses the parameter values.
- The dataset has very few samples${size}. The simulator must generalise to unseen states and actions, and support interventions on its parts, so prefer a mechanistic, interpretable structure over curve fitting.

## Requirements
- Reach the lowest possible validation score: a distance between simulated and observed validation trajectories, where lower is better.
- Be interpretable, and fit the data as accurately as possible.
- Keep the nature of each component: counts stay whole numbers, and randomness comes from \`rng\` with a fitting distribution, so that the spread of the data is reproduced and not just its mean.

${SIMULATOR_FORM_PROMPT}

## Useful to know
- Write the complete program: every declaration and every function body in full, with no placeholders, no "..." and no TODO.
- You are a code-evolving machine: you will be called ${input.totalIterations} times to lower the validation score.
- The model is a possibly stochastic transition from the full state and the action to the next state, and is fitted to the training data.
- You may use any parameters, but every parameter must be declared in \`parameters\` with prior bounds \`min\` and \`max\` wide enough to hold every plausible value, an \`init\` guess and a description. Do not hard-code a number that calibration should choose.
- Decomposing the system into compartments or submodules is preferred.
- You may use any \`Math\` function and any \`rng\` sampler listed above.
- Keep the simulator form exactly: the \`parameters\` object and the signature \`step(state, action, params, rng)\`.
- Parameterised categorical probabilities must be normalised inside \`step\`.

Think step by step, then give the complete, working code. You are generating code for iteration ${input.iteration} out of ${input.totalIterations}.`;
}

/**
 * Counts the training trajectories of a dataset and their longest length, for {@link TaskPromptInput.data}.
 * @param dataset any dataset; only its train split is read.
 */
export function trainingDataSummary(dataset: Dataset): TrainingDataSummary {
  const train = dataset.splits.train;
  let steps = 0;
  for (const tr of train) steps = Math.max(steps, tr.states.length - 1);
  return { trajectories: train.length, steps };
}
