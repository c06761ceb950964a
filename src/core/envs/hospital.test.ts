import { describe, expect, it } from 'vitest';
import { generateDataset } from '../data/generateDataset.ts';
import { createRng } from '../rng/createRng.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import type { State } from '../sim/types.ts';
import { HOSPITAL_ICU_CAPACITY, HOSPITAL_STANDARD_CAPACITY, hospital } from './hospital.ts';

const VARS = hospital.variables;
const gt = compileSimulator(hospital.groundTruthSource);

interface Patient {
  disease_id: number;
  bed_type: 'ICU' | 'Standard';
  los_remaining: number;
  is_alive: boolean;
  day_in_hospital: number;
}

/** True parameters with mortality off and only the given arrival rates. */
function params(arrivals: [number, number, number], mortality = 0): Record<string, number> {
  return {
    ...hospital.trueParams,
    arrival_rate_0: arrivals[0], arrival_rate_1: arrivals[1], arrival_rate_2: arrivals[2],
    base_prob_0: mortality, base_prob_1: mortality, base_prob_2: mortality,
    day_factor_0: 0, day_factor_1: 0, day_factor_2: 0,
  };
}

function patient(disease_id: number, bed_type: Patient['bed_type'], los_remaining = 30): Patient {
  return { disease_id, bed_type, los_remaining, is_alive: true, day_in_hospital: 1 };
}

function full(): State {
  const patients = [
    ...Array.from({ length: HOSPITAL_ICU_CAPACITY }, () => patient(0, 'ICU')),
    ...Array.from({ length: HOSPITAL_STANDARD_CAPACITY }, () => patient(2, 'Standard')),
  ];
  return { day: 3, icu_occupancy: HOSPITAL_ICU_CAPACITY, standard_occupancy: HOSPITAL_STANDARD_CAPACITY, patients };
}

describe('hospital ground truth', () => {
  const data = generateDataset(hospital, 2, { train: 30, val: 0, test: 0 });

  it('keeps occupancies within the capacities and equal to the patients in each bed type', () => {
    const problems: string[] = [];
    data.splits.train.forEach((tr, k) => {
      tr.states.forEach((s, t) => {
        const patients = s.patients as Patient[];
        const icu = patients.filter((p) => p.bed_type === 'ICU').length;
        const standard = patients.filter((p) => p.bed_type === 'Standard').length;
        const odd = patients.some((p) => !(p.is_alive === true && p.los_remaining >= 1 && p.day_in_hospital >= 1));
        if (s.day !== t || s.icu_occupancy !== icu || s.standard_occupancy !== standard || odd) problems.push(`train[${k}].states[${t}]`);
        if (icu > HOSPITAL_ICU_CAPACITY || standard > HOSPITAL_STANDARD_CAPACITY) problems.push(`train[${k}].states[${t}] over capacity`);
      });
    });
    expect(problems).toEqual([]);
  });

  it('fills the ICU in the data (capacity binds, as in the paper setting)', () => {
    const peak = Math.max(...data.splits.train.flatMap((tr) => tr.states.map((s) => s.icu_occupancy as number)));
    expect(peak).toBe(HOSPITAL_ICU_CAPACITY);
  });

  it('starts empty', () => {
    expect(hospital.initialState(createRng(1))).toEqual({ day: 0, icu_occupancy: 0, standard_occupancy: 0, patients: [] });
  });

  it('sends diseases 0 and 1 to the ICU first and disease 2 to the standard ward first', () => {
    const empty = hospital.initialState(createRng(1));
    for (const d of [0, 1, 2]) {
      const rates: [number, number, number] = [0, 0, 0];
      rates[d] = 4;
      let admitted = 0;
      for (let seed = 1; seed <= 20; seed++) {
        const next = gt.step(empty, null, params(rates), createRng(seed), VARS);
        const n = (next.patients as Patient[]).length;
        admitted += n;
        // The preferred ward fills first; only the overflow goes to the other one.
        const expected = d < 2 ? { icu_occupancy: Math.min(n, 5), standard_occupancy: n - Math.min(n, 5) } : { icu_occupancy: 0, standard_occupancy: n };
        expect(next).toMatchObject(expected);
      }
      expect(admitted).toBeGreaterThan(20);
    }
  });

  it('falls back to the standard ward when the ICU is full (and back to the ICU for disease 2)', () => {
    const icuFull: State = { day: 0, icu_occupancy: 5, standard_occupancy: 0, patients: Array.from({ length: 5 }, () => patient(1, 'ICU')) };
    const standardFull: State = { day: 0, icu_occupancy: 0, standard_occupancy: 20, patients: Array.from({ length: 20 }, () => patient(2, 'Standard')) };
    let toStandard = 0;
    let toIcu = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const next = gt.step(icuFull, null, params([4, 0, 0]), createRng(seed), VARS);
      const admitted = (next.patients as Patient[]).slice(5);
      expect(admitted.every((p) => p.disease_id === 0 && p.bed_type === 'Standard')).toBe(true);
      toStandard += admitted.length;
      const next2 = gt.step(standardFull, null, params([0, 0, 3]), createRng(seed), VARS);
      const admitted2 = (next2.patients as Patient[]).slice(20);
      expect(admitted2.every((p) => p.disease_id === 2 && p.bed_type === 'ICU')).toBe(true);
      expect(next2.icu_occupancy).toBe(Math.min(5, admitted2.length));
      toIcu += admitted2.length;
    }
    expect(toStandard).toBeGreaterThan(10);
    expect(toIcu).toBeGreaterThan(10);
  });

  it('turns patients away unrecorded when both wards are full', () => {
    const next = gt.step(full(), null, params([3, 3, 3]), createRng(4), VARS);
    expect(next).toMatchObject({ day: 4, icu_occupancy: 5, standard_occupancy: 20 });
    expect((next.patients as Patient[]).length).toBe(25);
  });

  it('frees the beds of patients who die (mortality 1) or whose stay ends', () => {
    const dead = gt.step(full(), null, params([0, 0, 0], 1), createRng(5), VARS);
    expect(dead).toMatchObject({ icu_occupancy: 0, standard_occupancy: 0, patients: [] });
    const leaving: State = { day: 0, icu_occupancy: 1, standard_occupancy: 1, patients: [patient(0, 'ICU', 1), patient(2, 'Standard', 2)] };
    const next = gt.step(leaving, null, params([0, 0, 0]), createRng(5), VARS);
    expect(next).toMatchObject({ icu_occupancy: 0, standard_occupancy: 1 });
    expect(next.patients).toEqual([{ disease_id: 2, bed_type: 'Standard', los_remaining: 1, is_alive: true, day_in_hospital: 2 }]);
  });

  it('admits new patients with day_in_hospital 1 and a length of stay of at least 1', () => {
    const next = gt.step(hospital.initialState(createRng(1)), null, { ...params([5, 5, 5]), los_mean_0: 1, los_mean_1: 1, los_mean_2: 1 }, createRng(6), VARS);
    for (const p of next.patients as Patient[]) {
      expect(p.day_in_hospital).toBe(1);
      expect(p.los_remaining).toBeGreaterThanOrEqual(1);
    }
  });

  it('ignores the action', () => {
    const s = data.splits.train[0].states[20];
    expect(gt.step(s, 9, hospital.trueParams, createRng(2), VARS)).toEqual(gt.step(s, null, hospital.trueParams, createRng(2), VARS));
  });
});
