import { describe, expect, it } from 'vitest';
import type { BatchEvaluator, CalibrationProgress } from '../core/calibrate/Calibrator.ts';
import { createNpeSession, type NpeSessionRequest } from '../core/npe/npeSession.ts';
import type { SummarySimulator } from '../core/npe/simulateSummaries.ts';
import { createRng } from '../core/rng/createRng.ts';
import { deriveSeed } from '../core/rng/deriveSeed.ts';
import { createOrtRuntime } from './createOrtRuntime.ts';
import { generateDataset } from '../core/data/generateDataset.ts';
import { getEnvironment } from '../core/envs/environments.ts';
import { observedSummary, summarySpec } from '../core/npe/summaryStatistics.ts';

// The studio's NPE session with a toy model: x = (θ0 + ε, θ1 + ε), ε ~ N(0, 0.02²), observed at (0.3, 0.7).
const TRUE = [0.3, 0.7];
const simulate: SummarySimulator = async (thetas, seed, firstIndex) => ({
  x: thetas.map((t, i) => {
    const rng = createRng(deriveSeed(seed, firstIndex + i));
    return Float64Array.from(t, (v) => v + 0.02 * rng.normal());
  }),
  simulations: thetas.length, failures: 0,
});
/** Squared distance to the truth, counting its calls (the page's pool evaluator in the studio). */
function countingEvaluator(): BatchEvaluator & { batches: number[] } {
  const batches: number[] = [];
  const ev: BatchEvaluator = async (batch) => {
    batches.push(batch.length);
    return { fitness: Float64Array.from(batch, (t) => (t[0] - TRUE[0]) ** 2 + (t[1] - TRUE[1]) ** 2), simulations: batch.length, failures: 0 };
  };
  return Object.assign(ev, { batches });
}

const request = (o: Partial<NpeSessionRequest>): NpeSessionRequest => ({
  parameters: [{ name: 'a', min: 0, max: 1 }, { name: 'b', min: 0, max: 1 }], observed: Float64Array.from(TRUE), seed: 1,
  simulations: 100, estimator: 'maf', samples: 200, sbc: false, provider: 'wasm', maxEpochs: 8, ...o,
});

describe('createNpeSession', () => {
  const session = createNpeSession(() => createOrtRuntime({ numThreads: 1, detectWebGpu: async () => false }), () => performance.now());

  it('NpeSessionApi.run with two rounds and the fitness pick: the page-side evaluator picks, the box of round 2 is recorded, epochs count on', async () => {
    const evaluate = countingEvaluator();
    const events: CalibrationProgress[] = [];
    const r = await session.run(request({ rounds: 2, pointEstimate: 'fitness-pick' }), simulate, (p) => events.push(p), undefined, evaluate);
    expect(evaluate.batches).toEqual([102]); // one call: mean, median and 100 samples, in round 2 only
    expect(r.pointEstimate.kind).toBe('fitness-pick');
    expect(r.trainingSet.requested).toBe(200);
    expect(r.truncatedBox?.map((b) => b.name)).toEqual(['a', 'b']);
    // How narrow the box gets is truncatedBox.test.ts's business; this budget is too small to learn much.
    expect(r.truncatedBox!.every((b) => b.min >= 0 && b.max <= 1 && b.max - b.min <= 1)).toBe(true);
    const train = events.filter((e) => e.phase === 'train');
    expect(new Set(train.map((e) => e.round))).toEqual(new Set([1, 2]));
    for (let i = 1; i < train.length; i++) expect(train[i].iteration).toBeGreaterThan(train[i - 1].iteration);
    expect(r.history.map((h) => h.iteration)).toEqual(r.history.map((_, i) => i + 1));
    expect(events.some((e) => e.phase === 'pick' && e.round === 2)).toBe(true);
  }, 60_000);

  it('NpeSessionApi.run with the paper preset (one round, posterior mean) never calls the evaluator', async () => {
    const evaluate = countingEvaluator();
    const r = await session.run(request({ rounds: 1, pointEstimate: 'posterior-mean' }), simulate, () => {}, undefined, evaluate);
    expect(evaluate.batches).toEqual([]);
    expect(r.pointEstimate.kind).toBe('posterior-mean');
    expect(r.truncatedBox).toBeUndefined();
    expect(r.params.a).toBeCloseTo(r.posterior!.mean[0], 12);
  }, 60_000);

  it('NpeSessionApi.run asked for the fitness pick without an evaluator fails before simulating, saying what is missing', async () => {
    let simulated = 0;
    const counting: SummarySimulator = async (...a) => ((simulated += a[0].length), simulate(...a));
    await expect(session.run(request({ pointEstimate: 'fitness-pick' }), counting, () => {})).rejects.toThrow(/needs an evaluator/);
    expect(simulated).toBe(0);
  });
  it('NpeSessionApi.observe: the spec and x_obs the page used to compute, from a structured-cloned train split', () => {
    const data = generateDataset(getEnvironment('covid'), 3, { train: 6, val: 2, test: 2, horizon: 20 });
    const sent = structuredClone({ ...data, splits: { train: data.splits.train, val: [], test: [] } });
    const { spec, observed } = session.observe(sent);
    const direct = summarySpec(data);
    expect(spec).toEqual(direct);
    expect(Array.from(observed)).toEqual(Array.from(observedSummary(data, direct)));
    expect(observed.every(Number.isFinite)).toBe(true);
    expect(() => session.observe({ ...sent, splits: { train: [], val: [], test: [] } })).toThrow(/train split has no trajectories/);
  });
});
