import type { Dataset } from '../data/Dataset.ts';
import type { TensorRuntime } from '../npe/TensorRuntime.ts';
import type { CancelSignal } from '../util/CancelSignal.ts';
import { mlpProgram } from './mlp/mlpProgram.ts';
import { trainMlpBaseline, type MlpBaselineOptions, type MlpEpoch } from './mlp/trainMlpBaseline.ts';
import { fitSindy } from './sindy/fitSindy.ts';
import { sindyEquationText, sindyProgram } from './sindy/sindyProgram.ts';

/** The data-driven baselines (paper Table 2's SINDy and a neural world model). */
export type BaselineMethod = 'sindy' | 'mlp';

export const BASELINE_METHODS: readonly BaselineMethod[] = ['sindy', 'mlp'];

/** Display names, as the comparison table shows them. */
export const BASELINE_LABELS: Record<BaselineMethod, string> = { sindy: 'SINDy (sparse regression)', mlp: 'MLP world model' };

/** Options of {@link fitBaseline}. */
export interface FitBaselineOptions {
  /** Fit on a seeded subset of this many train trajectories (all when absent). */
  trajectories?: number;
  seed: number;
  /** The ONNX runtime the MLP trains on (required for 'mlp'). */
  runtime?: TensorRuntime;
  /** MLP settings beyond the defaults (epochs, components, …). */
  mlp?: Omit<MlpBaselineOptions, 'seed' | 'trajectories' | 'signal' | 'onEpoch' | 'yieldToEvents'>;
  signal?: CancelSignal;
  onEpoch?: (e: MlpEpoch) => void;
  /** See {@link MlpBaselineOptions.yieldToEvents}. */
  yieldToEvents?: () => Promise<void>;
}

/**
 * A fitted baseline as a simulator program (no parameters), with what it learned in a few lines.
 * Structured-clone friendly, so a worker can hand it to the page and the page to the sim pool.
 */
export interface BaselineFit {
  method: BaselineMethod;
  /** The program in the simulator form: compile it, load it into a pool, open it in the editor. */
  source: string;
  /** What it learned: SINDy's increment equations; the MLP's epochs, stop reason and provider. */
  summary: string[];
  trainTrajectories: number;
  trainTransitions: number;
  /** MLP training curve (empty for SINDy). */
  history: MlpEpoch[];
}

/**
 * Fits a baseline on the dataset's train split (or a seeded subset of its trajectories) and returns
 * it as a simulator program: the one entry point the CLI, the studio's worker and the bench share.
 * @throws AbortError when cancelled; Error for a dataset with nothing to fit, or 'mlp' without a runtime.
 */
export async function fitBaseline(method: BaselineMethod, dataset: Dataset, opts: FitBaselineOptions): Promise<BaselineFit> {
  if (method === 'sindy') {
    const model = fitSindy(dataset, { trajectories: opts.trajectories, seed: opts.seed, signal: opts.signal });
    return {
      method, source: sindyProgram(model), history: [],
      summary: model.equations.map((e, j) => `${sindyEquationText(model, j)}  (noise: ${e.noise.heteroscedastic ? 'state-dependent' : 'constant'})`),
      trainTrajectories: model.trainTrajectories, trainTransitions: model.trainTransitions,
    };
  }
  if (method === 'mlp') {
    if (!opts.runtime) throw new Error('MLP baseline: no ONNX runtime given');
    const model = await trainMlpBaseline(opts.runtime, dataset, {
      ...opts.mlp, seed: opts.seed, trajectories: opts.trajectories, signal: opts.signal, onEpoch: opts.onEpoch, yieldToEvents: opts.yieldToEvents,
    });
    const last = model.history.at(-1);
    return {
      method, source: mlpProgram(model), history: model.history,
      summary: [
        `${model.components}-component mixture over the increment, ${model.hidden} hidden units × 2 layers, trained on ${model.provider}`,
        `${model.history.length} epochs (stopped by ${model.stoppedBy}), best validation NLL ${last ? last.bestValLoss.toFixed(3) : '—'}`,
      ],
      trainTrajectories: model.trainTrajectories, trainTransitions: model.trainTransitions,
    };
  }
  throw new Error(`unknown baseline method ${JSON.stringify(method)}: expected one of ${BASELINE_METHODS.join(', ')}`);
}
