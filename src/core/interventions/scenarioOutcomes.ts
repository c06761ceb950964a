import type { ScenarioResult } from './simulateScenario.ts';

/** Per-rollout outcome values of one recorded key. */
export interface KeyOutcomes {
  /** Largest value over time (e.g. the infection peak). */
  peak: Float64Array;
  /** First time the peak is reached. */
  peakTime: Float64Array;
  /** Value at the last time. */
  final: Float64Array;
  /** Sum over times 1..horizon (e.g. total backlog-days, patients turned away). */
  total: Float64Array;
}

/** Mean and 5 % / 50 % / 95 % quantiles of an outcome over the rollouts. */
export interface OutcomeSummary {
  mean: number;
  q05: number;
  median: number;
  q95: number;
}

/**
 * Outcome values per rollout for every recorded key of a scenario result (peak, time of the peak,
 * final value, total over the steps after the start). O(rollouts · steps · keys).
 */
export function scenarioOutcomes(result: ScenarioResult): Record<string, KeyOutcomes> {
  const { rollouts: n, steps, keys, ensemble } = result;
  const dim = keys.length;
  const out: Record<string, KeyOutcomes> = {};
  keys.forEach((key, k) => {
    const o: KeyOutcomes = { peak: new Float64Array(n), peakTime: new Float64Array(n), final: new Float64Array(n), total: new Float64Array(n) };
    for (let r = 0; r < n; r++) {
      let peak = -Infinity;
      let peakTime = 0;
      let total = 0;
      for (let t = 0; t < steps; t++) {
        const v = ensemble[(r * steps + t) * dim + k];
        if (v > peak) [peak, peakTime] = [v, t];
        if (t > 0) total += v;
      }
      o.peak[r] = peak;
      o.peakTime[r] = peakTime;
      o.final[r] = ensemble[(r * steps + steps - 1) * dim + k];
      o.total[r] = total;
    }
    out[key] = o;
  });
  return out;
}

/** Mean and quantiles (type 7, as quantileBands) of a sample; NaN for an empty one. */
export function summarizeOutcome(values: ArrayLike<number>): OutcomeSummary {
  const n = values.length;
  if (n === 0) return { mean: NaN, q05: NaN, median: NaN, q95: NaN };
  const sorted = Float64Array.from(values).sort();
  const q = (p: number) => {
    const pos = (n - 1) * p;
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, n - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  return { mean: sum / n, q05: q(0.05), median: q(0.5), q95: q(0.95) };
}

/** {@link summarizeOutcome} of every outcome of every key. */
export function summarizeOutcomes(outcomes: Record<string, KeyOutcomes>): Record<string, Record<keyof KeyOutcomes, OutcomeSummary>> {
  return Object.fromEntries(
    Object.entries(outcomes).map(([key, o]) => [
      key,
      { peak: summarizeOutcome(o.peak), peakTime: summarizeOutcome(o.peakTime), final: summarizeOutcome(o.final), total: summarizeOutcome(o.total) },
    ]),
  ) as Record<string, Record<keyof KeyOutcomes, OutcomeSummary>>;
}
