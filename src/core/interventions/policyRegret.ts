import type { PolicySearchResult } from './policySearch.ts';

/** How much worse the model's optimal policy is than the truth's optimum, both evaluated in the truth. */
export interface PolicyRegret {
  /** The truth's expected cost at the model's optimum. */
  modelChoiceTrueCost: number;
  /** The truth's own optimum. */
  trueOptimumCost: number;
  /** modelChoiceTrueCost − trueOptimumCost (≥ 0 up to noise; 0 when both pick the same cell). */
  regret: number;
  /** Regret relative to |trueOptimumCost| (NaN when that is 0). */
  relativeRegret: number;
}

/**
 * The regret of the model's optimum (paper §6.1, Table 3): `truth.mean` at the model's best cell minus
 * the truth's best cost. The two searches must use the same grid. Null when either has no optimum.
 */
export function policyRegret(model: PolicySearchResult, truth: PolicySearchResult): PolicyRegret | null {
  if (!model.optimum || !truth.optimum) return null;
  const modelChoiceTrueCost = truth.mean[model.optimum.i]?.[model.optimum.j];
  if (modelChoiceTrueCost === undefined) throw new RangeError('policyRegret: the two searches use different grids');
  const trueOptimumCost = truth.optimum.cost;
  const regret = modelChoiceTrueCost - trueOptimumCost;
  return { modelChoiceTrueCost, trueOptimumCost, regret, relativeRegret: trueOptimumCost === 0 ? NaN : regret / Math.abs(trueOptimumCost) };
}
