import { createRng } from '../../rng/createRng.ts';
import { encodeModel } from '../onnx/encodeModel.ts';
import type { TensorRuntime, TensorSession } from '../TensorRuntime.ts';
import type { EpochProgress, EstimatorKind, TrainedEstimator } from './DensityEstimator.ts';
import type { DensityNetwork } from './DensityNetwork.ts';
import { buildLogProbGraph, buildSamplerGraph, type Weights } from './buildEstimatorGraphs.ts';
import type { ZScore } from './zScore.ts';

export interface TrainedParts {
  kind: EstimatorKind;
  net: DensityNetwork;
  z: ZScore;
  weights: Weights;
  history: EpochProgress[];
  stoppedBy: TrainedEstimator['stoppedBy'];
}

/** Draws the sampler's noise inputs from the seeded stream: row-major, inputs in declaration order. */
export function drawNoise(net: DensityNetwork, n: number, seed: number): Record<string, { data: Float32Array; dims: number[] }> {
  const rng = createRng(seed);
  const out: Record<string, { data: Float32Array; dims: number[] }> = {};
  for (const s of net.noise) {
    const data = new Float32Array(n * s.width);
    for (let i = 0; i < data.length; i++) data[i] = s.distribution === 'normal' ? rng.normal() : rng.uniform(1e-7, 1 - 1e-7);
    out[s.name] = { data, dims: [n, s.width] };
  }
  return out;
}

function describeSampler(net: DensityNetwork, kind: EstimatorKind): string {
  const noise = net.noise.map((s) => `  ${s.name}: float32 [n, ${s.width}], i.i.d. ${s.distribution === 'normal' ? 'standard normal' : 'uniform(0, 1)'}`);
  return [
    `G-Sim Studio posterior sampler (${kind === 'maf' ? 'masked autoregressive flow' : 'mixture density network'}), ONNX opset 18.`,
    'Inputs:',
    `  x: float32 [1, ${net.xDim}], the observation's summary statistics (physical units; z-scoring is inside)`,
    ...noise,
    'Output:',
    `  theta: float32 [n, ${net.thetaDim}], n posterior draws in physical units (not truncated to the prior)`,
  ].join('\n');
}

const rowsOf = (data: Float32Array, n: number, d: number) => Array.from({ length: n }, (_, i) => Float64Array.from(data.subarray(i * d, (i + 1) * d)));

/** The trained estimator: sampler and log-prob graphs with the best weights baked in, sessions made on first use. */
export function createTrainedEstimator(runtime: TensorRuntime, parts: TrainedParts): TrainedEstimator {
  const { net, z, weights, kind } = parts;
  let sampler: Promise<TensorSession> | undefined;
  let logProbSession: Promise<TensorSession> | undefined;
  const samplerBytes = () => encodeModel(buildSamplerGraph(net, z, weights), describeSampler(net, kind));
  const checkX = (x: Float64Array) => {
    if (x.length !== net.xDim) throw new Error(`estimator: x has ${x.length} values, expected ${net.xDim}`);
  };
  return {
    kind, thetaDim: net.thetaDim, xDim: net.xDim, provider: runtime.provider,
    history: parts.history, stoppedBy: parts.stoppedBy,
    async sample(x, n, seed) {
      checkX(x);
      if (!(Number.isInteger(n) && n > 0)) throw new Error(`estimator.sample: n must be a positive integer, got ${n}`);
      const session = await (sampler ??= runtime.createSession(samplerBytes()));
      const out = await session.run({ x: { data: Float32Array.from(x), dims: [1, net.xDim] }, ...drawNoise(net, n, seed) });
      const data = await out.theta.download();
      out.theta.dispose();
      return rowsOf(data, n, net.thetaDim);
    },
    async logProb(theta, x) {
      checkX(x);
      const bad = theta.findIndex((t) => t.length !== net.thetaDim);
      if (bad >= 0) throw new Error(`estimator.logProb: theta[${bad}] has ${theta[bad].length} values, expected ${net.thetaDim}`);
      if (theta.length === 0) return new Float64Array(0);
      const session = await (logProbSession ??= runtime.createSession(encodeModel(buildLogProbGraph(net, z, weights))));
      const flat = new Float32Array(theta.length * net.thetaDim);
      theta.forEach((t, i) => flat.set(t, i * net.thetaDim));
      const out = await session.run({ theta: { data: flat, dims: [theta.length, net.thetaDim] }, x: { data: Float32Array.from(x), dims: [1, net.xDim] } });
      const lp = Float64Array.from(await out.log_prob.download());
      out.log_prob.dispose();
      return lp;
    },
    toOnnx: () => ({ model: samplerBytes(), description: describeSampler(net, kind) }),
    async release() {
      const all = [sampler, logProbSession];
      sampler = logProbSession = undefined;
      for (const s of all) if (s) await (await s).release();
    },
  };
}
