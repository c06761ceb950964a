import { describe, expect, it } from 'vitest';
import { oneStepFitness } from '../calibrate/oneStepFitness.ts';
import { generateDataset } from '../data/generateDataset.ts';
import { transitionsOf } from '../data/transitions.ts';
import { getEnvironment } from '../envs/environments.ts';
import { benchmarkStateIndices } from '../eval/benchmarkW1.ts';
import { benchmarkW1States } from '../eval/benchmarkW1States.ts';
import { defaultDomainRules } from '../llm/defaultDomainRules.ts';
import { ruleViolationRates } from '../llm/ruleViolationRates.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { createSimWorkerApi } from './createSimWorkerApi.ts';

const covid = getEnvironment('covid');
const data = generateDataset(covid, 2, { train: 3, val: 2, test: 2, horizon: 15 });
const truth = { truthSource: covid.groundTruthSource, trueParams: covid.trueParams };

describe('createSimWorkerApi', () => {
  it('load(source, dataset) returns the parameters, or the SimulatorError as data with its position', () => {
    const api = createSimWorkerApi();
    const ok = api.load(covid.groundTruthSource, data);
    expect(ok.ok && ok.parameters.map((p) => p.name)).toEqual(['beta', 'gamma']);
    const bad = api.load('const parameters = {};\nfunction step( {', data);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('syntax');
      expect(bad.error.line).toBe(2);
    }
  });

  it('fitness(batch, seed, mc) is oneStepFitness on the train transitions; it throws before any load', () => {
    const api = createSimWorkerApi();
    expect(() => api.fitness([new Float64Array([0.5, 0.1])], 1, 2)).toThrow(/no simulator loaded/);
    api.load(covid.groundTruthSource, data);
    const batch = [new Float64Array([0.5, 0.1]), new Float64Array([1.5, 0.7])];
    const direct = oneStepFitness(compileSimulator(covid.groundTruthSource), transitionsOf(data, 'train'), batch, 9, 3);
    expect(api.fitness(batch, 9, 3)).toEqual(direct);
  });

  it('benchmarkPart(request) equals benchmarkW1States for the same start states', () => {
    const api = createSimWorkerApi();
    api.load(covid.starterSource, data);
    const transitions = transitionsOf(data, 'test');
    const stateIndices = benchmarkStateIndices({ transitions, states: 4, seed: 3 });
    const params = { beta: 0.4, gamma: 0.2 };
    const r = api.benchmarkPart({ ...truth, params, split: 'test', stateIndices, samples: 10, seed: 3 });
    const sim = compileSimulator(covid.starterSource);
    const direct = benchmarkW1States(
      { candidate: sim, candidateParams: params, truth: compileSimulator(covid.groundTruthSource), trueParams: covid.trueParams, transitions, samples: 10, seed: 3 },
      stateIndices,
    );
    expect(r.ok && r.value).toEqual(direct);
  });

  it('validation(request) and rollouts(request) report a throwing program as a runtime error, not a crash', () => {
    const api = createSimWorkerApi();
    api.load('const parameters = { a: { min: 0, max: 1 } };\nfunction step() { throw new Error("nope"); }', data);
    const v = api.validation({ params: { a: 0.5 }, seed: 1 });
    expect(!v.ok && v.error.code).toBe('runtime');
    const r = api.rollouts({ params: { a: 0.5 }, split: 'val', trajectories: [0], rollouts: 3, seed: 1 });
    expect(!r.ok && r.error.message).toMatch(/nope/);
  });

  it('rollouts(request) gives quantile bands per trajectory, the observed series and optionally the ensemble', () => {
    const api = createSimWorkerApi();
    api.load(covid.groundTruthSource, data);
    const r = api.rollouts({ params: covid.trueParams, split: 'val', trajectories: [1], rollouts: 5, seed: 1, includeEnsemble: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [band] = r.value;
    expect(band.steps).toBe(16);
    expect(band.bands.length).toBe(3 * 16 * 3);
    expect(band.ensemble?.length).toBe(5 * 16 * 3);
    // Every rollout starts at the data, so all quantiles equal the observation at t = 0.
    expect(band.bands[0]).toBe(band.observed[0]);
    const v = api.validation({ params: covid.trueParams, split: 'val', samples: 5, rollouts: 3, seed: 1 });
    expect(v.ok && v.value.transitionsTotal).toBe(2 * 15);
  });

  it('ruleViolations(request) equals ruleViolationRates on the loaded program; a throwing program is a runtime error', () => {
    const api = createSimWorkerApi();
    api.load(covid.groundTruthSource, data);
    const rules = [...defaultDomainRules('covid'), { id: 'broken', description: 'does not parse', check: 'S >' }];
    const r = api.ruleViolations({ params: covid.trueParams, rules, rollouts: 3, seed: 4 });
    const direct = ruleViolationRates({ sim: compileSimulator(covid.groundTruthSource), params: covid.trueParams, dataset: data, rules, rollouts: 3, seed: 4 });
    expect(r).toEqual({ ok: true, value: direct });
    expect(r.ok && r.value.map((v) => v.rate)).toEqual([0, 0, NaN]);
    api.load('const parameters = { a: { min: 0, max: 1 } };\nfunction step() { throw new Error("nope"); }', data);
    const bad = api.ruleViolations({ params: { a: 0.5 }, rules, seed: 1 });
    expect(!bad.ok && bad.error.code).toBe('runtime');
  });
});
