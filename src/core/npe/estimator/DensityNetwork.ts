import type { Rng } from '../../rng/Rng.ts';
import type { T } from '../onnx/Graph.ts';
import type { GraphBuilder } from '../onnx/GraphBuilder.ts';

/** A trainable tensor with its initial values drawn from the seeded stream. */
export interface ParamSpec {
  name: string;
  dims: number[];
  init(rng: Rng): Float32Array;
}

/** Extra random inputs of the sampling graph, [n, width] each. */
export interface NoiseInput {
  name: string;
  width: number;
  /** How the host draws it (documented in the exported model's description). */
  distribution: 'normal' | 'uniform';
}

/**
 * A conditional density network in z-scored space, written once as graph fragments and reused by every
 * graph (training step, validation loss, log-prob, sampler). Parameters arrive as values: graph inputs
 * while training, baked initializers in the exported sampler.
 */
export interface DensityNetwork {
  readonly thetaDim: number;
  readonly xDim: number;
  readonly params: ParamSpec[];
  readonly noise: NoiseInput[];
  /** log q(θz | xz) per row: [N]. */
  logProb(b: GraphBuilder, p: Record<string, T>, thetaZ: T, xZ: T): T;
  /** θz [n, D] from the noise inputs and xz ([1, Dx], broadcast over the n draws). */
  sample(b: GraphBuilder, p: Record<string, T>, noise: Record<string, T>, xZ: T): T;
}

/** PyTorch's nn.Linear default: U(−1/√fan_in, 1/√fan_in) for weights and biases, optionally shrunk. */
export function uniformInit(dims: number[], fanIn: number, scale = 1): (rng: Rng) => Float32Array {
  const bound = scale / Math.sqrt(Math.max(1, fanIn));
  const n = dims.reduce((a, c) => a * c, 1);
  return (rng) => Float32Array.from({ length: n }, () => rng.uniform(-bound, bound));
}
