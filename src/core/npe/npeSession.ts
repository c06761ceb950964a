import type { BatchEvaluator, CalibrationProgress } from '../calibrate/Calibrator.ts';
import type { ParameterSpec } from '../sim/types.ts';
import type { EstimatorKind, TrainedEstimator } from './estimator/DensityEstimator.ts';
import { npeCalibrator, type NpeResult } from './npeCalibrator.ts';
import type { SummarySimulator } from './simulateSummaries.ts';
import { observedSummary, summarySpec, type SummarySpec } from './summaryStatistics.ts';
import type { Dataset } from '../data/Dataset.ts';
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
   * NPE rounds: 2 (the CLI's default: round 2 on the box the first posterior occupies) or 1 (the
   * paper's). Absent = 1, what runs made before rounds were offered used.
   */
  rounds?: 1 | 2;
  /**
   * The point estimate: `fitness-pick` (the CLI's default: the best of the posterior mean, median and
   * 100 samples by the one-step fitness on the training data; needs `evaluate` in {@link NpeSessionApi.run})
   * or `posterior-mean` (the paper's; the default when absent).
   */
  pointEstimate?: 'fitness-pick' | 'posterior-mean';
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
  /**
   * The summary spec of the dataset's train split and the observed summary x_obs. Thousands of replay
   * windows: 0.1–0.2 s on a page's first run, 0.3–0.5 s under load, so the page asks here instead of
   * blocking itself. Only the train split is read (the page sends no other).
   */
  observe(dataset: Dataset): { spec: SummarySpec; observed: Float64Array };
  /**
   * @param evaluate the one-step fitness on the training data, for the `fitness-pick` point estimate.
   * It runs the user's program, so it must run where simulations do (the page passes the simulation
   * pool's evaluator through), never in this worker, which computes trusted numbers.
   */
  run(
    request: NpeSessionRequest, simulate: SummarySimulator, onProgress: (p: CalibrationProgress) => void,
    onProvider?: (provider: string) => void, evaluate?: BatchEvaluator,
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
    observe(dataset) {
      const spec = summarySpec(dataset);
      return { spec, observed: observedSummary(dataset, spec) };
    },
    async run(req, simulate, onProgress, onProvider, evaluate) {
      const pick = req.pointEstimate === 'fitness-pick';
      if (pick && !evaluate) throw new Error('NPE: the fitness-picked point estimate needs an evaluator (the one-step fitness on the training data); pass one, or ask for the posterior mean');
      signal = { aborted: false };
      const runtime = await runtimeFor(req.provider);
      onProvider?.(runtime.provider);
      const { estimator, ...result } = await npeCalibrator.run(req.parameters, simulate, {
        seed: req.seed, runtime, observed: req.observed, simulations: req.simulations, estimator: { kind: req.estimator },
        train: { maxEpochs: req.maxEpochs }, samples: req.samples, sbc: req.sbc, signal, onProgress,
        now, keepEstimator: true, rounds: req.rounds ?? 1, evaluator: pick ? evaluate : undefined,
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
