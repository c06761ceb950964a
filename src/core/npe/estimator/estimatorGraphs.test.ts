import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng/createRng.ts';
import { interpretGraph, type Tensor64 } from '../onnx/interpretGraph.ts';
import { buildLogProbGraph, buildLossGradientGraph, buildSamplerGraph } from './buildEstimatorGraphs.ts';
import { createMaf } from './createMaf.ts';
import { createMdn } from './createMdn.ts';
import type { DensityNetwork } from './DensityNetwork.ts';
import type { ZScore } from './zScore.ts';

const t64 = (dims: number[], data: ArrayLike<number>): Tensor64 => ({ dims, data: Float64Array.from(data) });

/** Initial weights scaled up so the tiny flow is far from the identity (a stronger test than the init). */
function randomWeights(net: DensityNetwork, seed: number, scale = 3): Map<string, Float32Array> {
  const rng = createRng(seed);
  return new Map(net.params.map((p) => [p.name, p.init(rng).map((v) => v * scale)]));
}

const z2: ZScore = {
  thetaMean: Float64Array.of(0.5, -1), thetaStd: Float64Array.of(2, 0.5),
  xMean: Float64Array.of(1, 0, 3), xStd: Float64Array.of(1, 2, 0.5),
};

const TINY: [string, () => DensityNetwork][] = [
  ['MAF (2 transforms, 4 hidden)', () => createMaf(2, 3, 2, 4)],
  ['MDN (3 diagonal components, 4 hidden)', () => createMdn(2, 3, 3, 4)],
];

describe.each(TINY)('%s loss gradient', (_, make) => {
  it('matches central finite differences for every weight, |Δ| ≤ 1e-6 + 1e-5·|g|', () => {
    const net = make();
    const graph = buildLossGradientGraph(net, z2);
    const rng = createRng(3);
    const weights = randomWeights(net, 5);
    const feeds: Record<string, Tensor64> = {
      theta: t64([5, 2], Array.from({ length: 10 }, () => rng.normal(0, 2))),
      x: t64([5, 3], Array.from({ length: 15 }, () => rng.normal(1, 1))),
    };
    for (const p of net.params) feeds[p.name] = t64(p.dims, weights.get(p.name)!);
    const env = interpretGraph(graph, feeds);
    const h = 1e-6;
    let checked = 0;
    for (const p of net.params) {
      const g = env.get(`grad.${p.name}`)!;
      const w = feeds[p.name];
      for (let i = 0; i < w.data.length; i++) {
        const at = (delta: number) => {
          const data = Float64Array.from(w.data); data[i] += delta;
          return interpretGraph(graph, { ...feeds, [p.name]: { dims: w.dims, data } }).get('loss')!.data[0];
        };
        const fd = (at(h) - at(-h)) / (2 * h);
        expect(Math.abs(g.data[i] - fd), `${p.name}[${i}]: analytic ${g.data[i]}, fd ${fd}`).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(fd));
        checked++;
      }
    }
    expect(checked).toBe(net.params.reduce((a, p) => a + p.dims.reduce((x, y) => x * y, 1), 0));
  });

});

describe('MADE masks', () => {
  it('masks make the gradient of a masked-out weight exactly zero', () => {
    const net = createMaf(2, 1, 1, 3);
    const graph = buildLossGradientGraph(net, { thetaMean: Float64Array.of(0, 0), thetaStd: Float64Array.of(1, 1), xMean: Float64Array.of(0), xStd: Float64Array.of(1) });
    const feeds: Record<string, Tensor64> = { theta: t64([2, 2], [0.3, -1, 2, 0.5]), x: t64([2, 1], [1, -1]) };
    const weights = randomWeights(net, 2);
    for (const p of net.params) feeds[p.name] = t64(p.dims, weights.get(p.name)!);
    const g = interpretGraph(graph, feeds).get('grad.t0.w1')!;
    // D = 2: hidden degrees are all 1, so input 2 (degree 2) feeds nothing → row 1 of w1 has no gradient
    expect(g.data.slice(3).every((v) => v === 0)).toBe(true);
    expect(g.data.slice(0, 3).some((v) => v !== 0)).toBe(true);
  });
});

const SMALL: [string, () => DensityNetwork][] = [
  ['MAF (3 transforms, 8 hidden)', () => createMaf(2, 3, 3, 8)],
  ['MDN (4 components, 8 hidden)', () => createMdn(2, 3, 4, 8)],
];

describe.each(SMALL)('%s: sampler and log-prob are consistent (float64 interpreter, random non-trivial weights)', (_, make) => {
  const net = make();
  const weights = randomWeights(net, 11, 2);
  const x = t64([1, 3], [0.5, -1, 3.2]);

  it('exp(log_prob) integrates to 1 ± 0.01 over a grid, and the samples\' mean/std match the grid\'s within 0.05 std', () => {
    const n = 20000;
    const rng = createRng(9);
    const noise = Object.fromEntries(net.noise.map((s) => [s.name, t64([n, s.width],
      Array.from({ length: n * s.width }, () => (s.distribution === 'normal' ? rng.normal() : rng.uniform(1e-7, 1 - 1e-7))))]));
    const theta = interpretGraph(buildSamplerGraph(net, z2, weights), { x, ...noise }).get('theta')!;
    const mean = [0, 1].map((j) => theta.data.filter((_, i) => i % 2 === j).reduce((a, v) => a + v, 0) / n);
    const std = [0, 1].map((j) => Math.sqrt(theta.data.filter((_, i) => i % 2 === j).reduce((a, v) => a + (v - mean[j]) ** 2, 0) / n));
    // a grid covering ±8 sample std around the sample mean
    const m = 160;
    const lo = mean.map((mu, j) => mu - 8 * std[j]);
    const step = std.map((s) => (16 * s) / m);
    const pts: number[] = [];
    for (let a = 0; a < m; a++) for (let c = 0; c < m; c++) pts.push(lo[0] + (a + 0.5) * step[0], lo[1] + (c + 0.5) * step[1]);
    const lp = interpretGraph(buildLogProbGraph(net, z2, weights), { theta: t64([m * m, 2], pts), x }).get('log_prob')!;
    let mass = 0; const gm = [0, 0];
    lp.data.forEach((l, i) => {
      const w = Math.exp(l) * step[0] * step[1];
      mass += w; gm[0] += w * pts[2 * i]; gm[1] += w * pts[2 * i + 1];
    });
    expect(mass).toBeGreaterThan(0.99);
    expect(mass).toBeLessThan(1.01);
    for (const j of [0, 1]) expect(Math.abs(gm[j] / mass - mean[j])).toBeLessThan(0.05 * std[j]);
  });

  it('log_prob includes the z-scoring Jacobian: doubling σθ, μθ and θ lowers it by log 4 (±1e-6, float32 constants)', () => {
    const theta = t64([2, 2], [0.1, -1.2, 1.5, -0.8]);
    const base = interpretGraph(buildLogProbGraph(net, z2, weights), { theta, x }).get('log_prob')!;
    // doubling every physical θ scale and θ doubles the volume: log q drops by log 4 exactly
    const z4 = { ...z2, thetaStd: z2.thetaStd.map((s) => 2 * s), thetaMean: z2.thetaMean.map((s) => 2 * s) };
    const scaled = interpretGraph(buildLogProbGraph(net, z4, weights), { theta: t64([2, 2], theta.data.map((v) => 2 * v)), x }).get('log_prob')!;
    base.data.forEach((b, i) => expect(scaled.data[i]).toBeCloseTo(b - Math.log(4), 6));
  });
});
