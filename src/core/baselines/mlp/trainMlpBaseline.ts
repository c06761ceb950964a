import type { Dataset } from '../../data/Dataset.ts';
import { chooseStartStates } from '../../eval/chooseStartStates.ts';
import { ADAM_DEFAULTS } from '../../npe/estimator/appendAdamUpdate.ts';
import { buildLossGraph, buildTrainStepGraph } from '../../npe/estimator/buildEstimatorGraphs.ts';
import { createMdn } from '../../npe/estimator/createMdn.ts';
import { computeZScore, type ZScore } from '../../npe/estimator/zScore.ts';
import { encodeModel } from '../../npe/onnx/encodeModel.ts';
import { isDeviceTensor, type Feed, type HostTensor, type TensorRuntime } from '../../npe/TensorRuntime.ts';
import { createRng } from '../../rng/createRng.ts';
import type { Rng } from '../../rng/Rng.ts';
import type { CancelSignal } from '../../util/CancelSignal.ts';
import { abortError } from '../abortError.ts';
import { countVariables, transitionTable, type TransitionTable } from '../transitionTable.ts';

/** Options of {@link trainMlpBaseline}; defaults in {@link MLP_DEFAULTS}. */
export interface MlpBaselineOptions {
  /** Fit on a seeded subset of this many train trajectories (all when absent). */
  trajectories?: number;
  /** Seeds the subset, the weight initialisation and the batch order. */
  seed: number;
  /** Mixture components of the output (1 = a Gaussian). */
  components?: number;
  hidden?: number;
  learningRate?: number;
  batchSize?: number;
  /** Stop after this many epochs without a better validation loss (the paper's baselines: 20). */
  patience?: number;
  maxEpochs?: number;
  signal?: CancelSignal;
  onEpoch?: (e: MlpEpoch) => void;
  /**
   * Awaited after every minibatch so the thread can handle other events. A Web Worker needs it to
   * receive a cancel message at all: single-threaded WASM inference resolves within microtasks, so
   * without a real task boundary the loop never lets the worker's message queue run.
   */
  yieldToEvents?: () => Promise<void>;
}

export const MLP_DEFAULTS = { components: 3, hidden: 50, learningRate: 1e-3, batchSize: 200, patience: 20, maxEpochs: 300 } as const;

/** Validation rows scored per epoch at most (a seeded subset above it keeps epochs cheap). */
const MAX_VALIDATION_ROWS = 3000;

/** One epoch of training: mean negative log-density of the z-scored increments. */
export interface MlpEpoch {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  bestValLoss: number;
}

/** A trained MLP world model: everything {@link mlpProgram} needs, weights at the best validation loss. */
export interface MlpModel {
  variables: string[];
  inputNames: string[];
  hasAction: boolean;
  counts: boolean[];
  components: number;
  hidden: number;
  z: ZScore;
  /** createMdn's parameters by name (w1, b1, w2, b2, wl, bl, wm, bm, ws, bs), row-major. */
  weights: Record<string, Float32Array>;
  history: MlpEpoch[];
  stoppedBy: 'patience' | 'max-epochs';
  /** Execution provider that trained it ('webgpu', 'wasm', 'cpu'). */
  provider: string;
  trainTransitions: number;
  trainTrajectories: number;
}

function shuffle(a: number[], rng: Rng): number[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.integers(0, i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function gather(rows: Float64Array[], idx: ArrayLike<number>, width: number): HostTensor {
  const data = new Float32Array(idx.length * width);
  for (let i = 0; i < idx.length; i++) data.set(rows[idx[i]], i * width);
  return { data, dims: [idx.length, width] };
}

/**
 * Trains the MLP world model baseline: a mixture density network (core's `createMdn`: a 2-layer tanh
 * MLP giving K diagonal Gaussians) over the z-scored one-step increment x[t+1] − x[t], conditioned on
 * the z-scored state and action, by maximum likelihood with Adam on the injected ONNX runtime
 * (onnxruntime-web: WASM in Node, WebGPU or WASM in the browser) — the NPE engine's graphs, trained on
 * the dataset's transitions instead of simulations. Early stopping on the validation split (10 % of the
 * train transitions when the data has none), patience 20 as the paper's baselines; the weights with
 * the best validation loss are kept. Seeded.
 * @throws AbortError (`name === 'AbortError'`) when `signal` fires; Error when there is nothing to train on.
 */
export async function trainMlpBaseline(runtime: TensorRuntime, dataset: Dataset, opts: MlpBaselineOptions): Promise<MlpModel> {
  const o = { ...MLP_DEFAULTS, ...definedOnly({ ...opts, yieldToEvents: undefined, signal: undefined, onEpoch: undefined }) };
  for (const key of ['components', 'hidden', 'batchSize', 'patience', 'maxEpochs'] as const) {
    if (!Number.isInteger(o[key]) || o[key] < 1) throw new Error(`MLP baseline: ${key} must be a positive integer, got ${o[key]}`);
  }
  if (!(o.learningRate > 0)) throw new Error(`MLP baseline: learningRate must be positive, got ${o.learningRate}`);
  const rng = createRng(opts.seed);
  const subset = opts.trajectories !== undefined ? { trajectories: opts.trajectories, seed: opts.seed } : undefined;
  let train = transitionTable(dataset, 'train', subset);
  if (train.inputs.length < 2) throw new Error('MLP baseline: the train split needs at least 2 transitions');
  let val: TransitionTable;
  if (dataset.splits.val.length > 0) val = transitionTable(dataset, 'val');
  else {
    const order = shuffle(train.inputs.map((_, i) => i), rng);
    const nVal = Math.max(1, Math.round(0.1 * order.length));
    const pick = (ix: number[]): TransitionTable => ({ ...train, inputs: ix.map((i) => train.inputs[i]), increments: ix.map((i) => train.increments[i]) });
    val = pick(order.slice(0, nVal));
    train = pick(order.slice(nVal));
  }
  const valIdx = chooseStartStates(val.inputs.length, MAX_VALIDATION_ROWS, opts.seed);
  const d = train.variables.length;
  const dx = train.inputNames.length;
  const z = computeZScore(train.increments, train.inputs);
  const net = createMdn(d, dx, o.components, o.hidden);
  const adam = { ...ADAM_DEFAULTS, learningRate: o.learningRate, clipNorm: 5 };
  const names = net.params.map((s) => s.name);
  const state: Record<string, Feed> = {};
  for (const s of net.params) {
    state[s.name] = { data: s.init(rng), dims: s.dims };
    const size = s.dims.reduce((a, c) => a * c, 1);
    state[`m.${s.name}`] = { data: new Float32Array(size), dims: s.dims };
    state[`v.${s.name}`] = { data: new Float32Array(size), dims: s.dims };
  }
  const stepSession = await runtime.createSession(encodeModel(buildTrainStepGraph(net, z, adam)));
  const lossSession = await runtime.createSession(encodeModel(buildLossGraph(net, z)));
  const valFeeds = { theta: gather(val.increments, valIdx, d), x: gather(val.inputs, valIdx, dx) };
  const snapshot = async (): Promise<Record<string, Float32Array>> =>
    Object.fromEntries(await Promise.all(names.map(async (n): Promise<[string, Float32Array]> => {
      const f = state[n];
      return [n, isDeviceTensor(f) ? await f.download() : Float32Array.from(f.data)];
    })));

  const trainIdx = train.inputs.map((_, i) => i);
  const history: MlpEpoch[] = [];
  let best: Record<string, Float32Array> | undefined;
  let bestValLoss = Infinity;
  let sinceBest = 0;
  let step = 0;
  let stoppedBy: MlpModel['stoppedBy'] = 'max-epochs';
  try {
    for (let epoch = 1; epoch <= o.maxEpochs; epoch++) {
      shuffle(trainIdx, rng);
      const losses: { loss: Promise<Float32Array>; n: number }[] = [];
      for (let start = 0; start < trainIdx.length; start += o.batchSize) {
        if (opts.signal?.aborted) throw abortError();
        const idx = trainIdx.slice(start, start + o.batchSize);
        step++;
        const out = await stepSession.run({
          ...state, t: { data: Float32Array.of(step), dims: [] },
          theta: gather(train.increments, idx, d), x: gather(train.inputs, idx, dx),
        });
        for (const n of names) for (const key of [n, `m.${n}`, `v.${n}`]) {
          const old = state[key];
          if (isDeviceTensor(old)) old.dispose();
          state[key] = out[`new.${key}`];
        }
        // read back lazily: on WebGPU a per-step download would stall the queue
        losses.push({ loss: out.loss.download().finally(() => out.loss.dispose()), n: idx.length });
        if (opts.yieldToEvents) await opts.yieldToEvents();
      }
      let trainLoss = 0;
      for (const l of losses) trainLoss += ((await l.loss)[0] * l.n) / trainIdx.length;
      const valOut = await lossSession.run({ ...Object.fromEntries(names.map((n) => [n, state[n]])), ...valFeeds });
      const valLoss = (await valOut.loss.download())[0];
      valOut.loss.dispose();
      if (valLoss < bestValLoss) {
        bestValLoss = valLoss;
        best = await snapshot();
        sinceBest = 0;
      } else sinceBest++;
      const progress = { epoch, trainLoss, valLoss, bestValLoss };
      history.push(progress);
      opts.onEpoch?.(progress);
      if (sinceBest >= o.patience) { stoppedBy = 'patience'; break; }
    }
  } finally {
    for (const f of Object.values(state)) if (isDeviceTensor(f)) f.dispose();
    await stepSession.release();
    await lossSession.release();
  }
  if (!best || !Number.isFinite(bestValLoss)) throw new Error('MLP baseline: training diverged (no finite validation loss)');
  return {
    variables: [...train.variables], inputNames: [...train.inputNames], hasAction: train.hasAction, counts: countVariables(dataset),
    components: o.components, hidden: o.hidden, z, weights: best, history, stoppedBy, provider: runtime.provider,
    trainTransitions: train.inputs.length, trainTrajectories: train.trajectories,
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
