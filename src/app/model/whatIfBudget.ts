/**
 * Most numbers one what-if run may bring back to the page: every scenario's rollouts × states ×
 * variables, on the model and (for a benchmark) on the ground truth. All of them are held at once
 * (each scenario's ensemble is joined on the main thread before its bands are taken), so the limit is
 * on the sum over scenarios, not per scenario: the CLI's per-scenario 5·10⁷ (src/cli/rolloutBudget.ts),
 * summed. 5·10⁷ doubles are 400 MB, about what a tab can hold beside the studio.
 */
export const MAX_WHATIF_VALUES = 50_000_000;

/** What a what-if run will simulate and hold, as shown beside its Run button. */
export interface WhatIfBudget {
  scenarios: number;
  rollouts: number;
  horizon: number;
  /** 2 with a ground truth (model and truth), else 1. */
  sides: number;
  /** Simulated steps over all scenarios and sides. */
  steps: number;
  /** Numbers held at the end (steps plus each rollout's start state, times the variables). */
  values: number;
  over: boolean;
}

/**
 * The budget of running `scenarios` scenarios of `rollouts` rollouts over `horizon` steps, recording
 * `variables` variables, on the model and, when `withTruth`, on the ground truth too.
 */
export function whatIfBudget(scenarios: number, rollouts: number, horizon: number, variables: number, withTruth: boolean): WhatIfBudget {
  const sides = withTruth ? 2 : 1;
  const runs = scenarios * sides * rollouts;
  const values = runs * (horizon + 1) * Math.max(1, variables);
  return { scenarios, rollouts, horizon, sides, steps: runs * horizon, values, over: values > MAX_WHATIF_VALUES };
}
