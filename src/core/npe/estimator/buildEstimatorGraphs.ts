import type { Graph, T } from '../onnx/Graph.ts';
import { GraphBuilder } from '../onnx/GraphBuilder.ts';
import { gradients } from '../onnx/autodiff/gradients.ts';
import { appendAdamUpdate, type AdamConfig } from './appendAdamUpdate.ts';
import type { DensityNetwork } from './DensityNetwork.ts';
import { logThetaScale, type ZScore } from './zScore.ts';

/** Weights by parameter name; when given, a graph bakes them in as initializers instead of inputs. */
export type Weights = Map<string, Float32Array>;

function paramValues(b: GraphBuilder, net: DensityNetwork, weights?: Weights): Record<string, T> {
  const p: Record<string, T> = {};
  for (const s of net.params) {
    const w = weights?.get(s.name);
    if (weights && !w) throw new Error(`estimator: no weights for parameter '${s.name}'`);
    p[s.name] = w ? b.param(s.name, s.dims, w) : b.input(s.name, s.dims);
  }
  return p;
}

const standardise = (b: GraphBuilder, v: T, mean: Float64Array, std: Float64Array) =>
  b.div(b.sub(v, b.constant(mean, [mean.length])), b.constant(std, [std.length]));

function meanNll(b: GraphBuilder, net: DensityNetwork, z: ZScore, p: Record<string, T>): T {
  const theta = b.input('theta', ['N', net.thetaDim]);
  const x = b.input('x', ['N', net.xDim]);
  const logq = net.logProb(b, p, standardise(b, theta, z.thetaMean, z.thetaStd), standardise(b, x, z.xMean, z.xStd));
  return b.neg(b.reduceMean(logq));
}

/**
 * One training step: inputs the weights (by name), their Adam moments `m.<name>`/`v.<name>`, the step
 * count `t` (1-based), a batch `theta` [N, D] and `x` [N, Dx] in physical units; outputs `new.<name>`,
 * `new.m.<name>`, `new.v.<name>` and `loss` (the batch's mean negative log-density in z-scored space,
 * before the update) — forward, backward, clip and Adam in a single graph.
 */
export function buildTrainStepGraph(net: DensityNetwork, z: ZScore, adam: AdamConfig): Graph {
  const b = new GraphBuilder('train_step');
  const p = paramValues(b, net);
  const names = net.params.map((s) => s.name);
  const m = net.params.map((s) => b.input(`m.${s.name}`, s.dims));
  const v = net.params.map((s) => b.input(`v.${s.name}`, s.dims));
  const t = b.input('t', []);
  const loss = meanNll(b, net, z, p);
  const weights = names.map((n) => p[n]);
  const up = appendAdamUpdate(b, weights, gradients(b, loss, weights), m, v, t, adam);
  names.forEach((n, i) => {
    b.output(`new.${n}`, up.params[i]);
    b.output(`new.m.${n}`, up.m[i]);
    b.output(`new.v.${n}`, up.v[i]);
  });
  b.output('loss', loss);
  return b.build();
}

/** Validation: weights, `theta`, `x` → `loss` (mean negative log-density, z-scored space). */
export function buildLossGraph(net: DensityNetwork, z: ZScore): Graph {
  const b = new GraphBuilder('loss');
  b.output('loss', meanNll(b, net, z, paramValues(b, net)));
  return b.build();
}

/** Loss and its gradients `grad.<name>` (no update): what the whole-loss finite-difference test checks. */
export function buildLossGradientGraph(net: DensityNetwork, z: ZScore): Graph {
  const b = new GraphBuilder('loss_gradient');
  const p = paramValues(b, net);
  const loss = meanNll(b, net, z, p);
  b.output('loss', loss);
  const names = net.params.map((s) => s.name);
  gradients(b, loss, names.map((n) => p[n])).forEach((g, i) => b.output(`grad.${names[i]}`, g));
  return b.build();
}

/** `theta` [N, D] and one observation `x` [1, Dx], physical units → `log_prob` [N] (z-scoring Jacobian included). */
export function buildLogProbGraph(net: DensityNetwork, z: ZScore, weights?: Weights): Graph {
  const b = new GraphBuilder('log_prob');
  const p = paramValues(b, net, weights);
  const theta = b.input('theta', ['N', net.thetaDim]);
  const x = b.input('x', [1, net.xDim]);
  const logq = net.logProb(b, p, standardise(b, theta, z.thetaMean, z.thetaStd), standardise(b, x, z.xMean, z.xStd));
  b.output('log_prob', b.sub(logq, logThetaScale(z)));
  return b.build();
}

/** One observation `x` [1, Dx] and the noise inputs [n, ·] → `theta` [n, D] ~ q(θ | x), physical units. */
export function buildSamplerGraph(net: DensityNetwork, z: ZScore, weights?: Weights): Graph {
  const b = new GraphBuilder('posterior_sampler');
  const p = paramValues(b, net, weights);
  const x = b.input('x', [1, net.xDim]);
  const noise: Record<string, T> = {};
  for (const n of net.noise) noise[n.name] = b.input(n.name, ['n', n.width]);
  const thetaZ = net.sample(b, p, noise, standardise(b, x, z.xMean, z.xStd));
  b.output('theta', b.add(b.mul(thetaZ, b.constant(z.thetaStd, [net.thetaDim])), b.constant(z.thetaMean, [net.thetaDim])));
  return b.build();
}
