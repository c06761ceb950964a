import { wasserstein1d } from '../metrics/wasserstein1d.ts';
import { scenarioOutcomes } from './scenarioOutcomes.ts';
import type { ScenarioResult } from './simulateScenario.ts';

/** How far a model's scenario outcomes are from the truth's, per observed variable. */
export interface OutcomeComparison {
  scenario: string;
  perVariable: Record<string, {
    /** 1-D W1 between the two samples of final values. */
    finalW1: number;
    /** 1-D W1 between the two samples of peak values. */
    peakW1: number;
    /** 1-D W1 between the two samples of peak times (days). */
    peakTimeW1: number;
    /** 1-D W1 between the two ensembles at each time t (index t). */
    w1ByTime: number[];
    /** Mean of w1ByTime over t = 1..horizon (t = 0 is the shared start). */
    meanW1: number;
    /** Largest |mean_model(t) − mean_truth(t)|. */
    maxMeanGap: number;
  }>;
  /** Mean of meanW1 over the variables: one number per scenario. */
  meanW1: number;
}

/**
 * Compares a model's and a ground truth's rollouts of one scenario (same variables and steps; normally
 * the same seed and start states): per variable the 1-D W1 of final values, of peaks and of peak
 * times, and the per-time W1 with its mean. O(steps · n log n) per variable.
 * @throws RangeError when the two results have different steps or lack a variable.
 */
export function compareOutcomes(model: ScenarioResult, truth: ScenarioResult): OutcomeComparison {
  if (model.steps !== truth.steps) throw new RangeError(`compareOutcomes: the model has ${model.steps} steps and the truth ${truth.steps}`);
  const mo = scenarioOutcomes(model);
  const to = scenarioOutcomes(truth);
  const perVariable: OutcomeComparison['perVariable'] = {};
  let total = 0;
  for (const v of truth.variables) {
    const km = model.keys.indexOf(v);
    const kt = truth.keys.indexOf(v);
    if (km < 0 || kt < 0) throw new RangeError(`compareOutcomes: variable "${v}" is missing from the ${km < 0 ? 'model' : 'truth'}`);
    const w1ByTime: number[] = [];
    let gap = 0;
    for (let t = 0; t < truth.steps; t++) {
      w1ByTime.push(wasserstein1d(column(model, t, km), column(truth, t, kt)));
      gap = Math.max(gap, Math.abs(model.mean[t * model.keys.length + km] - truth.mean[t * truth.keys.length + kt]));
    }
    const after = w1ByTime.slice(1);
    const meanW1 = after.length ? after.reduce((a, b) => a + b, 0) / after.length : 0;
    perVariable[v] = {
      finalW1: wasserstein1d(mo[v].final, to[v].final),
      peakW1: wasserstein1d(mo[v].peak, to[v].peak),
      peakTimeW1: wasserstein1d(mo[v].peakTime, to[v].peakTime),
      w1ByTime, meanW1, maxMeanGap: gap,
    };
    total += meanW1;
  }
  return { scenario: truth.scenario, perVariable, meanW1: truth.variables.length ? total / truth.variables.length : NaN };
}

/** Values of key k at time t across the rollouts. */
function column(r: ScenarioResult, t: number, k: number): Float64Array {
  const out = new Float64Array(r.rollouts);
  const dim = r.keys.length;
  for (let i = 0; i < r.rollouts; i++) out[i] = r.ensemble[(i * r.steps + t) * dim + k];
  return out;
}
