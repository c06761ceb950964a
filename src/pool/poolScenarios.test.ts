import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEnvironment } from '../core/envs/environments.ts';
import { findScenarioPreset } from '../core/interventions/benchmarkScenarios.ts';
import { compareOutcomes } from '../core/interventions/compareOutcomes.ts';
import type { PolicyGrid } from '../core/interventions/PolicyGrid.ts';
import { policyCell } from '../core/interventions/policyCell.ts';
import { policySearch } from '../core/interventions/policySearch.ts';
import { resolveScenario } from '../core/interventions/resolveScenario.ts';
import { scenarioStartStates } from '../core/interventions/scenarioStartStates.ts';
import { simulateScenario } from '../core/interventions/simulateScenario.ts';
import { compileSimulator } from '../core/sim/compileSimulator.ts';
import { SimulatorError } from '../core/sim/SimulatorError.ts';
import { createNodePool, type NodeSimPool } from './createNodePool.ts';
import { poolPolicySearch } from './poolPolicySearch.ts';
import { poolScenarios } from './poolScenarios.ts';

const covid = getEnvironment('covid');
const truth = { source: covid.groundTruthSource, params: covid.trueParams };
const MODEL = covid.groundTruthSource;
const STUCK = `const parameters = { beta: { min: 0, max: 2 }, gamma: { min: 0, max: 1 } };
function step(state) { while (true) {} }`;
const GRID: PolicyGrid = {
  name: 'tiny', x: { name: 'alpha', values: [0.05, 0.5, 1] }, y: { name: 'start', values: [0, 10] },
  scenario: { name: 'l', interventions: [{ type: 'param', target: 'beta', factor: 'alpha', tStart: 'start', tEnd: 'start + 9' }] },
  define: { peak: 'max(I)' }, cost: 'peak + 300 * (1 - alpha)', horizon: 40,
};

describe('poolScenarios / poolPolicySearch (worker threads)', () => {
  let pool: NodeSimPool;
  beforeAll(() => {
    pool = createNodePool({ size: 2, timeoutMs: 1500 });
  });
  afterAll(() => pool.terminate());

  it('pooled scenario rollouts (sliced over workers) equal the in-process run, with the model-vs-truth W1', async () => {
    const scenarios = [...findScenarioPreset('covid-lockdown')!.scenarios.slice(0, 2)];
    const model = { source: MODEL, params: { beta: 0.3, gamma: 0.1 } };
    const initialStates = scenarioStartStates(covid, 24, 4);
    const common = { variables: covid.variables, horizon: 40, rollouts: 24, seed: 4, initialStates };
    let last = [0, 0];
    const out = await poolScenarios(pool, { ...common, model, truth, scenarios, chunkSize: 7, onProgress: (d, t) => (last = [d, t]) });
    expect(last).toEqual([16, 16]); // 2 scenarios × 2 sides × ⌈24 / 7⌉ slices
    const sim = compileSimulator(MODEL);
    scenarios.forEach((s, i) => {
      const r = resolveScenario(s, {}, 40);
      const m = simulateScenario(sim, model.params, r, common);
      const t = simulateScenario(sim, covid.trueParams, r, common);
      expect(Array.from(out[i].model.ensemble)).toEqual(Array.from(m.ensemble));
      expect(Array.from(out[i].model.bands)).toEqual(Array.from(m.bands));
      expect(out[i].comparison!.meanW1).toBe(compareOutcomes(m, t).meanW1);
    });
    expect(out[0].comparison!.perVariable.I.peakW1).toBeGreaterThan(0);
  });

  it('a malformed scenario fails before any work, naming the field', async () => {
    await expect(
      poolScenarios(pool, { model: truth, scenarios: [{ name: 'bad', interventions: [{ type: 'param', target: 'beta', factor: 'alpha +' }] }], variables: covid.variables, horizon: 10, rollouts: 2, seed: 1 }),
    ).rejects.toThrow(/scenario "bad" interventions\[0\]\.factor/);
  });

  it('a looping program ends with a timeout error instead of hanging (what-if and policy)', async () => {
    const t0 = Date.now();
    const initialStates = scenarioStartStates(covid, 2, 1);
    const err = await poolScenarios(pool, { model: { source: STUCK, params: covid.trueParams }, scenarios: [{ name: 'x', interventions: [] }], variables: covid.variables, horizon: 5, rollouts: 2, seed: 1, initialStates }).catch((e) => e);
    expect(err).toBeInstanceOf(SimulatorError);
    expect((err as SimulatorError).code).toBe('timeout');
    const err2 = await poolPolicySearch(pool, { program: { source: STUCK, params: covid.trueParams }, grid: GRID, variables: covid.variables, horizon: 40, rollouts: 2, seed: 1, initialStates }).catch((e) => e);
    expect((err2 as SimulatorError).code).toBe('timeout');
    // Two time limits in turn (the other lanes stop after the first failure), not one per cell.
    expect(Date.now() - t0).toBeLessThan(4 * 1500 + 3000);
  });

  it('poolPolicySearch equals the local search, finds the known optimum and reports progress per cell', async () => {
    const initialStates = scenarioStartStates(covid, 6, 2);
    const opts = { variables: covid.variables, horizon: 40, rollouts: 6, seed: 2, initialStates };
    const seen: number[] = [];
    const pooled = await poolPolicySearch(pool, { ...opts, program: truth, grid: GRID, onProgress: (d) => seen.push(d) });
    const sim = compileSimulator(covid.groundTruthSource);
    const local = await policySearch(GRID, (c) => policyCell(sim, covid.trueParams, GRID, c, opts));
    expect(pooled.mean).toEqual(local.mean);
    expect(pooled.optimum).toEqual(local.optimum);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    // A synthetic cost whose optimum is known: alpha = 0.5, start = 10.
    const known = await poolPolicySearch(pool, { ...opts, program: truth, grid: { ...GRID, cost: '(alpha - 0.5) ** 2 + (start - 10) ** 2 + 0 * peak' } });
    expect(known.optimum).toMatchObject({ i: 1, j: 1, x: 0.5, y: 10, cost: 0 });
  });

  it('a cancelled policy search returns the cells done so far', async () => {
    const ctrl = new AbortController();
    const res = await poolPolicySearch(pool, {
      program: truth, grid: GRID, variables: covid.variables, horizon: 40, rollouts: 2, seed: 1, initialStates: scenarioStartStates(covid, 2, 1),
      signal: ctrl.signal, onProgress: (d) => d >= 2 && ctrl.abort(),
    });
    expect(res.cancelled).toBe(true);
    expect(res.cellsDone).toBeGreaterThanOrEqual(2);
    expect(res.cellsDone).toBeLessThan(6);
    expect(res.mean.flat().filter(Number.isNaN).length).toBe(6 - res.cellsDone);
  });
});
