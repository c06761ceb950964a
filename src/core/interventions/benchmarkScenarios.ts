import type { EnvId } from '../data/Dataset.ts';
import { COVID_LOCKDOWN_PANELS } from './covidLockdownPanels.ts';
import type { Scenario } from './Scenario.ts';

/** A named set of what-if scenarios for one benchmark, runnable headless (`gsim whatif --scenario ID`). */
export interface ScenarioPreset {
  id: string;
  env: EnvId;
  title: string;
  description: string;
  /** Steps per rollout. */
  horizon: number;
  /** Extra numeric state keys to record (counters such as the hospital's `turned_away`). */
  record?: string[];
  scenarios: Scenario[];
}

/** Arrival-rate parameters of the hospital truth and of typical models (the starter's ward rates). */
export const ARRIVAL_TARGETS = ['arrival_rate_0', 'arrival_rate_1', 'arrival_rate_2', 'icu_arrival_rate', 'standard_arrival_rate', 'arrival_rate'];

/**
 * The epidemic wave every hospital scenario runs under (this project's design, paper notes §8.9): the
 * paper's hospital has no epidemic, so a lockdown needs something to act on. Arrivals of all diseases
 * double on days 20–34, quadruple on days 35–54 (the peak) and double again on days 55–79 of a 90-day
 * horizon.
 */
export const HOSPITAL_WAVE = [
  { type: 'param' as const, target: ARRIVAL_TARGETS, factor: 2, tStart: 20, tEnd: 34 },
  { type: 'param' as const, target: ARRIVAL_TARGETS, factor: 4, tStart: 35, tEnd: 54 },
  { type: 'param' as const, target: ARRIVAL_TARGETS, factor: 2, tStart: 55, tEnd: 79 },
];

/** A 20-day lockdown from day `tStart` cuts arrivals to 30 % (it multiplies with the wave). */
export function hospitalLockdown(tStart: number | string) {
  return { type: 'param' as const, target: ARRIVAL_TARGETS, factor: 0.3, tStart, tEnd: typeof tStart === 'number' ? tStart + 19 : `${tStart} + 19` };
}

/** Extra standard beds: added to the standard ward's capacity for the whole run. */
export function hospitalExtraBeds(beds: number | string) {
  return { type: 'param' as const, target: 'standard_capacity', add: beds };
}

function leadTime(l: number): Scenario {
  return { name: `lead-time-${l}`, description: `lead time ${l} days (trained on 2)`, interventions: [{ type: 'param', target: 'lead_time', set: l }] };
}

/** The benchmark what-if presets: the paper's Fig. 2 and Fig. 4, and the hospital wave. */
export const SCENARIO_PRESETS: readonly ScenarioPreset[] = [
  {
    id: 'covid-lockdown',
    env: 'covid',
    title: 'COVID lockdowns (paper Fig. 2)',
    description: 'beta × alpha over [tStart, tEnd], alpha in {0.05, 0.1, 0.15, 0.3}; ten panels, 60 days',
    horizon: 60,
    scenarios: [...COVID_LOCKDOWN_PANELS],
  },
  {
    id: 'supply-chain-lead-times',
    env: 'supply-chain',
    title: 'Supply chain: backlog under lead times 1–6 (paper Fig. 4)',
    description: 'lead time set to 1..6 days under the data\'s behaviour policy (order up to 25, 10 % random orders); 60 days',
    horizon: 60,
    scenarios: [1, 2, 3, 4, 5, 6].map(leadTime),
  },
  {
    id: 'hospital-wave',
    env: 'hospital',
    title: 'Hospital: epidemic wave, lockdown and extra beds',
    description: 'arrivals × 2 / × 4 / × 2 on days 20–34 / 35–54 / 55–79 of 90; lockdown × 0.3 on days 35–54; 15 extra standard beds',
    horizon: 90,
    record: ['turned_away'],
    scenarios: [
      { name: 'wave', description: 'epidemic wave, no response', interventions: [...HOSPITAL_WAVE] },
      { name: 'wave-lockdown', description: 'wave + 20-day lockdown from day 35', interventions: [...HOSPITAL_WAVE, hospitalLockdown(35)] },
      { name: 'wave-extra-beds', description: 'wave + 15 extra standard beds', interventions: [...HOSPITAL_WAVE, hospitalExtraBeds(15)] },
      { name: 'wave-lockdown-extra-beds', description: 'wave + lockdown from day 35 + 15 extra beds', interventions: [...HOSPITAL_WAVE, hospitalLockdown(35), hospitalExtraBeds(15)] },
    ],
  },
];

/**
 * A preset by id, or a preset holding a single scenario of that name (e.g. `late-strict`).
 * @returns undefined when no preset or scenario has that name.
 */
export function findScenarioPreset(name: string): ScenarioPreset | undefined {
  const preset = SCENARIO_PRESETS.find((p) => p.id === name);
  if (preset) return preset;
  for (const p of SCENARIO_PRESETS) {
    const s = p.scenarios.find((sc) => sc.name === name);
    if (s) return { ...p, id: name, scenarios: [s] };
  }
  return undefined;
}
