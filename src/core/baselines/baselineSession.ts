import type { Dataset } from '../data/Dataset.ts';
import type { TensorRuntime } from '../npe/TensorRuntime.ts';
import { fitBaseline, type BaselineFit, type BaselineMethod } from './fitBaseline.ts';
import type { MlpEpoch } from './mlp/trainMlpBaseline.ts';

/** What a baseline worker exposes: fit one baseline at a time, and cancel it. */
export interface BaselineSessionApi {
  /**
   * Fits `method` on the dataset's train split (a seeded subset of `trajectories` of them when given),
   * calling `onEpoch` after every MLP epoch. Rejects with an AbortError after {@link cancel}.
   */
  fit(method: BaselineMethod, dataset: Dataset, opts: { trajectories?: number; seed: number; maxEpochs?: number }, onEpoch?: (e: MlpEpoch) => void): Promise<BaselineFit>;
  /** Stops the fit in progress at its next minibatch (no-op when idle). */
  cancel(): void;
  /** The ONNX execution provider the MLP trains on ('webgpu' or 'wasm'), once known. */
  provider(): Promise<string>;
}

/**
 * The baseline worker's API (workers/baselineWorker.ts wraps it with comlink). The runtime is made on
 * first use and kept. A signal cannot cross a worker boundary, so cancelling is a method that flips the
 * current fit's flag, which the training loop checks between minibatches; `yieldToEvents` (a real task
 * boundary, injected by the worker) lets that cancel message in while training runs.
 */
export function createBaselineSession(makeRuntime: () => Promise<TensorRuntime>, yieldToEvents?: () => Promise<void>): BaselineSessionApi {
  let runtime: Promise<TensorRuntime> | undefined;
  let current: { aborted: boolean } | undefined;
  const getRuntime = () => (runtime ??= makeRuntime());
  return {
    async fit(method, dataset, opts, onEpoch) {
      if (current) current.aborted = true; // a new fit replaces one still running
      const signal = { aborted: false };
      current = signal;
      try {
        return await fitBaseline(method, dataset, {
          seed: opts.seed, trajectories: opts.trajectories, signal, onEpoch, yieldToEvents,
          runtime: method === 'mlp' ? await getRuntime() : undefined,
          mlp: { maxEpochs: opts.maxEpochs },
        });
      } finally {
        if (current === signal) current = undefined;
      }
    },
    cancel() {
      if (current) current.aborted = true;
    },
    async provider() {
      return (await getRuntime()).provider;
    },
  };
}
