import type { State } from '../sim/types.ts';
import type { Environment } from './Environment.ts';

/** Fixed ward capacities of the ground truth (decision B1: constants, as hard-coded in the listing). */
export const HOSPITAL_ICU_CAPACITY = 5;
export const HOSPITAL_STANDARD_CAPACITY = 20;

/**
 * Ground truth: the paper's three-disease hospital (paper notes §2.3, decisions B1, B7). Capacities are
 * fixed parameters (`fixed: true`): never calibrated, so the calibrated parameter list is the paper's,
 * but the extra-beds intervention can raise them. `turned_away` counts today's refused arrivals (the
 * overflow of the policy experiment); it is not an observed variable. Deviations from the listing, both decided in B7: the seeded `rng` is used
 * (the listing made a fresh unseeded generator inside step), and a patient whose preferred ward is full
 * falls back to the other ward ("if both wards are full, the patient is turned away").
 * Arrival counts are drawn for all diseases first, then patients are allocated in disease order 0, 1, 2;
 * a length of stay is drawn for every arrival, even one that is turned away, as in the listing.
 */
const GROUND_TRUTH = `// Three-disease hospital with ICU and standard wards (ground truth, G-Sim App. C.3)
const parameters = {
  arrival_rate_0: { min: 0, max: 5, init: 1.0, description: 'daily arrivals, disease 0 (Poisson mean)' },
  arrival_rate_1: { min: 0, max: 5, init: 2.0, description: 'daily arrivals, disease 1 (Poisson mean)' },
  arrival_rate_2: { min: 0, max: 5, init: 1.5, description: 'daily arrivals, disease 2 (Poisson mean)' },
  los_mean_0: { min: 1, max: 15, init: 5.0, description: 'mean length of stay in days, disease 0' },
  los_mean_1: { min: 1, max: 15, init: 6.0, description: 'mean length of stay in days, disease 1' },
  los_mean_2: { min: 1, max: 15, init: 4.0, description: 'mean length of stay in days, disease 2' },
  base_prob_0: { min: 0, max: 0.1, init: 0.01, description: 'baseline daily mortality, disease 0' },
  base_prob_1: { min: 0, max: 0.1, init: 0.005, description: 'baseline daily mortality, disease 1' },
  base_prob_2: { min: 0, max: 0.1, init: 0.008, description: 'baseline daily mortality, disease 2' },
  day_factor_0: { min: 0, max: 0.01, init: 0.002, description: 'mortality increase per day in hospital, disease 0' },
  day_factor_1: { min: 0, max: 0.01, init: 0.001, description: 'mortality increase per day in hospital, disease 1' },
  day_factor_2: { min: 0, max: 0.01, init: 0.0015, description: 'mortality increase per day in hospital, disease 2' },
  // Fixed settings: never calibrated; interventions (extra beds) override them.
  icu_capacity:      { min: 0, max: 10000, init: 5, fixed: true, description: 'ICU beds' },
  standard_capacity: { min: 0, max: 10000, init: 20, fixed: true, description: 'standard beds' },
};
// Diseases 0 and 1 try the ICU first, disease 2 the standard ward; each falls back to the other ward.
const WARD_ORDER = [['ICU', 'Standard'], ['ICU', 'Standard'], ['Standard', 'ICU']];

function step(state, action, params, rng) {
  let icu = state.icu_occupancy;
  let standard = state.standard_occupancy;
  const ICU_CAPACITY = params.icu_capacity;
  const STANDARD_CAPACITY = params.standard_capacity;
  let turned_away = 0;
  const freeBed = (bedType) => {
    if (bedType === 'ICU') icu -= 1;
    else standard -= 1;
  };

  // 1. Existing patients: death, else one more day, then discharge when the stay is over.
  const patients = [];
  for (const p of state.patients || []) {
    if (!p.is_alive) continue;
    const d = p.disease_id;
    const pDeath = Math.min(1, Math.max(0, params['base_prob_' + d] + params['day_factor_' + d] * p.day_in_hospital));
    if (rng.random() < pDeath) {
      freeBed(p.bed_type);
      continue;
    }
    const losRemaining = p.los_remaining - 1;
    if (losRemaining > 0) {
      patients.push({ disease_id: d, bed_type: p.bed_type, los_remaining: losRemaining, is_alive: true, day_in_hospital: p.day_in_hospital + 1 });
    } else {
      freeBed(p.bed_type);
    }
  }

  // 2. Arrivals per disease.
  const arrivals = [0, 1, 2].map((d) => rng.poisson(params['arrival_rate_' + d]));

  // 3. Allocation in disease order; a patient finding both wards full is turned away unrecorded.
  for (let d = 0; d < 3; d++) {
    for (let k = 0; k < arrivals[d]; k++) {
      const los = Math.max(1, Math.trunc(rng.normal(params['los_mean_' + d], 1.0)));
      let bedType = null;
      for (const ward of WARD_ORDER[d]) {
        if (ward === 'ICU' && icu < ICU_CAPACITY) { icu += 1; bedType = 'ICU'; break; }
        if (ward === 'Standard' && standard < STANDARD_CAPACITY) { standard += 1; bedType = 'Standard'; break; }
      }
      // New patients skip the mortality check on their arrival day.
      if (bedType !== null) patients.push({ disease_id: d, bed_type: bedType, los_remaining: los, is_alive: true, day_in_hospital: 1 });
      else turned_away += 1;
    }
  }

  // turned_away (patients refused today) is not observed (decision B2); the intervention costs use it.
  return { day: state.day + 1, icu_occupancy: icu, standard_occupancy: standard, patients, turned_away };
}

function initialState(rng) {
  return { day: 0, icu_occupancy: 0, standard_occupancy: 0, patients: [] };
}
`;

/**
 * Starter: a ward-level stock model that a user can calibrate at once. It has no mortality, no
 * per-patient records and no fallback between wards: each ward gets its own Poisson arrivals up to its
 * capacity, and each occupied bed empties with probability 1 / mean stay per day. The capacities are
 * fixed at the hospital's 5 ICU and 20 standard beds (the data is capped there; left free, a calibration
 * put 44.7 ICU beds on data that never exceeds 5), and `turned_away` counts refused arrivals for the
 * policy grid's overflow cost.
 */
const STARTER = `// Hospital starter: two independent wards, geometric stays, no mortality.
const parameters = {
  icu_arrival_rate:      { min: 0, max: 10, init: 2, description: 'daily ICU admissions requested (Poisson mean)' },
  standard_arrival_rate: { min: 0, max: 10, init: 2, description: 'daily standard-ward admissions requested (Poisson mean)' },
  icu_los_mean:          { min: 1, max: 15, init: 4, description: 'mean ICU stay in days' },
  standard_los_mean:     { min: 1, max: 15, init: 4, description: 'mean standard-ward stay in days' },
  // Fixed settings, known from the hospital (the data never exceeds them): never calibrated;
  // interventions (extra beds) override them.
  icu_capacity:          { min: 1, max: 50, init: 5, fixed: true, description: 'ICU beds' },
  standard_capacity:     { min: 1, max: 50, init: 20, fixed: true, description: 'standard beds' },
};

// One ward's day: discharges, then Poisson admissions up to the free beds; the rest are turned away.
function ward(occupied, rate, losMean, capacity, rng) {
  const beds = Math.max(1, Math.round(capacity));
  const stay = Math.max(0, Math.min(beds, Math.round(occupied)));
  const discharged = rng.binomial(stay, 1 / losMean);
  const wanted = rng.poisson(rate);
  const admitted = Math.min(wanted, beds - (stay - discharged));
  return { occupancy: stay - discharged + admitted, turnedAway: wanted - admitted };
}

function step(state, action, params, rng) {
  const icu = ward(state.icu_occupancy, params.icu_arrival_rate, params.icu_los_mean, params.icu_capacity, rng);
  const standard = ward(state.standard_occupancy, params.standard_arrival_rate, params.standard_los_mean, params.standard_capacity, rng);
  return {
    day: state.day + 1,
    icu_occupancy: icu.occupancy,
    standard_occupancy: standard.occupancy,
    // Not observed; the overflow cost of the lockdown × beds policy grid counts it.
    turned_away: icu.turnedAway + standard.turnedAway,
  };
}

function initialState(rng) {
  return { day: 0, icu_occupancy: 0, standard_occupancy: 0 };
}
`;

/** Paraphrase of the paper's task description (App. F.1): no parameter values, priorities or forms. */
const KNOWLEDGE = `# Three-disease Hospital Environment

A hospital admits patients suffering from one of three diseases. It has an intensive care unit (ICU) and a
standard-care ward, each with a limited number of beds. Patients arrive at random every day. Each arriving
patient is allocated to an ICU or a standard bed by predefined rules that depend on the disease and on
which beds are free; a patient for whom no suitable bed is free is not admitted and is not recorded.
Admitted patients stay for a disease-dependent, variable length of time and are then discharged; some die
in hospital, and the risk of dying depends on the disease and on how long the patient has been in
hospital. A death or a discharge frees the bed.

### State
\`state\` is an object:
- \`day\`: day index (integer)
- \`icu_occupancy\`: ICU beds occupied (integer)
- \`standard_occupancy\`: standard beds occupied (integer)
- \`patients\`: a list of patient records \`{ disease_id, bed_type, los_remaining, is_alive, day_in_hospital }\`,
  where \`disease_id\` is 0, 1 or 2, \`bed_type\` is \`"ICU"\` or \`"Standard"\`, \`los_remaining\` is the
  remaining length of stay in days, \`is_alive\` is a boolean and \`day_in_hospital\` counts the days since
  admission

### Action
There is no external action: \`action\` is always \`null\` and must not influence the dynamics. Patients
arrive and are allocated automatically.

### Episode length
Each trajectory lasts 60 time steps (days), starting from an empty hospital.

### Observed variables
\`icu_occupancy\`, \`standard_occupancy\`. Return both (and \`day\`) from \`step\`; keeping the
\`patients\` list is optional.
`;

function initialState(): State {
  return { day: 0, icu_occupancy: 0, standard_occupancy: 0, patients: [] };
}

/**
 * The hospital-beds benchmark: three diseases, Poisson arrivals, Normal lengths of stay, daily
 * mortality growing with time in hospital, ICU and standard wards of fixed capacity (paper notes
 * §2.3, decisions B1, B2, B7). No action.
 */
export const hospital: Environment = {
  id: 'hospital',
  title: 'Hospital beds (three diseases)',
  knowledge: KNOWLEDGE,
  variables: ['icu_occupancy', 'standard_occupancy'],
  groundTruthSource: GROUND_TRUTH,
  trueParams: {
    arrival_rate_0: 1.0,
    arrival_rate_1: 2.0,
    arrival_rate_2: 1.5,
    los_mean_0: 5.0,
    los_mean_1: 6.0,
    los_mean_2: 4.0,
    base_prob_0: 0.01,
    base_prob_1: 0.005,
    base_prob_2: 0.008,
    day_factor_0: 0.002,
    day_factor_1: 0.001,
    day_factor_2: 0.0015,
  },
  starterSource: STARTER,
  initialState,
  policy: () => null,
  horizon: 60,
};
