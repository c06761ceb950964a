import type { EnvId } from '../data/Dataset.ts';

/**
 * How a built-in benchmark's ground-truth structure is scored.
 *
 * The truth graph is derived from the ground-truth program by the same analysis (nothing is declared
 * by hand); these tables only say which of its nodes are scored and which other names an LLM-written
 * program may give them.
 */
export interface BenchmarkStructureSpec {
  /**
   * Truth parameters whose edges are scored. Fixed settings that only exist for interventions (the
   * supply chain's unlimited warehouse capacity) are left out; they are projected away like hidden state.
   */
  scoredParams: readonly string[];
  /**
   * Other names for truth nodes, matched ignoring case, `_` and `-` (so `transmissionRate` matches
   * `transmission_rate`). Keys are truth names (parameters or state variables); a hidden truth state
   * variable may be aliased to an observed one that stands for the same quantity.
   */
  aliases: Readonly<Record<string, readonly string[]>>;
}

/** The alias tables (documented in the README's Structure view section). */
export const BENCHMARK_STRUCTURE: Readonly<Record<EnvId, BenchmarkStructureSpec>> = {
  covid: {
    scoredParams: ['beta', 'gamma'],
    aliases: {
      beta: ['transmission_rate', 'transmission', 'infection_rate', 'contact_rate', 'beta_rate', 'transmission_prob'],
      gamma: ['recovery_rate', 'recovery', 'recovery_prob', 'recovery_probability', 'gamma_rate'],
      S: ['susceptible'],
      I: ['infected', 'infectious'],
      R: ['recovered', 'removed'],
    },
  },
  'supply-chain': {
    scoredParams: ['demand_rate', 'lead_time'],
    aliases: {
      demand_rate: ['demand', 'demand_mean', 'mean_demand', 'demand_lambda', 'lambda_demand', 'daily_demand'],
      lead_time: ['lead', 'leadtime', 'delay', 'delivery_delay', 'mean_lead_time', 'lead_time_mean'],
      warehouse_capacity: ['capacity', 'storage_capacity'],
      // The truth keeps a list of shipments (`pipeline`) and its total; both are the stock in transit.
      pipeline_total: ['pipeline', 'in_transit', 'intransit', 'on_order'],
      inventory: ['stock', 'on_hand', 'inventory_level'],
      backlog: ['backorders', 'backorder', 'unmet_demand'],
    },
  },
  hospital: {
    scoredParams: [
      'arrival_rate_0', 'arrival_rate_1', 'arrival_rate_2', 'los_mean_0', 'los_mean_1', 'los_mean_2',
      'base_prob_0', 'base_prob_1', 'base_prob_2', 'day_factor_0', 'day_factor_1', 'day_factor_2',
      // The listing's hard-coded ward sizes shape the dynamics, so their edges count.
      'icu_capacity', 'standard_capacity',
    ],
    aliases: {
      icu_occupancy: ['icu', 'icu_occupied', 'icu_beds_occupied'],
      standard_occupancy: ['standard', 'standard_occupied', 'standard_beds_occupied', 'ward_occupancy'],
      icu_capacity: ['icu_beds', 'icu_bed_capacity'],
      standard_capacity: ['standard_beds', 'standard_bed_capacity'],
    },
  },
};
