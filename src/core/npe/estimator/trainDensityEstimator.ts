import { createRng } from '../../rng/createRng.ts';
import type { Rng } from '../../rng/Rng.ts';
import { encodeModel } from '../onnx/encodeModel.ts';
import { isDeviceTensor, type Feed, type HostTensor, type TensorRuntime } from '../TensorRuntime.ts';
import { ADAM_DEFAULTS } from './appendAdamUpdate.ts';
import { buildLossGraph, buildTrainStepGraph, type Weights } from './buildEstimatorGraphs.ts';
import { createNetwork } from './createNetwork.ts';
import { createTrainedEstimator } from './createTrainedEstimator.ts';
import type { EpochProgress, EstimatorConfig, TrainConfig, TrainedEstimator, TrainingSet } from './DensityEstimator.ts';
import { computeZScore } from './zScore.ts';

/** Epoch cap when none is given (sbi has none; patience ends real runs long before). */
export const DEFAULT_MAX_EPOCHS = 1000;

function validate(set: TrainingSet): { d: number; dx: number } {
  if (set.theta.length !== set.x.length) throw new Error(`training set: ${set.theta.length} θ rows but ${set.x.length} x rows`);
  if (set.theta.length < 2) throw new Error(`training set: needs at least 2 pairs, got ${set.theta.length}`);
  const d = set.theta[0].length, dx = set.x[0].length;
  if (d === 0 || dx === 0) throw new Error('training set: θ and x need at least one dimension each');
  set.theta.forEach((t, i) => {
    if (t.length !== d) throw new Error(`training set: theta[${i}] has ${t.length} values, expected ${d}`);
    if (!t.every(Number.isFinite)) throw new Error(`training set: theta[${i}] has a non-finite value`);
  });
  set.x.forEach((x, i) => {
    if (x.length !== dx) throw new Error(`training set: x[${i}] has ${x.length} values, expected ${dx}`);
    if (!x.every(Number.isFinite)) throw new Error(`training set: x[${i}] has a non-finite value`);
  });
  return { d, dx };
}

function shuffle(a: number[], rng: Rng): number[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.integers(0, i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function gather(rows: Float64Array[], idx: number[], width: number): HostTensor {
  const data = new Float32Array(idx.length * width);
  idx.forEach((r, i) => data.set(rows[r], i * width));
  return { data, dims: [idx.length, width] };
}

/**
 * Trains a conditional density estimator q(θ | x) by maximum likelihood with sbi's recipe: 10 %
 * validation split, minibatches of 200, Adam 5e-4, gradient-norm clip 5, early stopping after 20 epochs
 * without a better validation loss (the best weights are restored). Each step is one run of the
 * training-step graph; weights and Adam moments are its outputs fed back as inputs, so on WebGPU they
 * stay on the GPU. Seeded: same seed, same set, same runtime → same estimator.
 */
export async function trainDensityEstimator(
  runtime: TensorRuntime, set: TrainingSet, config: EstimatorConfig, train: TrainConfig,
): Promise<TrainedEstimator> {
  const { d, dx } = validate(set);
  const batchSize = train.batchSize ?? 200;
  const patience = train.patience ?? 20;
  const maxEpochs = train.maxEpochs ?? DEFAULT_MAX_EPOCHS;
  const valFraction = train.validationFraction ?? 0.1;
  if (!(valFraction > 0 && valFraction < 1)) throw new Error(`train config: validationFraction must be in (0, 1), got ${valFraction}`);
  const rng = createRng(train.seed);
  const net = createNetwork(config, d, dx);

  const order = shuffle(set.theta.map((_, i) => i), rng);
  const nVal = Math.min(order.length - 1, Math.max(1, Math.round(valFraction * order.length)));
  const valIdx = order.slice(0, nVal);
  const trainIdx = order.slice(nVal);
  const z = computeZScore(trainIdx.map((i) => set.theta[i]), trainIdx.map((i) => set.x[i]));
  const adam = { ...ADAM_DEFAULTS, learningRate: train.learningRate ?? 5e-4, clipNorm: train.clipNorm ?? 5 };

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
  const valFeeds = { theta: gather(set.theta, valIdx, d), x: gather(set.x, valIdx, dx) };
  const snapshot = async (): Promise<Weights> =>
    new Map(await Promise.all(names.map(async (n): Promise<[string, Float32Array]> => {
      const f = state[n];
      return [n, isDeviceTensor(f) ? await f.download() : Float32Array.from(f.data)];
    })));

  const history: EpochProgress[] = [];
  let best: Weights | undefined;
  let bestValLoss = Infinity;
  let sinceBest = 0;
  let step = 0;
  let stoppedBy: TrainedEstimator['stoppedBy'] = 'max-epochs';
  try {
    epochs: for (let epoch = 1; epoch <= maxEpochs; epoch++) {
      shuffle(trainIdx, rng);
      const losses: { loss: Promise<Float32Array>; n: number }[] = [];
      for (let start = 0; start < trainIdx.length; start += batchSize) {
        if (train.signal?.aborted) { stoppedBy = 'cancelled'; break epochs; }
        const idx = trainIdx.slice(start, start + batchSize);
        step++;
        const out = await stepSession.run({
          ...state, t: { data: Float32Array.of(step), dims: [] },
          theta: gather(set.theta, idx, d), x: gather(set.x, idx, dx),
        });
        for (const n of names) for (const key of [n, `m.${n}`, `v.${n}`]) {
          const old = state[key];
          if (isDeviceTensor(old)) old.dispose();
          state[key] = out[`new.${key}`];
        }
        // downloaded lazily: on WebGPU a per-step read-back would stall the queue
        losses.push({ loss: out.loss.download().finally(() => out.loss.dispose()), n: idx.length });
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
      train.onEpoch?.(progress);
      if (sinceBest >= patience) { stoppedBy = 'patience'; break; }
    }
    best ??= await snapshot(); // cancelled before the first epoch ended
  } finally {
    for (const f of Object.values(state)) if (isDeviceTensor(f)) f.dispose();
    await stepSession.release();
    await lossSession.release();
  }
  return createTrainedEstimator(runtime, { kind: config.kind, net, z, weights: best, history, stoppedBy });
}
