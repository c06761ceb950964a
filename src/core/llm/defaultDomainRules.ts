import type { EnvId } from '../data/Dataset.ts';
import { HOSPITAL_ICU_CAPACITY, HOSPITAL_STANDARD_CAPACITY } from '../envs/hospital.ts';
import type { DomainRule } from './DomainRule.ts';

/**
 * The built-in domain rules of each benchmark (facts of the system the knowledge text states, paper
 * notes §2): COVID's population is closed (conservation) and counts are never negative; the supply
 * chain's stock, backlog and pipeline are never negative; hospital occupancy stays within the fixed
 * ward capacities (ICU 5, standard 20 beds; decision B1) and is never negative.
 * Conservation allows 1e-6 of rounding so continuous (non-integer) models are not flagged for noise.
 * @param env a benchmark id; anything else (user data) gives no rules.
 * @example
 * defaultDomainRules('covid').map((r) => r.id); // ['conservation', 'non-negative']
 */
export function defaultDomainRules(env: EnvId | string | undefined): DomainRule[] {
  switch (env) {
    case 'covid':
      return [
        { id: 'conservation', description: 'the population is closed: S + I + R never changes', check: 'Math.abs(S + I + R - (prev.S + prev.I + prev.R)) < 1e-6' },
        { id: 'non-negative', description: 'no compartment is ever negative', check: 'S >= 0 && I >= 0 && R >= 0' },
      ];
    case 'supply-chain':
      return [
        { id: 'non-negative', description: 'inventory, backlog and the quantity in transit are never negative', check: 'inventory >= 0 && backlog >= 0 && pipeline_total >= 0' },
      ];
    case 'hospital':
      return [
        {
          id: 'within-capacity',
          description: `occupancy never exceeds the ward capacities (ICU ${HOSPITAL_ICU_CAPACITY} beds, standard ${HOSPITAL_STANDARD_CAPACITY} beds)`,
          check: `icu_occupancy <= ${HOSPITAL_ICU_CAPACITY} && standard_occupancy <= ${HOSPITAL_STANDARD_CAPACITY}`,
        },
        { id: 'non-negative', description: 'occupancy is never negative', check: 'icu_occupancy >= 0 && standard_occupancy >= 0' },
      ];
    default:
      return [];
  }
}
