import { describe, expect, it } from 'vitest';
import { covid } from '../envs/covid.ts';
import { hospital } from '../envs/hospital.ts';
import { supplyChain } from '../envs/supplyChain.ts';
import { createRng } from '../rng/createRng.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { findScenarioPreset, HOSPITAL_WAVE, hospitalExtraBeds, hospitalLockdown } from './benchmarkScenarios.ts';
import { compareOutcomes } from './compareOutcomes.ts';
import { COVID_LOCKDOWN_PANELS } from './covidLockdownPanels.ts';
import { resolveScenario } from './resolveScenario.ts';
import type { Scenario } from './Scenario.ts';
import { scenarioOutcomes, summarizeOutcome } from './scenarioOutcomes.ts';
import { simulateScenario, type SimulateScenarioOptions } from './simulateScenario.ts';

const covidSim = compileSimulator(covid.groundTruthSource);
const scSim = compileSimulator(supplyChain.groundTruthSource);
const hSim = compileSimulator(hospital.groundTruthSource);

function starts<T>(sample: (rng: ReturnType<typeof createRng>) => T, n: number): T[] {
  const rng = createRng(11);
  return Array.from({ length: n }, () => sample(rng));
}

function meanOf(values: ArrayLike<number>): number {
  return summarizeOutcome(values).mean;
}

describe('simulateScenario on the ground truths', () => {
  const covidOpts: SimulateScenarioOptions = { variables: covid.variables, horizon: 60, rollouts: 40, seed: 3, initialStates: starts(covid.initialState, 40) };

  it('a strict lockdown lowers and delays the COVID infection peak', () => {
    const none = scenarioOutcomes(simulateScenario(covidSim, covid.trueParams, resolveScenario(COVID_LOCKDOWN_PANELS[0]), covidOpts)).I;
    const strict = scenarioOutcomes(simulateScenario(covidSim, covid.trueParams, resolveScenario(findScenarioPreset('early-strict')!.scenarios[0]), covidOpts)).I;
    expect(meanOf(strict.peak)).toBeLessThan(0.9 * meanOf(none.peak));
    expect(meanOf(strict.peakTime)).toBeGreaterThan(meanOf(none.peakTime) + 10);
  });

  it('a longer lead time raises the supply-chain backlog', () => {
    const opts: SimulateScenarioOptions = { variables: supplyChain.variables, horizon: 60, rollouts: 30, seed: 2, initialStates: [supplyChain.initialState(createRng(1))], policy: supplyChain.policy };
    const preset = findScenarioPreset('supply-chain-lead-times')!;
    const totals = preset.scenarios.map((s) => meanOf(scenarioOutcomes(simulateScenario(scSim, supplyChain.trueParams, resolveScenario(s), opts)).backlog.total));
    for (let l = 1; l < totals.length; l++) expect(totals[l]).toBeGreaterThanOrEqual(totals[l - 1]);
    expect(totals[5]).toBeGreaterThan(100 * Math.max(1, totals[1]));
  });

  it('extra beds and a lockdown lower the hospital overflow (patients turned away)', () => {
    const opts: SimulateScenarioOptions = { variables: hospital.variables, record: ['turned_away'], horizon: 90, rollouts: 12, seed: 4, initialStates: [hospital.initialState(createRng(1))] };
    const overflow = (s: Scenario) => meanOf(scenarioOutcomes(simulateScenario(hSim, hospital.trueParams, resolveScenario(s), opts)).turned_away.total);
    const wave = overflow({ name: 'wave', interventions: [...HOSPITAL_WAVE] });
    const beds = overflow({ name: 'beds', interventions: [...HOSPITAL_WAVE, hospitalExtraBeds(15)] });
    const lockdown = overflow({ name: 'lockdown', interventions: [...HOSPITAL_WAVE, hospitalLockdown(35)] });
    expect(beds).toBeLessThan(0.8 * wave);
    expect(lockdown).toBeLessThan(0.8 * wave);
  });

  it('extra beds raise the standard ward above its default capacity of 20', () => {
    const opts: SimulateScenarioOptions = { variables: hospital.variables, horizon: 60, rollouts: 3, seed: 4, initialStates: [hospital.initialState(createRng(1))] };
    const base = scenarioOutcomes(simulateScenario(hSim, hospital.trueParams, resolveScenario({ name: 'w', interventions: [...HOSPITAL_WAVE] }), opts));
    const more = scenarioOutcomes(simulateScenario(hSim, hospital.trueParams, resolveScenario({ name: 'b', interventions: [...HOSPITAL_WAVE, hospitalExtraBeds(10)] }), opts));
    expect(Math.max(...base.standard_occupancy.peak)).toBe(20);
    expect(Math.max(...more.standard_occupancy.peak)).toBe(30);
  });

  it('a warehouse capacity refuses the deliveries that do not fit', () => {
    const opts: SimulateScenarioOptions = { variables: supplyChain.variables, record: ['refused'], horizon: 10, rollouts: 1, seed: 1, initialStates: [supplyChain.initialState(createRng(1))] };
    const r = simulateScenario(scSim, { demand_rate: 0, lead_time: 1 }, resolveScenario({
      name: 'cap',
      interventions: [{ type: 'param', target: 'warehouse_capacity', set: 25 }, { type: 'policy', policy: { kind: 'constant', order: 10 } }],
    }), opts);
    const inv = Array.from({ length: r.steps }, (_, t) => r.ensemble[t * r.keys.length]);
    expect(inv).toEqual([20, 20, 25, 25, 25, 25, 25, 25, 25, 25, 25]);
    expect(scenarioOutcomes(r).refused.total[0]).toBe(5 + 8 * 10);
  });
});

describe('simulateScenario mechanics', () => {
  const counter = compileSimulator(`const parameters = { a: { min: 0, max: 10 } };
function step(state, action, params) { return { x: state.x + params.a + (action || 0), n: (state.n || 0) + 1 }; }`);
  const opts: SimulateScenarioOptions = { variables: ['x'], record: ['n'], horizon: 5, rollouts: 2, seed: 1, initialStates: [{ x: 0 }] };

  it('records time 0 as the start (a missing counter reads 0) and a state override at t before stepping from it', () => {
    const r = simulateScenario(counter, { a: 1 }, resolveScenario({ name: 's', interventions: [{ type: 'state', t: 2, set: { x: 100 } }, { type: 'state', t: 4, add: { x: -50 } }] }), opts);
    const x = Array.from({ length: r.steps }, (_, t) => r.ensemble[t * 2]);
    const n = Array.from({ length: r.steps }, (_, t) => r.ensemble[t * 2 + 1]);
    expect(x).toEqual([0, 1, 100, 101, 52, 53]);
    expect(n).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a policy intervention replaces the default policy', () => {
    const withDefault = { ...opts, policy: () => 1 };
    const r1 = simulateScenario(counter, { a: 0 }, resolveScenario({ name: 'd', interventions: [] }), withDefault);
    const r2 = simulateScenario(counter, { a: 0 }, resolveScenario({ name: 'c', interventions: [{ type: 'policy', policy: { kind: 'constant', order: 3 } }] }), withDefault);
    expect(r1.ensemble[5 * 2]).toBe(5);
    expect(r2.ensemble[5 * 2]).toBe(15);
  });

  it('names a recorded key the program does not return', () => {
    expect(() => simulateScenario(covidSim, covid.trueParams, resolveScenario({ name: 'x', interventions: [] }), { ...opts, variables: covid.variables, record: ['turned_away'], initialStates: [{ S: 990, I: 10, R: 0 }] }))
      .toThrow(/scenario "x": the state at time 1 has no "turned_away" \(recorded for outcomes and costs/);
  });

  it('is reproducible from its seed, and a model identical to the truth has zero outcome W1', () => {
    const o = { variables: covid.variables, horizon: 30, rollouts: 10, seed: 5, initialStates: starts(covid.initialState, 10) };
    const s = resolveScenario(COVID_LOCKDOWN_PANELS[3]);
    const a = simulateScenario(covidSim, covid.trueParams, s, o);
    const b = simulateScenario(compileSimulator(covid.groundTruthSource), covid.trueParams, s, o);
    expect(a.ensemble).toEqual(b.ensemble);
    const c = compareOutcomes(a, b);
    expect(c.meanW1).toBe(0);
    expect(c.perVariable.I.peakW1).toBe(0);
  });

  it('compareOutcomes sees a wrong transmission rate', () => {
    const o = { variables: covid.variables, horizon: 30, rollouts: 20, seed: 5, initialStates: starts(covid.initialState, 20) };
    const s = resolveScenario(COVID_LOCKDOWN_PANELS[0]);
    const c = compareOutcomes(simulateScenario(covidSim, { beta: 0.3, gamma: 0.1 }, s, o), simulateScenario(covidSim, covid.trueParams, s, o));
    expect(c.perVariable.I.peakW1).toBeGreaterThan(50);
    expect(c.perVariable.I.w1ByTime[0]).toBe(0);
    expect(c.perVariable.I.w1ByTime).toHaveLength(31);
  });

  it('stops between rollouts when cancelled', () => {
    expect(() => simulateScenario(counter, { a: 1 }, resolveScenario({ name: 's', interventions: [] }), { ...opts, signal: { aborted: true } })).toThrow(/cancelled/);
  });
});

describe('simulateScenario with parameter draws and a rollout offset', () => {
  const opts: SimulateScenarioOptions = { variables: covid.variables, horizon: 30, rollouts: 6, seed: 9, initialStates: starts(covid.initialState, 6) };
  const none = resolveScenario({ name: 'none', interventions: [] });

  it('one draw per rollout widens the fan beyond the point estimate (parameter + intrinsic uncertainty)', () => {
    const rng = createRng(5);
    const draws = Array.from({ length: 60 }, () => ({ beta: rng.uniform(0.2, 1.2), gamma: 0.1 }));
    const o = { ...opts, rollouts: 60, initialStates: starts(covid.initialState, 1) };
    const spread = (r: ReturnType<typeof simulateScenario>) => {
      const peaks = scenarioOutcomes(r).I.peak;
      return summarizeOutcome(peaks).q95 - summarizeOutcome(peaks).q05;
    };
    expect(spread(simulateScenario(covidSim, draws, none, o))).toBeGreaterThan(2 * spread(simulateScenario(covidSim, { beta: 0.7, gamma: 0.1 }, none, o)));
  });

  it('a list of one draw equals the plain parameters; an empty list is an error', () => {
    const a = simulateScenario(covidSim, covid.trueParams, none, opts);
    const b = simulateScenario(covidSim, [covid.trueParams], none, opts);
    expect(Array.from(b.ensemble)).toEqual(Array.from(a.ensemble));
    expect(() => simulateScenario(covidSim, [], none, opts)).toThrow(/list of parameter draws is empty/);
  });

  it('rollouts from firstRollout equal the same rollouts of a run from 0', () => {
    const whole = simulateScenario(covidSim, covid.trueParams, none, opts);
    const tail = simulateScenario(covidSim, covid.trueParams, none, { ...opts, rollouts: 2, firstRollout: 4 });
    const per = whole.steps * whole.keys.length;
    expect(Array.from(tail.ensemble)).toEqual(Array.from(whole.ensemble.subarray(4 * per)));
  });
});
