import type { EnvId } from '../data/Dataset.ts';
import { HOSPITAL_WAVE, hospitalExtraBeds, hospitalLockdown } from './benchmarkScenarios.ts';
import type { PolicyGrid } from './PolicyGrid.ts';

/** A policy grid bound to the benchmark it was designed for. */
export interface GridPreset extends PolicyGrid {
  env: EnvId;
}

/**
 * Supply chain, extra warehouse capacity × lead time (paper Fig. 3; the paper gives neither the cost
 * nor what capacity means, so this is this project's design). The warehouse holds 20 + ΔC units
 * (deliveries beyond it are refused) and the retailer orders up to that capacity on its inventory
 * position. Cost over 60 days = holding (1 per unit-day on hand) + 2 per backordered unit-day (the
 * listing's holding and backlog costs, decision B9) + 10 per unit of extra capacity (as the hospital's
 * 10 per bed). Short lead times overstock, long ones run into backlog; in the truth the optimum is
 * ΔC = 0 at ℓ = 3, with ΔC paying off only for ℓ ≥ 5 — the pattern the paper's heatmap shows.
 */
export const SUPPLY_CHAIN_CAPACITY_GRID: GridPreset = {
  env: 'supply-chain',
  name: 'supply-chain-capacity',
  description: 'extra warehouse capacity ΔC ∈ {0, 5, 10, 15} × lead time ℓ ∈ {1..7}; order up to 20 + ΔC; 60 days',
  x: { name: 'extra_capacity', values: [0, 5, 10, 15], description: 'extra warehouse capacity (units)' },
  y: { name: 'lead_time', values: [1, 2, 3, 4, 5, 6, 7], description: 'lead time (days)' },
  horizon: 60,
  scenario: {
    name: 'capacity-lead-time',
    interventions: [
      { type: 'param', target: 'lead_time', set: 'lead_time' },
      { type: 'param', target: 'warehouse_capacity', set: '20 + extra_capacity' },
      { type: 'policy', policy: { kind: 'order-up-to', level: '20 + extra_capacity' } },
    ],
  },
  define: { holding: 'sum(inventory)', backorders: 'sum(backlog)' },
  cost: 'holding + 2 * backorders + 10 * extra_capacity',
};

/**
 * Hospital, lockdown start τ × extra beds ΔB (paper Table 3, cost `Overflow + 10·ΔB + 20·duration` with a
 * fixed 20-day lockdown, as in the paper). The paper's hospital has no epidemic; this project's design
 * adds a wave (arrivals × 2, × 4 at the peak on days 35–54, × 2; days 20–79 of a 90-day horizon) and lets the lockdown cut arrivals to
 * 30 % for 20 days from τ; ΔB extra standard beds; overflow = patients turned away (both wards full).
 */
export const HOSPITAL_LOCKDOWN_BEDS_GRID: GridPreset = {
  env: 'hospital',
  name: 'hospital-lockdown-beds',
  description: 'lockdown start τ ∈ {0, 5, …, 70} × extra standard beds ΔB ∈ {0, 5, …, 40}; wave peaking on days 35–54; 90 days',
  x: { name: 'tau', values: [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70], description: 'lockdown start day' },
  y: { name: 'extra_beds', values: [0, 5, 10, 15, 20, 25, 30, 35, 40], description: 'extra standard beds' },
  horizon: 90,
  scenario: { name: 'lockdown-beds', interventions: [...HOSPITAL_WAVE, hospitalLockdown('tau'), hospitalExtraBeds('extra_beds')] },
  record: ['turned_away'],
  define: { overflow: 'sum(turned_away)', lockdown_days: '20' },
  cost: 'overflow + 10 * extra_beds + 20 * lockdown_days',
};

/**
 * COVID, lockdown start × strength: cost = 10 × infection peak + 100 × lockdown-days × (1 − α), a small
 * illustrative trade-off of this project (the paper has no COVID policy search).
 */
export const COVID_LOCKDOWN_GRID: GridPreset = {
  env: 'covid',
  name: 'covid-lockdown',
  description: 'lockdown start ∈ {0, 5, …, 30} (20 days) × alpha ∈ {0.05, 0.1, 0.15, 0.3, 1}; cost 10·peak(I) + 100·20·(1 − alpha)',
  x: { name: 'start', values: [0, 5, 10, 15, 20, 25, 30], description: 'lockdown start day' },
  y: { name: 'alpha', values: [0.05, 0.1, 0.15, 0.3, 1], description: 'transmission multiplier' },
  horizon: 60,
  scenario: {
    name: 'lockdown',
    interventions: [{ type: 'param', target: ['beta', 'transmission_rate', 'infection_rate', 'beta0'], factor: 'alpha', tStart: 'start', tEnd: 'start + 19' }],
  },
  define: { peak: 'max(I)' },
  cost: '10 * peak + 100 * 20 * (1 - alpha)',
};

/** All grid presets, by name. */
export const GRID_PRESETS: readonly GridPreset[] = [SUPPLY_CHAIN_CAPACITY_GRID, HOSPITAL_LOCKDOWN_BEDS_GRID, COVID_LOCKDOWN_GRID];
