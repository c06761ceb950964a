import type { CancelSignal } from '../../util/CancelSignal.ts';

/**
 * The contract between the NPE pipeline (simulate → train → sample → diagnose) and the conditional
 * density estimator q(θ | x), whose network, loss, backward pass and Adam update are ONNX graphs built in
 * core and run by an injected {@link TensorRuntime} (onnxruntime-web: WebGPU or WASM in the browser,
 * its Node build in the CLI and tests). Core never imports onnxruntime itself.
 */

/** Conditional masked autoregressive flow (sbi's default) or mixture density network. */
export type EstimatorKind = 'maf' | 'mdn';

export interface EstimatorConfig {
  kind: EstimatorKind;
  /** MAF: number of MADE transforms (default 5), with permutations between them. */
  transforms?: number;
  /** Hidden units per layer (default 50). */
  hidden?: number;
  /** MDN: mixture components (default 10). */
  components?: number;
}

/** sbi's training defaults unless stated. */
export interface TrainConfig {
  /** Adam learning rate (default 5e-4). */
  learningRate?: number;
  /** Minibatch size (default 200). */
  batchSize?: number;
  /** Share of the simulations held out for early stopping (default 0.1). */
  validationFraction?: number;
  /** Stop after this many epochs without a better validation loss (default 20). */
  patience?: number;
  /** Hard cap on epochs. */
  maxEpochs?: number;
  /** Global gradient-norm clip (default 5). */
  clipNorm?: number;
  /** Seeds weight initialisation, the train/validation split and batch order. */
  seed: number;
  signal?: CancelSignal;
  onEpoch?: (e: EpochProgress) => void;
}

export interface EpochProgress {
  epoch: number;
  /** Mean negative log-density (z-scored space) over the epoch's batches. */
  trainLoss: number;
  valLoss: number;
  bestValLoss: number;
}

/** Training pairs in physical units: θ drawn from the prior and x = summaries of the simulation. */
export interface TrainingSet {
  theta: Float64Array[];
  x: Float64Array[];
}

export interface TrainedEstimator {
  readonly kind: EstimatorKind;
  readonly thetaDim: number;
  readonly xDim: number;
  /** The runtime's execution provider, shown to the user ('webgpu', 'wasm', 'cpu'). */
  readonly provider: string;
  readonly history: EpochProgress[];
  readonly stoppedBy: 'patience' | 'max-epochs' | 'cancelled';
  /** n draws θ ~ q(θ | x) in physical units (z-scoring is undone inside). Not truncated to the prior. */
  sample(x: Float64Array, n: number, seed: number): Promise<Float64Array[]>;
  /** log q(θ_i | x) for each θ_i, in physical units (includes the z-scoring Jacobian). */
  logProb(theta: Float64Array[], x: Float64Array): Promise<Float64Array>;
  /**
   * A standalone ONNX model (weights as initializers, z-scoring inside) that samples the posterior,
   * with a short human-readable description of its inputs and outputs for use in other onnxruntimes.
   */
  toOnnx(): { model: Uint8Array; description: string };
  /** Frees sessions and device buffers. */
  release(): Promise<void>;
}
