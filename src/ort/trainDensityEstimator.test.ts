import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../core/rng/createRng.ts';
import type { TrainedEstimator, TrainingSet } from '../core/npe/estimator/DensityEstimator.ts';
import { trainDensityEstimator } from '../core/npe/estimator/trainDensityEstimator.ts';
import type { TensorRuntime } from '../core/npe/TensorRuntime.ts';
import { createOrtRuntime } from './createOrtRuntime.ts';

/** θ ~ N(0, I₂), x = Aθ + σε: the posterior is Gaussian with covariance (I + AᵀA/σ²)⁻¹ and mean C·Aᵀx/σ². */
const A = [[1, 0.5], [-0.3, 1], [0.8, 0.2]];
const SIGMA = 0.5;

function linearGaussian(n: number, seed: number): TrainingSet {
  const rng = createRng(seed);
  const set: TrainingSet = { theta: [], x: [] };
  for (let i = 0; i < n; i++) {
    const t = Float64Array.of(rng.normal(), rng.normal());
    set.theta.push(t);
    set.x.push(Float64Array.from(A.map((r) => r[0] * t[0] + r[1] * t[1] + SIGMA * rng.normal())));
  }
  return set;
}

function analyticPosterior(x: Float64Array): { mean: number[]; cov: number[][] } {
  const P = [[1, 0], [0, 1]];
  const r = [0, 0];
  A.forEach((row, k) => {
    for (let i = 0; i < 2; i++) {
      r[i] += (row[i] * x[k]) / SIGMA ** 2;
      for (let j = 0; j < 2; j++) P[i][j] += (row[i] * row[j]) / SIGMA ** 2;
    }
  });
  const det = P[0][0] * P[1][1] - P[0][1] * P[1][0];
  const cov = [[P[1][1] / det, -P[0][1] / det], [-P[1][0] / det, P[0][0] / det]];
  return { mean: [cov[0][0] * r[0] + cov[0][1] * r[1], cov[1][0] * r[0] + cov[1][1] * r[1]], cov };
}

function moments(rows: Float64Array[]): { mean: number[]; cov: number[][] } {
  const mean = [0, 1].map((j) => rows.reduce((a, r) => a + r[j], 0) / rows.length);
  const cov = [0, 1].map((i) => [0, 1].map((j) => rows.reduce((a, r) => a + (r[i] - mean[i]) * (r[j] - mean[j]), 0) / (rows.length - 1)));
  return { mean, cov };
}

/** Measured 0.13 (MAF) and 0.24 (MDN, diagonal components fitting a correlated posterior) with these seeds. */
const LOG_PROB_RMS = { maf: 0.2, mdn: 0.35 };

let runtime: TensorRuntime;
const xObs = Float64Array.of(1.0, -0.5, 0.6);

beforeAll(async () => {
  runtime = await createOrtRuntime({ numThreads: 1, detectWebGpu: async () => false });
});

describe.each(['maf', 'mdn'] as const)('%s trained on a linear-Gaussian problem (3000 pairs, ORT WASM)', (kind) => {
  let est: TrainedEstimator;
  beforeAll(async () => {
    est = await trainDensityEstimator(runtime, linearGaussian(3000, 1), { kind }, { seed: 2 });
  }, 120_000);
  afterAll(() => est.release());

  it('posterior mean within 0.15 posterior std, std within 10 %, correlation within 0.1 of the analytic posterior', async () => {
    const truth = analyticPosterior(xObs);
    const got = moments(await est.sample(xObs, 10_000, 3));
    for (let i = 0; i < 2; i++) {
      const sd = Math.sqrt(truth.cov[i][i]);
      expect(Math.abs(got.mean[i] - truth.mean[i]), `mean[${i}]`).toBeLessThan(0.15 * sd);
      expect(Math.abs(Math.sqrt(got.cov[i][i]) / sd - 1), `std[${i}]`).toBeLessThan(0.1);
    }
    const corr = (c: number[][]) => c[0][1] / Math.sqrt(c[0][0] * c[1][1]);
    expect(Math.abs(corr(got.cov) - corr(truth.cov))).toBeLessThan(0.1);
  });

  it('stops by patience with the best validation loss in its history, and reports the provider', () => {
    expect(est.stoppedBy).toBe('patience');
    expect(est.provider).toBe('wasm');
    const h = est.history;
    const best = Math.min(...h.map((e) => e.valLoss));
    expect(h.at(-1)!.bestValLoss).toBe(best);
    // the best epoch is exactly 20 before the end (patience), and no later epoch beat it
    expect(h.findIndex((e) => e.valLoss === best)).toBe(h.length - 21);
    expect(h.every((e) => Number.isFinite(e.trainLoss))).toBe(true);
  });

  it(`log-prob at posterior draws is within ${LOG_PROB_RMS[kind]} nats RMS of the analytic log-density`, async () => {
    const truth = analyticPosterior(xObs);
    const pts = await est.sample(xObs, 200, 8);
    const lp = await est.logProb(pts, xObs);
    const det = truth.cov[0][0] * truth.cov[1][1] - truth.cov[0][1] ** 2;
    const exact = pts.map((p) => {
      const d0 = p[0] - truth.mean[0], d1 = p[1] - truth.mean[1];
      const q = (truth.cov[1][1] * d0 * d0 - 2 * truth.cov[0][1] * d0 * d1 + truth.cov[0][0] * d1 * d1) / det;
      return -0.5 * q - Math.log(2 * Math.PI) - 0.5 * Math.log(det);
    });
    const diff = exact.map((e, i) => lp[i] - e);
    const rms = Math.sqrt(diff.reduce((a, d) => a + d * d, 0) / diff.length);
    expect(rms).toBeLessThan(LOG_PROB_RMS[kind]);
  });

  it('toOnnx(): the standalone model in a fresh ORT session reproduces sample() for the same noise (1e-5)', async () => {
    const { model, description } = est.toOnnx();
    expect(description).toMatch(/x: float32 \[1, 3\]/);
    expect(description).toMatch(/eps: float32 \[n, 2\]/);
    const fresh = await (await createOrtRuntime({ detectWebGpu: async () => false })).createSession(model);
    expect([...fresh.inputNames].sort()).toEqual(kind === 'maf' ? ['eps', 'x'] : ['eps', 'u', 'x']);
    const n = 50;
    // sample() draws eps (normal), then for the MDN u (uniform), row-major from createRng(seed)
    const rng = createRng(17);
    const eps = Float32Array.from({ length: n * 2 }, () => rng.normal());
    const u = Float32Array.from({ length: n * 10 }, () => rng.uniform(1e-7, 1 - 1e-7));
    const out = await fresh.run({
      x: { data: Float32Array.from(xObs), dims: [1, 3] }, eps: { data: eps, dims: [n, 2] },
      ...(kind === 'mdn' ? { u: { data: u, dims: [n, 10] } } : {}),
    });
    const theta = await out.theta.download();
    const viaSample = await est.sample(xObs, n, 17);
    viaSample.forEach((row, i) => row.forEach((v, j) => expect(theta[i * 2 + j]).toBeCloseTo(v, 5)));
    await fresh.release();
  });

  it('rejects an x of the wrong length, naming both lengths', async () => {
    await expect(est.sample(Float64Array.of(1, 2), 5, 1)).rejects.toThrow(/x has 2 values, expected 3/);
  });
});

describe('trainDensityEstimator', () => {
  it('stops when cancelled, between steps, and still returns a usable estimator', async () => {
    const signal = { aborted: false };
    const e = await trainDensityEstimator(runtime, linearGaussian(600, 5), { kind: 'maf', transforms: 2, hidden: 8 }, {
      seed: 1, signal, onEpoch: (p) => { if (p.epoch === 3) signal.aborted = true; },
    });
    expect(e.stoppedBy).toBe('cancelled');
    expect(e.history.length).toBe(3);
    expect((await e.sample(xObs, 4, 1)).every((r) => r.every(Number.isFinite))).toBe(true);
    await e.release();
  });

  it('is reproducible: same seed, same losses', async () => {
    const run = () => trainDensityEstimator(runtime, linearGaussian(400, 6), { kind: 'maf', transforms: 2, hidden: 8 }, { seed: 9, maxEpochs: 3 });
    const [a, b] = [await run(), await run()];
    expect(a.stoppedBy).toBe('max-epochs');
    expect(b.history).toEqual(a.history);
  });

  it('names what is wrong with a bad training set', async () => {
    const set = linearGaussian(10, 1);
    set.x[4] = Float64Array.of(1, NaN, 2);
    await expect(trainDensityEstimator(runtime, set, { kind: 'maf' }, { seed: 1 })).rejects.toThrow(/x\[4\] has a non-finite value/);
    await expect(trainDensityEstimator(runtime, { theta: set.theta, x: set.x.slice(1) }, { kind: 'maf' }, { seed: 1 })).rejects.toThrow(/10 θ rows but 9 x rows/);
  });
});
