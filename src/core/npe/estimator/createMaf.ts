import type { T } from '../onnx/Graph.ts';
import type { GraphBuilder } from '../onnx/GraphBuilder.ts';
import { uniformInit, type DensityNetwork, type ParamSpec } from './DensityNetwork.ts';
import { madeMasks } from './madeMasks.ts';

/**
 * |log scale| per transform is soft-clamped to this (C·tanh(a/C)): a transform can stretch or shrink by
 * up to e³ ≈ 20, five of them by e¹⁵ — ample for posteriors much narrower than the prior — while one
 * bad step cannot produce an exp overflow (sampling draws far in the tails would otherwise blow up).
 */
const LOG_SCALE_BOUND = 3;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

interface Made { w1: T; wc: T; b1: T; w2: T; b2: T; wa: T; ba: T; wm: T; bm: T }

/**
 * Conditional masked autoregressive flow (Papamakarios et al. 2017; sbi's default estimator): K affine
 * MADE transforms with the order reversed between them and a standard normal base. Transform k maps
 * u → (u − μ(u<, x)) · exp(−α(u<, x)); each MADE has two tanh hidden layers of H units, and the context
 * x enters the first hidden layer through an unmasked linear map (as nflows does).
 */
export function createMaf(thetaDim: number, xDim: number, transforms = 5, hidden = 50): DensityNetwork {
  const d = thetaDim, h = hidden;
  const masks = madeMasks(d, h);
  const reverse = Array.from({ length: d }, (_, i) => d - 1 - i);
  const params: ParamSpec[] = [];
  for (let k = 0; k < transforms; k++) {
    const p = (name: string, dims: number[], fanIn: number, scale = 1) => params.push({ name: `t${k}.${name}`, dims, init: uniformInit(dims, fanIn, scale) });
    p('w1', [d, h], d); p('wc', [xDim, h], xDim); p('b1', [h], d);
    p('w2', [h, h], h); p('b2', [h], h);
    // output heads start small, so the untrained flow is close to the identity
    p('wa', [h, d], h, 0.1); p('ba', [d], h, 0.1); p('wm', [h, d], h, 0.1); p('bm', [d], h, 0.1);
  }

  /** Mask products are formed once per graph and transform, then reused by every MADE pass. */
  function madeWeights(b: GraphBuilder, p: Record<string, T>, k: number): Made {
    const m1 = b.constant(masks.input, [d, h]), m2 = b.constant(masks.hidden, [h, h]), mo = b.constant(masks.output, [h, d]);
    const q = (n: string) => p[`t${k}.${n}`];
    return {
      w1: b.mul(q('w1'), m1), wc: q('wc'), b1: q('b1'), w2: b.mul(q('w2'), m2), b2: q('b2'),
      wa: b.mul(q('wa'), mo), ba: q('ba'), wm: b.mul(q('wm'), mo), bm: q('bm'),
    };
  }

  /** One MADE pass: log-scale α and shift μ, each [n, D]; xc = xz·Wc + b1 is precomputed per transform. */
  function made(b: GraphBuilder, w: Made, u: T, xc: T): { alpha: T; mu: T } {
    const h1 = b.tanh(b.add(b.matmul(u, w.w1), xc));
    const h2 = b.tanh(b.add(b.matmul(h1, w.w2), w.b2));
    const raw = b.add(b.matmul(h2, w.wa), w.ba);
    const alpha = b.mul(b.tanh(b.div(raw, LOG_SCALE_BOUND)), LOG_SCALE_BOUND);
    return { alpha, mu: b.add(b.matmul(h2, w.wm), w.bm) };
  }

  return {
    thetaDim, xDim, params,
    noise: [{ name: 'eps', width: d, distribution: 'normal' }],
    logProb(b, p, thetaZ, xZ) {
      let u = thetaZ;
      let logDet: T | undefined;
      for (let k = 0; k < transforms; k++) {
        if (k > 0) u = b.permute(u, reverse, 1);
        const w = madeWeights(b, p, k);
        const { alpha, mu } = made(b, w, u, b.add(b.matmul(xZ, w.wc), w.b1));
        u = b.mul(b.sub(u, mu), b.exp(b.neg(alpha)));
        logDet = logDet ? b.add(logDet, alpha) : alpha;
      }
      // log q = log N(z; 0, I) − Σ α = −Σ (z²/2 + α + log(2π)/2)  (dz/dθz has determinant exp(−Σα))
      const perDim = b.add(b.mul(b.mul(u, u), 0.5), b.add(logDet!, HALF_LOG_2PI));
      return b.neg(b.reduceSum(perDim, [1]));
    },
    sample(b, p, noise, xZ) {
      let z = noise.eps;
      for (let k = transforms - 1; k >= 0; k--) {
        const w = madeWeights(b, p, k);
        const xc = b.add(b.matmul(xZ, w.wc), w.b1);
        // Inverting an autoregressive map: pass i fixes coordinate i (it only needs 0..i−1, already
        // fixed), so D passes starting from zeros give the exact inverse.
        let u = b.mul(z, 0);
        for (let i = 0; i < d; i++) {
          const { alpha, mu } = made(b, w, u, xc);
          u = b.add(b.mul(z, b.exp(alpha)), mu);
        }
        z = k > 0 ? b.permute(u, reverse, 1) : u;
      }
      return z;
    },
  };
}
