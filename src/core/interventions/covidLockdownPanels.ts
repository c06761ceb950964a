import type { Scenario } from './Scenario.ts';

/** Lockdown strengths of the paper's Fig. 2: β is multiplied by α during the lockdown. */
export const LOCKDOWN_ALPHAS = [0.05, 0.1, 0.15, 0.3] as const;

/** Parameter names a COVID model may use for the transmission rate (the "analogous parameter"). */
export const TRANSMISSION_TARGETS = ['beta', 'transmission_rate', 'infection_rate', 'beta0'];

function lockdown(name: string, description: string, tStart: number, tEnd: number, alpha: number): Scenario {
  return {
    name,
    description: `${description}: beta × ${alpha} on days ${tStart}–${tEnd}`,
    interventions: [{ type: 'param', target: TRANSMISSION_TARGETS, factor: alpha, tStart, tEnd }],
  };
}

/**
 * The ten panels of the paper's Fig. 2 (COVID lockdowns, β ↦ αβ on [tStart, tEnd]). The paper gives
 * only the panel titles and α ∈ {0.05, 0.1, 0.15, 0.3}; the days are this project's choice for a
 * 60-day horizon where the unmitigated epidemic (β = 0.5, γ = 0.1, 1–20 infected among ~1000)
 * peaks around day 12–18: "early" starts on day 5, "late" on day 20 (after the peak is under way),
 * "short" lasts 10 days, "long" 30 days. Strict = 0.05, moderate = 0.15 (or 0.1), mild = 0.3.
 */
export const COVID_LOCKDOWN_PANELS: readonly Scenario[] = [
  { name: 'no-lockdown', description: 'No lockdown (baseline)', interventions: [] },
  lockdown('short-strict', 'Short, strict', 10, 19, 0.05),
  lockdown('early-moderate', 'Early, moderate', 5, 24, 0.15),
  lockdown('early-strict', 'Early, strict', 5, 24, 0.05),
  lockdown('early-mild-long', 'Early, mild, long', 5, 34, 0.3),
  lockdown('moderate-long', 'Moderate, long', 10, 39, 0.1),
  lockdown('strict-short', 'Strict, short (from day 15)', 15, 24, 0.05),
  lockdown('late-mild', 'Late and mild', 20, 39, 0.3),
  lockdown('late-strict', 'Late and strict', 20, 39, 0.05),
  lockdown('long-strict', 'Long, strict', 5, 44, 0.05),
];
