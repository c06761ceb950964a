import { scenarioOutcomes, summarizeOutcome } from '../../core/interventions/scenarioOutcomes.ts';
import type { ScenarioResult } from '../../core/interventions/simulateScenario.ts';
import type { PoolScenarioOutcome } from '../../pool/poolScenarios.ts';
import { interventionWindows } from './scenarioDraft.ts';
import type { OutcomeInterval, ScenarioOutcome, SeriesBand, VariableOutcomes } from './WhatIf.ts';

/** Median, 5–95 % band and mean of each observed variable (recorded counters are left out). */
function bandsOf(r: ScenarioResult): Record<string, SeriesBand> {
  const dim = r.keys.length;
  const q = (p: number, k: number) => {
    const qi = r.quantiles.indexOf(p);
    return Array.from({ length: r.steps }, (_, t) => r.bands[(qi * r.steps + t) * dim + k]);
  };
  return Object.fromEntries(
    r.variables.map((v) => {
      const k = r.keys.indexOf(v);
      return [v, { p5: q(0.05, k), p50: q(0.5, k), p95: q(0.95, k), mean: Array.from({ length: r.steps }, (_, t) => r.mean[t * dim + k]) }];
    }),
  );
}

/** Peak, peak day, final value and total of every recorded key, as 5 / 50 / 95 % quantiles over the rollouts. */
function outcomesOf(r: ScenarioResult): Record<string, VariableOutcomes> {
  const interval = (v: Float64Array): OutcomeInterval => {
    const { q05, median, q95 } = summarizeOutcome(v);
    return { q05, median, q95 };
  };
  return Object.fromEntries(
    Object.entries(scenarioOutcomes(r)).map(([k, o]) => [k, { peak: interval(o.peak), peakDay: interval(o.peakTime), final: interval(o.final), total: interval(o.total) }]),
  );
}

/** A pooled scenario run reduced to what the charts and the W1 table show (and the project saves). */
export function scenarioOutcomeFromPool(o: PoolScenarioOutcome): ScenarioOutcome {
  const horizon = o.model.steps - 1;
  return {
    name: o.scenario.name,
    description: o.scenario.description,
    windows: interventionWindows(o.scenario, horizon),
    steps: o.model.steps,
    model: bandsOf(o.model),
    truth: o.truth ? bandsOf(o.truth) : null,
    summary: { model: outcomesOf(o.model), truth: o.truth ? outcomesOf(o.truth) : null },
    comparison: o.comparison
      ? {
          meanW1: o.comparison.meanW1,
          perVariable: Object.fromEntries(
            Object.entries(o.comparison.perVariable).map(([v, c]) => [v, { finalW1: c.finalW1, peakW1: c.peakW1, peakTimeW1: c.peakTimeW1, meanW1: c.meanW1 }]),
          ),
        }
      : null,
  };
}
