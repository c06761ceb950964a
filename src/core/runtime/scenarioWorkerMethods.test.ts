import { describe, expect, it } from 'vitest';
import { generateDataset } from '../data/generateDataset.ts';
import { covid } from '../envs/covid.ts';
import { hospital } from '../envs/hospital.ts';
import { HOSPITAL_LOCKDOWN_BEDS_GRID } from '../interventions/benchmarkGrids.ts';
import { findScenarioPreset } from '../interventions/benchmarkScenarios.ts';
import { policyCell } from '../interventions/policyCell.ts';
import { resolveScenario } from '../interventions/resolveScenario.ts';
import { scenarioStartStates } from '../interventions/scenarioStartStates.ts';
import { simulateScenario } from '../interventions/simulateScenario.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { createSimWorkerApi } from './createSimWorkerApi.ts';

const strict = findScenarioPreset('early-strict')!.scenarios[0];
const starts = scenarioStartStates(covid, 12, 3);
const base = { variables: covid.variables, horizon: 40, seed: 3, initialStates: starts };

describe('scenario worker methods', () => {
  it('scenarioRollouts of a slice equals that slice of an in-process run (seeds follow the global rollout)', () => {
    const api = createSimWorkerApi();
    const r = api.scenarioRollouts({ ...base, program: { source: covid.groundTruthSource, params: covid.trueParams }, scenario: strict, firstRollout: 5, rollouts: 4 });
    if (!r.ok) throw new Error(r.error.message);
    const whole = simulateScenario(compileSimulator(covid.groundTruthSource), covid.trueParams, resolveScenario(strict, {}, 40), { ...base, rollouts: 12 });
    const per = whole.steps * whole.keys.length;
    expect(r.value.steps).toBe(41);
    expect(Array.from(r.value.ensemble)).toEqual(Array.from(whole.ensemble.subarray(5 * per, 9 * per)));
  });

  it('runs the loaded program when no source is given, and says when none is loaded', () => {
    const api = createSimWorkerApi();
    const req = { ...base, program: { params: covid.trueParams }, scenario: strict, firstRollout: 0, rollouts: 2 };
    expect(() => api.scenarioRollouts(req)).toThrow(/no simulator loaded/);
    api.load(covid.groundTruthSource, generateDataset(covid, 1, { train: 1, val: 0, test: 0, horizon: 5 }));
    const r = api.scenarioRollouts(req);
    expect(r.ok && r.value.rollouts).toBe(2);
  });

  it('returns program failures and bad scenarios as data naming the problem', () => {
    const api = createSimWorkerApi();
    const missing = api.scenarioRollouts({ ...base, program: { source: covid.groundTruthSource, params: covid.trueParams }, scenario: { name: 'x', interventions: [{ type: 'param', target: 'lead_time', set: 3 }] }, firstRollout: 0, rollouts: 1 });
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.error.message).toMatch(/no parameter "lead_time"/);
    const broken = api.scenarioRollouts({ ...base, program: { source: 'const parameters = {}; function step( {', params: {} }, scenario: strict, firstRollout: 0, rollouts: 1 });
    expect(!broken.ok && broken.error.code).toBe('syntax');
  });

  it('posterior draws: rollout r uses draw r mod n, so two draws give the two point runs interleaved', () => {
    const api = createSimWorkerApi();
    const lo = { beta: 0.2, gamma: 0.1 };
    const hi = { beta: 1.5, gamma: 0.1 };
    const program = { source: covid.groundTruthSource, params: [lo, hi] };
    const r = api.scenarioRollouts({ ...base, program, scenario: { name: 'none', interventions: [] }, firstRollout: 0, rollouts: 4 });
    if (!r.ok) throw new Error(r.error.message);
    const sim = compileSimulator(covid.groundTruthSource);
    const none = resolveScenario({ name: 'none', interventions: [] }, {}, 40);
    const a = simulateScenario(sim, lo, none, { ...base, rollouts: 4 });
    const b = simulateScenario(sim, hi, none, { ...base, rollouts: 4 });
    const per = a.steps * a.keys.length;
    for (let k = 0; k < 4; k++) {
      const want = (k % 2 === 0 ? a : b).ensemble.subarray(k * per, (k + 1) * per);
      expect(Array.from(r.value.ensemble.subarray(k * per, (k + 1) * per))).toEqual(Array.from(want));
    }
  });

  it('policyCells equals policyCell for each cell asked, in order', () => {
    const api = createSimWorkerApi();
    const grid = HOSPITAL_LOCKDOWN_BEDS_GRID;
    const opts = { variables: hospital.variables, horizon: 90, rollouts: 3, seed: 2, initialStates: scenarioStartStates(hospital, 3, 2) };
    const cells = [{ i: 0, j: 0 }, { i: 7, j: 4 }];
    const r = api.policyCells({ ...opts, program: { source: hospital.groundTruthSource, params: hospital.trueParams }, grid, cells });
    if (!r.ok) throw new Error(r.error.message);
    const sim = compileSimulator(hospital.groundTruthSource);
    expect(r.value).toEqual(cells.map((c) => policyCell(sim, hospital.trueParams, grid, c, opts)));
    expect(r.value[0].mean).not.toBe(r.value[1].mean);
  });
});
