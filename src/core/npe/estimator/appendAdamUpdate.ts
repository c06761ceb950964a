import type { T } from '../onnx/Graph.ts';
import type { GraphBuilder } from '../onnx/GraphBuilder.ts';

export interface AdamConfig {
  learningRate: number;
  clipNorm: number;
  beta1: number;
  beta2: number;
  eps: number;
}

export const ADAM_DEFAULTS: Omit<AdamConfig, 'learningRate' | 'clipNorm'> = { beta1: 0.9, beta2: 0.999, eps: 1e-8 };

/**
 * Global-norm gradient clipping followed by one Adam step, exactly as PyTorch's
 * `clip_grad_norm_(max_norm)` + `Adam` (sbi's training loop) compute them:
 *   c = min(1, max_norm / (‖g‖₂ + 1e-6)),  g ← c·g
 *   m ← β1 m + (1−β1) g,  v ← β2 v + (1−β2) g²
 *   p ← p − (lr / (1−β1ᵗ)) · m / (√v / √(1−β2ᵗ) + eps)
 * `t` is the 1-based step count, a float scalar input.
 */
export function appendAdamUpdate(
  b: GraphBuilder, params: T[], grads: T[], m: T[], v: T[], t: T, cfg: AdamConfig,
): { params: T[]; m: T[]; v: T[]; gradNorm: T } {
  const squares = grads.map((g) => b.reduceSum(b.mul(g, g)));
  const gradNorm = b.sqrt(squares.reduce((acc, s) => b.add(acc, s)));
  const coef = b.min(b.div(cfg.clipNorm, b.add(gradNorm, 1e-6)), 1);
  const stepSize = b.div(cfg.learningRate, b.sub(1, b.pow(cfg.beta1, t)));
  const sqrtBias2 = b.sqrt(b.sub(1, b.pow(cfg.beta2, t)));
  const out = { params: [] as T[], m: [] as T[], v: [] as T[], gradNorm };
  params.forEach((p, i) => {
    const g = b.mul(grads[i], coef);
    const mNew = b.add(b.mul(m[i], cfg.beta1), b.mul(g, 1 - cfg.beta1));
    const vNew = b.add(b.mul(v[i], cfg.beta2), b.mul(b.mul(g, g), 1 - cfg.beta2));
    const denom = b.add(b.div(b.sqrt(vNew), sqrtBias2), cfg.eps);
    out.params.push(b.sub(p, b.mul(b.div(mNew, denom), stepSize)));
    out.m.push(mNew);
    out.v.push(vNew);
  });
  return out;
}
