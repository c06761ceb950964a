import type { T } from '../onnx/Graph.ts';
import type { GraphBuilder } from '../onnx/GraphBuilder.ts';
import { uniformInit, type DensityNetwork, type ParamSpec } from './DensityNetwork.ts';

/** log σ of each component is soft-clamped to ±7 (σ ∈ [1e-3, 1e3] in z-scored units): no exp overflow. */
const LOG_STD_BOUND = 7;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Mixture density network (Bishop 1994; sbi's `mdn`): a 2-layer tanh MLP maps x to the weights, means
 * and standard deviations of K Gaussians over θ. Covariances are diagonal — a deliberate simplification
 * of sbi's full-covariance MDN: a mixture of diagonal Gaussians still represents correlated posteriors
 * (with more components), and it needs no Cholesky factor in the graph.
 */
export function createMdn(thetaDim: number, xDim: number, components = 10, hidden = 50): DensityNetwork {
  const d = thetaDim, h = hidden, k = components;
  const params: ParamSpec[] = [];
  const p = (name: string, dims: number[], fanIn: number, scale = 1) => params.push({ name, dims, init: uniformInit(dims, fanIn, scale) });
  p('w1', [xDim, h], xDim); p('b1', [h], xDim); p('w2', [h, h], h); p('b2', [h], h);
  p('wl', [h, k], h, 0.1); p('bl', [k], h, 0.1);
  // component means start spread out (bias ~ U(±1) in z-scored units) so they do not collapse onto one
  p('wm', [h, k * d], h, 0.1); p('bm', [k * d], 1, 1);
  p('ws', [h, k * d], h, 0.1); p('bs', [k * d], h, 0.1);

  /** Mixture parameters for each row of xz: log-weights [n, K], means and log-stds [n, K, D]. */
  function mixture(b: GraphBuilder, q: Record<string, T>, xZ: T) {
    const h1 = b.tanh(b.add(b.matmul(xZ, q.w1), q.b1));
    const h2 = b.tanh(b.add(b.matmul(h1, q.w2), q.b2));
    const logits = b.add(b.matmul(h2, q.wl), q.bl);
    const logW = b.sub(logits, b.logSumExp(logits, 1));
    const mu = b.reshape(b.add(b.matmul(h2, q.wm), q.bm), [0, k, d]);
    const rawStd = b.reshape(b.add(b.matmul(h2, q.ws), q.bs), [0, k, d]);
    const logStd = b.mul(b.tanh(b.div(rawStd, LOG_STD_BOUND)), LOG_STD_BOUND);
    return { logW, mu, logStd };
  }

  return {
    thetaDim, xDim, params,
    noise: [
      { name: 'eps', width: d, distribution: 'normal' },
      { name: 'u', width: k, distribution: 'uniform' },
    ],
    logProb(b, q, thetaZ, xZ) {
      const { logW, mu, logStd } = mixture(b, q, xZ);
      const dev = b.mul(b.sub(b.unsqueeze(thetaZ, [1]), mu), b.exp(b.neg(logStd)));
      // per component: −Σ_d (dev²/2 + log σ + log(2π)/2), then log Σ_k w_k N_k
      const perDim = b.add(b.mul(b.mul(dev, dev), 0.5), b.add(logStd, HALF_LOG_2PI));
      const logComp = b.neg(b.reduceSum(perDim, [2]));
      return b.reshape(b.logSumExp(b.add(logW, logComp), 1), [0]);
    },
    sample(b, q, noise, xZ) {
      const { logW, mu, logStd } = mixture(b, q, xZ);
      // Gumbel-max picks component k with probability w_k: argmax_k(log w_k − log(−log u_k))
      const gumbel = b.neg(b.log(b.neg(b.log(noise.u))));
      const pick = b.unsqueeze(b.oneHotArgMax(b.add(logW, gumbel), 1), [2]);
      const draw = b.add(mu, b.mul(b.exp(logStd), b.unsqueeze(noise.eps, [1])));
      return b.reduceSum(b.mul(pick, draw), [1]);
    },
  };
}
