import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/core/data/generateDataset.ts';
import { getEnvironment } from '../../src/core/envs/environments.ts';
import { npeCalibrator } from '../../src/core/npe/npeCalibrator.ts';
import { localSummarySimulator, simulateSummaries } from '../../src/core/npe/simulateSummaries.ts';
import { simulateTrainingSet } from '../../src/core/npe/simulateTrainingSet.ts';
import { observedSummary, summarySpec } from '../../src/core/npe/summaryStatistics.ts';
import { createSimWorkerApi } from '../../src/core/runtime/createSimWorkerApi.ts';
import { compileSimulator } from '../../src/core/sim/compileSimulator.ts';
import { createOrtRuntime } from '../../src/ort/createOrtRuntime.ts';

const env = getEnvironment('covid');
const data = generateDataset(env, 3, { train: 20, val: 5, test: 5 });
const sim = compileSimulator(env.groundTruthSource);
const spec = summarySpec(data);

/** COVID whose step throws when beta > 1.5: a quarter of the prior fails. */
const FLAKY = env.groundTruthSource.replace('function step(state, action, params, rng) {', 'function step(state, action, params, rng) {\n  if (params.beta > 1.5) throw new Error("beta too high");');

describe('NPE pipeline (simulate → train → sample → SBC) on COVID', () => {
  it('simulates the same set whatever the chunk size (seeds follow the simulation index)', async () => {
    const simulate = localSummarySimulator(sim, data, spec);
    const a = await simulateTrainingSet(sim.parameters, simulate, { n: 12, seed: 4, chunk: 5 });
    const b = await simulateTrainingSet(sim.parameters, simulate, { n: 12, seed: 4, chunk: 12 });
    expect(a.x.map((x) => Array.from(x))).toEqual(b.x.map((x) => Array.from(x)));
    expect(a.theta.every((t) => t[0] >= 0 && t[0] <= 2 && t[1] >= 0 && t[1] <= 1)).toBe(true);
  });

  it('drops and counts failing simulations, keeping the error message', async () => {
    const flaky = compileSimulator(FLAKY);
    expect(flaky.source).not.toBe(sim.source);
    const set = await simulateTrainingSet(flaky.parameters, localSummarySimulator(flaky, data, spec), { n: 80, seed: 2 });
    expect(set.failures).toBeGreaterThan(5);
    expect(set.theta.length + set.failures).toBe(80);
    expect(set.theta.every((t) => t[0] <= 1.5)).toBe(true);
    expect(set.firstError).toMatch(/beta too high/);
  });

  it('the worker method gives exactly the in-process summaries', () => {
    const api = createSimWorkerApi();
    expect(api.load(env.groundTruthSource, data).ok).toBe(true);
    const thetas = [Float64Array.of(0.5, 0.1), Float64Array.of(1.2, 0.4)];
    const viaWorker = api.npeSummaries({ thetas, spec, seed: 9, firstIndex: 3 });
    const local = simulateSummaries(sim, sim.parameters, data, spec, thetas, 9, 3);
    expect(viaWorker.x.map((x) => Array.from(x!))).toEqual(local.x.map((x) => Array.from(x!)));
    // Replays of up to 4 steps from each of a trajectory's 60 transitions: 57 · 4 + 3 + 2 + 1 steps.
    expect(viaWorker.simulations).toBe(2 * 20 * (57 * 4 + 3 + 2 + 1));
  });

  it('covers the true beta and gamma in the 5–95 % interval, runs SBC, and streams epochs', async () => {
    const runtime = await createOrtRuntime();
    const epochs: number[] = [];
    const phases = new Set<string>();
    const r = await npeCalibrator.run(sim.parameters, localSummarySimulator(sim, data, spec), {
      // One round: the epochs streamed are then exactly the returned training's (two rounds stream both).
      seed: 1, runtime, observed: observedSummary(data, spec), simulations: 300, samples: 2000, sbc: { simulations: 60, draws: 100 }, rounds: 1,
      onProgress: (p) => {
        phases.add(p.phase!);
        if (p.phase === 'train') epochs.push(p.iteration);
      },
    });
    const post = r.posterior!;
    sim.parameters.forEach((p, k) => {
      expect(post.q05[k], p.name).toBeLessThan(env.trueParams[p.name]);
      expect(post.q95[k], p.name).toBeGreaterThan(env.trueParams[p.name]);
    });
    expect(r.params.beta).toBeCloseTo(post.mean[0], 12);
    expect(post.std[0]).toBeLessThan(0.1); // far narrower than the prior's 0.58
    expect(r.acceptance!.rate).toBeGreaterThan(0.5);
    // Whether SBC passes is a property of the estimator (checked in the accuracy runs); here: it ran on every test point.
    expect(r.sbc!.simulations).toBe(60);
    expect(r.sbc!.parameters.map((p) => p.ranks.length)).toEqual([60, 60]);
    expect([...phases]).toEqual(['simulate', 'train', 'sample', 'sbc']);
    expect(epochs).toEqual(r.training!.epochs.map((e) => e.epoch));
    expect(r.training!.provider).toBe('wasm');
  });

  it('stops when cancelled during the simulations and reports it', async () => {
    const runtime = await createOrtRuntime();
    const signal = { aborted: false };
    const r = await npeCalibrator.run(sim.parameters, localSummarySimulator(sim, data, spec), {
      seed: 1, runtime, observed: observedSummary(data, spec), simulations: 500,
      onProgress: (p) => { if (p.phase === 'simulate' && (p.phaseDone ?? 0) >= 100) signal.aborted = true; },
      signal,
    });
    expect(r.cancelled).toBe(true);
    expect(r.posterior).toBeNull();
    expect(r.trainingSet.used).toBe(100);
  });
});
