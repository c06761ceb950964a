import { withFinalPickReserve } from './finalPickReserve.ts';

/**
 * Budget modes of the population searches (issue #14).
 * - `converge` (default): population and candidate cap grow with the number of parameters n, and the
 *   search stops once it has converged (step size) or stalled (no improvement of the generation median
 *   over a window), so easy problems finish early and hard ones are not cut off at a fixed 10 generations.
 * - `paper`: the paper's fixed budget (App. E.3.1): GA popsize 200 × 10 generations = 4,200 candidates,
 *   CMA-ES the same number of candidates; no restarts, no refinement.
 */
export type BudgetMode = 'converge' | 'paper';

export const BUDGET_MODES: readonly BudgetMode[] = ['converge', 'paper'];

/**
 * The `converge` budget for n calibrated parameters. Figures behind the constants are in the README
 * (calibration section): on the robustness suite, CMA-ES needed ≈ 1,000–1,500 candidates to reach the
 * noise floor at n = 4, and the 12-parameter problem kept improving up to ≈ 5,000.
 */
export function convergeBudget(n: number): { maxCandidates: number; gaPopsize: number } {
  return {
    /**
     * The search's 600 + 400 n (1,400 at n = 2, 2,200 at n = 4, 5,400 at n = 12; the paper's 4,200 sits at
     * n ≈ 9) plus a tenth of it, at most 256, for the race that picks the result (finalPick.ts): 1,540,
     * 2,420, 5,656.
     */
    maxCandidates: withFinalPickReserve(600 + 400 * Math.max(1, n)),
    /** GA population 16 (n + 2), at most the paper's 200: 64 at n = 2, 96 at n = 4, 200 from n = 11. */
    gaPopsize: Math.min(200, 16 * (Math.max(1, n) + 2)),
  };
}

/** The mode a run uses: explicit, else `paper` when generations are fixed, else `converge`. */
export function budgetModeOf(options: { budget?: BudgetMode; generations?: number }): BudgetMode {
  return options.budget ?? (options.generations !== undefined ? 'paper' : 'converge');
}
