import type { CalibrationProgress } from '../calibrate/Calibrator.ts';
import type { ParameterSpec } from '../sim/types.ts';
import type { EstimatorKind, TrainedEstimator } from './estimator/DensityEstimator.ts';
import { npeCalibrator, type NpeResult } from './npeCalibrator.ts';
import type { SummarySimulator } from './simulateSummaries.ts';
import type { TensorRuntime } from './TensorRuntime.ts';

/**
 * Which execution provider the studio asks for. `auto`: WebGPU when the browser offers a hardware
 * adapter, else WASM — a software (fallback) adapter such as SwiftShader trained a COVID-sized step in
 * ≈1.4 s against ≈21 ms on WASM, so auto never picks it. `webgpu`: WebGPU on any adapter. `wasm`: WASM.
 */
export type ProviderChoice = 'auto' | 'webgpu' | 'wasm';

/** One NPE run as the studio asks for it (everything structured-clone friendly). */
export interface NpeSessionRequest {
  parameters: ParameterSpec[];
  observed: Float64Array;
  seed: number;
  simulations: number;
  estimator: EstimatorKind;
  samples: number;
  sbc: { simulations: number; draws: number } | false;
  provider: ProviderChoice;
  maxEpochs?: number;
  /**
   * NPE rounds (default 1 here, the paper's: the studio shows one training curve and one simulation
   * budget; the CLI's default is 2, see NpeOptions.rounds). The studio has no fitness pick yet (it would
   * need the simulation pool's evaluator in this worker), so its point estimate is the posterior mean.
   */
  rounds?: 1 | 2;
  /** Keep this run's estimator for export (default true; the budget comparison's reruns pass false). */
  keepForExport?: boolean;
}

/** The result without the estimator (which stays in the worker for export). */
export type NpeSessionResult = Omit<NpeResult, 'estimator'>;

/**
 * The API of the studio's NPE worker: runs {@link npeCalibrator} where the network lives (so training
 * never blocks the page), asking the page for simulations (which run in the simulation pool) through
 * `simulate`, and keeps the last trained estimator for "Export .onnx". Pure core: the worker file
 * injects the ORT runtime factory and wraps this with comlink.
 */
export interface NpeSessionApi {
  run(
    request: NpeSessionRequest, simulate: SummarySimulator, onProgress: (p: CalibrationProgress) => void,
    onProvider?: (provider: string) => void,
  ): Promise<NpeSessionResult>;
  /** Stops the run in progress (it returns what it has, `cancelled: true`). */
  cancel(): void;
  /** The last trained posterior sampler as an ONNX model with its description; null before any run. */
  exportOnnx(): { model: Uint8Array; description: string } | null;
  /** Draws more samples from the last estimator at x (e.g. for the budget comparison). */
  sample(x: Float64Array, n: number, seed: number): Promise<Float64Array[]>;
}

/** @param now the worker's clock in milliseconds (core has no global clock). */
export function createNpeSession(runtimeFor: (provider: ProviderChoice) => Promise<TensorRuntime>, now: () => number): NpeSessionApi {
  let signal = { aborted: false };
  let last: { estimator: TrainedEstimator; names: string[] } | null = null;
  return {
    async run(req, simulate, onProgress, onProvider) {
      signal = { aborted: false };
      const runtime = await runtimeFor(req.provider);
      onProvider?.(runtime.provider);
      const { estimator, ...result } = await npeCalibrator.run(req.parameters, simulate, {
        seed: req.seed, runtime, observed: req.observed, simulations: req.simulations, estimator: { kind: req.estimator },
        train: { maxEpochs: req.maxEpochs }, samples: req.samples, sbc: req.sbc, signal, onProgress,
        now, keepEstimator: true, rounds: req.rounds ?? 1,
      });
      if (estimator && req.keepForExport === false) await estimator.release();
      else if (estimator) {
        await last?.estimator.release();
        last = { estimator, names: req.parameters.map((p) => p.name) };
      }
      return result;
    },
    cancel() {
      signal.aborted = true;
    },
    exportOnnx() {
      if (!last) return null;
      const { model, description } = last.estimator.toOnnx();
      return { model, description: `${description}\nθ columns, in order: ${last.names.join(', ')}` };
    },
    async sample(x, n, seed) {
      if (!last) throw new Error('NPE: no trained estimator yet; run NPE first');
      return last.estimator.sample(x, n, seed);
    },
  };
}
