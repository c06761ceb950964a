import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../core/rng/createRng.ts';
import { GraphBuilder } from '../core/npe/onnx/GraphBuilder.ts';
import { encodeModel } from '../core/npe/onnx/encodeModel.ts';
import { ADAM_DEFAULTS, appendAdamUpdate, type AdamConfig } from '../core/npe/estimator/appendAdamUpdate.ts';
import type { DeviceTensor, Feed, TensorRuntime } from '../core/npe/TensorRuntime.ts';
import { createOrtRuntime } from './createOrtRuntime.ts';

/** Hand-written PyTorch clip_grad_norm_ + Adam, float64. */
function referenceStep(p: number[][], g: number[][], m: number[][], v: number[][], t: number, c: AdamConfig) {
  const norm = Math.sqrt(g.flat().reduce((a, x) => a + x * x, 0));
  const coef = Math.min(1, c.clipNorm / (norm + 1e-6));
  const bc1 = 1 - c.beta1 ** t, bc2 = 1 - c.beta2 ** t;
  p.forEach((pi, i) => pi.forEach((_, j) => {
    const gj = g[i][j] * coef;
    m[i][j] = c.beta1 * m[i][j] + (1 - c.beta1) * gj;
    v[i][j] = c.beta2 * v[i][j] + (1 - c.beta2) * gj * gj;
    p[i][j] -= (c.learningRate / bc1) * m[i][j] / (Math.sqrt(v[i][j]) / Math.sqrt(bc2) + c.eps);
  }));
}

let runtime: TensorRuntime;
beforeAll(async () => { runtime = await createOrtRuntime({ numThreads: 1, detectWebGpu: async () => false }); });

describe('clip + Adam graph vs a hand-written reference', () => {
  const shapes = [[3, 2], [4]];
  const cfg: AdamConfig = { ...ADAM_DEFAULTS, learningRate: 0.05, clipNorm: 5 };

  it('6 steps (gradients alternating above and below the clip norm): params, m, v within 1e-5 relative', async () => {
    const b = new GraphBuilder('adam');
    const ps = shapes.map((s, i) => b.input(`p${i}`, s));
    const gs = shapes.map((s, i) => b.input(`g${i}`, s));
    const ms = shapes.map((s, i) => b.input(`m${i}`, s));
    const vs = shapes.map((s, i) => b.input(`v${i}`, s));
    const up = appendAdamUpdate(b, ps, gs, ms, vs, b.input('t', []), cfg);
    shapes.forEach((_, i) => { b.output(`np${i}`, up.params[i]); b.output(`nm${i}`, up.m[i]); b.output(`nv${i}`, up.v[i]); });
    b.output('norm', up.gradNorm);
    const session = await runtime.createSession(encodeModel(b.build()));

    const rng = createRng(4);
    const sizes = shapes.map((s) => s.reduce((a, c) => a * c, 1));
    const p = sizes.map((n) => Array.from({ length: n }, () => rng.normal()));
    const m = sizes.map((n) => new Array<number>(n).fill(0));
    const v = sizes.map((n) => new Array<number>(n).fill(0));
    let state: Record<string, Feed> = {};
    shapes.forEach((s, i) => {
      state[`p${i}`] = { data: Float32Array.from(p[i]), dims: s };
      state[`m${i}`] = { data: new Float32Array(sizes[i]), dims: s };
      state[`v${i}`] = { data: new Float32Array(sizes[i]), dims: s };
    });
    let clipped = 0;
    for (let t = 1; t <= 6; t++) {
      const scale = t % 2 ? 10 : 0.3; // ‖g‖ ≈ 10·√10 (clipped) or ≈ 0.3·√10 (not)
      const g = sizes.map((n) => Array.from({ length: n }, () => Math.fround(rng.normal() * scale)));
      if (Math.sqrt(g.flat().reduce((a, x) => a + x * x, 0)) > cfg.clipNorm) clipped++;
      const out = await session.run({ ...state, ...Object.fromEntries(g.map((gi, i) => [`g${i}`, { data: Float32Array.from(gi), dims: shapes[i] }])), t: { data: Float32Array.of(t), dims: [] } });
      referenceStep(p, g, m, v, t, cfg);
      const next: Record<string, DeviceTensor> = {};
      for (let i = 0; i < shapes.length; i++) {
        for (const [key, ref] of [['p', p], ['m', m], ['v', v]] as const) {
          const got = await out[`n${key}${i}`].download();
          got.forEach((x, j) => expect(Math.abs(x - ref[i][j]), `${key}${i}[${j}] step ${t}`).toBeLessThanOrEqual(1e-5 * Math.max(1e-3, Math.abs(ref[i][j]))));
          next[`${key}${i}`] = out[`n${key}${i}`]; // fed back as device tensors, as training does
        }
      }
      state = next;
    }
    expect(clipped).toBe(3);
    await session.release();
  });
});
