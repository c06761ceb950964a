import type { Intervention, ParamIntervention, ResolvedScenario } from '../interventions/Scenario.ts';

/**
 * What a black-box baseline can be asked of a what-if scenario: its state and action (policy)
 * interventions. A parameter intervention — a lockdown scaling the transmission rate, a new lead time,
 * extra beds — acts on a mechanism the baseline does not have (paper §6.1, App. C.4: neural world models
 * have no interpretable parameters and SINDy's equations are monolithic), so it is dropped and listed,
 * and the baseline answers as if it had not happened.
 */
export function blackBoxScenario(scenario: ResolvedScenario): { scenario: ResolvedScenario; dropped: ParamIntervention<number>[] } {
  const dropped: ParamIntervention<number>[] = [];
  const kept: Intervention<number>[] = [];
  for (const iv of scenario.interventions) {
    if (iv.type === 'param') dropped.push(iv);
    else kept.push(iv);
  }
  return { scenario: { ...scenario, interventions: kept }, dropped };
}
