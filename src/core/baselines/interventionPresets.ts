import type { EnvId } from '../data/Dataset.ts';

/**
 * The what-if scenario each benchmark's model-vs-truth intervention error is measured on (a scenario
 * name of benchmarkScenarios' presets): a strict early lockdown (β × 0.05 on days 5–24), a lead time of
 * 4 days (trained on 2), the hospital's epidemic wave with a lockdown. All are parameter interventions,
 * which the black-box baselines cannot take.
 */
export const BASELINE_INTERVENTION: Record<EnvId, string> = { covid: 'early-strict', 'supply-chain': 'lead-time-4', hospital: 'wave-lockdown' };
