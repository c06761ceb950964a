import type { BatchEvaluator, CalibrationOptions, CalibrationProgress, CalibrationResult } from '../calibrate/Calibrator.ts';
import { deriveSeed } from '../rng/deriveSeed.ts';
import type { ParameterSpec } from '../sim/types.ts';
import type { EpochProgress, EstimatorConfig, TrainConfig, TrainedEstimator } from './estimator/DensityEstimator.ts';
import { DEFAULT_MAX_EPOCHS, trainDensityEstimator } from './estimator/trainDensityEstimator.ts';
import { DEFAULT_PICK_SAMPLES, pickByFitness, type FitnessPick } from './pickByFitness.ts';
import { DEFAULT_POSTERIOR_SAMPLES, DEFAULT_SAMPLE_BUDGET_MS, LOW_ACCEPTANCE, samplePosterior, summarizePosterior, type PosteriorSummary } from './posterior.ts';
import { SBC_DEFAULTS, sbcFromDraws, type SbcResult } from './sbc.ts';
import type { SummarySimulator } from './simulateSummaries.ts';
import { simulateTrainingSet, samplePrior, defaultNpeSimulations } from './simulateTrainingSet.ts';
import type { TensorRuntime } from './TensorRuntime.ts';
import { truncatedBox } from './truncatedBox.ts';

/**
 * Why NPE has its own `run` signature: GA and CMA-ES need a fitness per candidate (`BatchEvaluator`),
 * while NPE needs *simulations* — a summary of a simulated dataset per prior draw
 * ({@link SummarySimulator}) — plus the observed summary to condition on and a tensor runtime to train
 * the network. Options, progress events (`method: 'npe'`, `phase`, `iteration` = epoch) and the
 * result extend the shared ones, so the CLI, studio and loop handle NPE like the other methods.
 */
export interface NpeOptions extends Pick<CalibrationOptions, 'seed' | 'signal' | 'onProgress' | 'now'> {
  runtime: TensorRuntime;
  /** The observed summary x_obs (observedSummary of the train split). */
  observed: Float64Array;
  /** Training simulations per round (default {@link defaultNpeSimulations}: 1,000, or 250 per parameter above 4). */
  simulations?: number;
  estimator?: EstimatorConfig;
  train?: Omit<Partial<TrainConfig>, 'seed' | 'signal' | 'onEpoch'>;
  /** Posterior samples (default 10,000) and the time budget for drawing them (default 60 s). */
  samples?: number;
  sampleBudgetMs?: number;
  /** SBC test simulations and posterior draws per simulation; `false` skips SBC. */
  sbc?: { simulations?: number; draws?: number } | false;
  /** Keep the trained estimator in the result (for export or more sampling); the caller releases it. */
  keepEstimator?: boolean;
  /**
   * The one-step fitness on the training data (the one GA and CMA-ES minimise). When given, the point
   * estimate is the best of the posterior mean, median and `pickSamples` posterior samples by this
   * score (pickByFitness.ts); without it, the posterior mean (the paper's choice).
   */
  evaluator?: BatchEvaluator;
  pickSamples?: number;
  /**
   * 1: one round on the prior box (the paper). 2 (default): a second round of as many simulations on
   * the box the first round's posterior occupies (truncatedBox.ts); SBC, the pick and the posterior
   * come from the second round.
   */
  rounds?: 1 | 2;
}

/** Rounds by default (see NpeOptions.rounds and src/core/npe/README.md for the figures). */
export const DEFAULT_NPE_ROUNDS = 2;

export interface NpeResult extends CalibrationResult {
  method: 'npe';
  /** Posterior summary (mean = the point estimate in `params`); null when cancelled before training. */
  posterior: PosteriorSummary | null;
  /** Accepted posterior samples, rows in parameter order. */
  samples: Float64Array[];
  acceptance: { drawn: number; accepted: number; rate: number; truncated: boolean; low: boolean } | null;
  sbc: SbcResult | null;
  /** How `params` was chosen: the posterior mean, or the fitness pick among posterior candidates. */
  pointEstimate: ({ kind: 'fitness-pick' } & Omit<FitnessPick, 'theta'>) | { kind: 'posterior-mean' };
  training: { kind: EstimatorConfig['kind']; provider: string; epochs: EpochProgress[]; stoppedBy: TrainedEstimator['stoppedBy'] } | null;
  trainingSet: { requested: number; used: number; failures: number };
  phaseSeconds: { simulate: number; train: number; sample: number; sbc: number };
  /** With two rounds: the box the second round's prior was truncated to (in parameter order). */
  truncatedBox?: { name: string; min: number; max: number }[];
  /** Things the user should know (low acceptance, dropped simulations, SBC warning). */
  warnings: string[];
  estimator?: TrainedEstimator;
}

export interface NpeCalibrator {
  method: 'npe';
  run(parameters: readonly ParameterSpec[], simulate: SummarySimulator, options: NpeOptions): Promise<NpeResult>;
}

/**
 * Neural posterior estimation (the paper's "SBI" path): simulate from the uniform prior, train a
 * conditional density estimator q(θ | x), sample it at x_obs restricted to the prior box, take the
 * posterior mean as the point estimate, then check calibration with SBC on fresh simulations.
 */
export const npeCalibrator: NpeCalibrator = {
  method: 'npe',
  async run(parameters, simulate, o) {
    const rounds = o.rounds ?? DEFAULT_NPE_ROUNDS;
    if (!(rounds === 1 || rounds === 2)) throw new RangeError(`NPE: rounds must be 1 or 2, got ${rounds}`);
    if (rounds === 1) return runRound(parameters, simulate, o);
    const now = o.now ?? (() => 0);
    const t0 = now();
    // Round 1 only sets the box: no SBC, no pick, no estimator kept. Progress says which round it is,
    // and round 2's epochs count on from round 1's (one training curve for the run).
    const tag = (round: number, offset: number) => o.onProgress && ((p: CalibrationProgress) =>
      o.onProgress!({ ...p, round, rounds, iteration: p.iteration + offset, totalIterations: p.totalIterations + offset }));
    const first = await runRound(parameters, simulate, { ...o, sbc: false, evaluator: undefined, keepEstimator: false, onProgress: tag(1, 0) });
    if (first.cancelled || !first.posterior || !first.samples.length) return first;
    const box = truncatedBox(parameters, first.samples);
    const offset = first.history.length;
    const second = await runRound(box, simulate, { ...o, seed: deriveSeed(o.seed, 40), onProgress: tag(2, offset) });
    const sum = (k: keyof NpeResult['phaseSeconds']) => first.phaseSeconds[k] + second.phaseSeconds[k];
    return {
      ...second,
      history: [...first.history, ...second.history.map((h) => ({ ...h, iteration: h.iteration + offset }))],
      simulations: first.simulations + second.simulations, failures: first.failures + second.failures, firstError: first.firstError ?? second.firstError,
      seconds: (now() - t0) / 1000,
      trainingSet: { requested: first.trainingSet.requested + second.trainingSet.requested, used: first.trainingSet.used + second.trainingSet.used, failures: first.trainingSet.failures + second.trainingSet.failures },
      phaseSeconds: { simulate: sum('simulate'), train: sum('train'), sample: sum('sample'), sbc: sum('sbc') },
      warnings: [...first.warnings.map((w) => `Round 1: ${w}`), ...second.warnings],
      truncatedBox: box.map((p) => ({ name: p.name, min: p.min, max: p.max })),
    };
  },
};

/** One NPE round on the given box: simulate, train, sample, pick, SBC. */
async function runRound(parameters: readonly ParameterSpec[], simulate: SummarySimulator, o: NpeOptions): Promise<NpeResult> {
  const now = o.now ?? (() => 0);
  const t0 = now();
  const kind = o.estimator?.kind ?? 'maf';
  const maxEpochs = o.train?.maxEpochs ?? DEFAULT_MAX_EPOCHS;
  const midpoint = Object.fromEntries(parameters.map((p) => [p.name, (p.min + p.max) / 2]));
  const warnings: string[] = [];
  const phaseSeconds = { simulate: 0, train: 0, sample: 0, sbc: 0 };
  let bestParams = midpoint;
  let lastLoss = { best: NaN, mean: NaN };
  let steps = 0;
  let failures = 0;
  let firstError: string | undefined;
  const emit = (p: Partial<CalibrationProgress> & { phase: string }): void =>
    o.onProgress?.({ method: 'npe', iteration: 0, totalIterations: maxEpochs, best: lastLoss.best, mean: lastLoss.mean, bestParams, simulations: steps, failures, ...p });

  let t = now();
  const set = await simulateTrainingSet(parameters, simulate, {
    n: o.simulations ?? defaultNpeSimulations(parameters.length), seed: deriveSeed(o.seed, 10), signal: o.signal,
    onProgress: (done, total, f) => emit({ phase: 'simulate', phaseDone: done, phaseTotal: total, failures: f }),
  });
  steps += set.steps;
  failures += set.failures;
  firstError = set.firstError;
  phaseSeconds.simulate = (now() - t) / 1000;
  const trainingSet = { requested: set.requested, used: set.theta.length, failures: set.failures };
  if (set.failures) warnings.push(`${set.failures} of ${set.requested} simulations failed or gave NaN and were dropped${set.firstError ? ` (first: ${set.firstError})` : ''}.`);
  const base = (): NpeResult => ({
    method: 'npe', params: bestParams, bestFitness: lastLoss.best, history: [], simulations: steps, failures, firstError,
    seconds: (now() - t0) / 1000, cancelled: !!o.signal?.aborted, posterior: null, samples: [], acceptance: null, sbc: null, pointEstimate: { kind: 'posterior-mean' },
    training: null, trainingSet, phaseSeconds, warnings,
  });
  if (set.cancelled) return { ...base(), cancelled: true };
  if (set.theta.length < 10) throw new Error(`NPE: only ${set.theta.length} of ${set.requested} simulations succeeded; first error: ${set.firstError ?? 'none'}`);

  t = now();
  const estimator = await trainDensityEstimator(o.runtime, set, o.estimator ?? { kind }, {
    ...o.train, seed: deriveSeed(o.seed, 11), signal: o.signal,
    onEpoch: (e) => {
      lastLoss = { best: e.bestValLoss, mean: e.trainLoss };
      emit({ phase: 'train', iteration: e.epoch, trainLoss: e.trainLoss, valLoss: e.valLoss });
    },
  });
  phaseSeconds.train = (now() - t) / 1000;
  try {
    const training = { kind: estimator.kind, provider: estimator.provider, epochs: estimator.history, stoppedBy: estimator.stoppedBy };
    const history = estimator.history.map((e) => ({ iteration: e.epoch, best: e.valLoss, mean: e.trainLoss }));

    // Sampling still runs after a cancelled training: the partially trained posterior is the "best so far".
    t = now();
    const n = o.samples ?? DEFAULT_POSTERIOR_SAMPLES;
    emit({ phase: 'sample', phaseDone: 0, phaseTotal: n });
    const draws = await samplePosterior((k, s) => estimator.sample(o.observed, k, s), parameters, {
      n, seed: deriveSeed(o.seed, 12), budgetMs: o.sampleBudgetMs ?? DEFAULT_SAMPLE_BUDGET_MS, now,
    });
    phaseSeconds.sample = (now() - t) / 1000;
    if (!draws.samples.length) throw new Error(`NPE: no posterior draw fell inside the prior bounds (${draws.drawn} drawn); the estimator did not learn a usable posterior`);
    const posterior = summarizePosterior(draws.samples, parameters);
    bestParams = Object.fromEntries(parameters.map((p, k) => [p.name, posterior.mean[k]]));
    let pointEstimate: NpeResult['pointEstimate'] = { kind: 'posterior-mean' };
    if (o.evaluator && !o.signal?.aborted) {
      emit({ phase: 'pick', phaseDone: 0, phaseTotal: 2 + Math.min(draws.samples.length, o.pickSamples ?? DEFAULT_PICK_SAMPLES) });
      const pick = await pickByFitness(Float64Array.from(posterior.mean), Float64Array.from(posterior.median), draws.samples, o.evaluator, { seed: o.seed, k: o.pickSamples, signal: o.signal });
      if (pick) {
        const { theta, ...rest } = pick;
        bestParams = Object.fromEntries(parameters.map((p, k) => [p.name, theta[k]]));
        pointEstimate = { kind: 'fitness-pick', ...rest };
      }
    }
    const acceptance = { drawn: draws.drawn, accepted: draws.accepted, rate: draws.acceptanceRate, truncated: draws.truncated, low: draws.acceptanceRate < LOW_ACCEPTANCE };
    if (acceptance.low) warnings.push(`Only ${(100 * acceptance.rate).toFixed(1)} % of posterior draws fell inside the prior bounds: the estimator puts much of its mass where the prior is zero, so treat the posterior with care (more simulations may help).`);
    if (draws.truncated) warnings.push(`Posterior sampling stopped at ${draws.samples.length} of ${n} samples (time budget).`);
    emit({ phase: 'sample', phaseDone: draws.samples.length, phaseTotal: n });

    let sbc: { result: SbcResult; steps: number } | null = null;
    if (o.sbc !== false && !o.signal?.aborted) {
      t = now();
      sbc = await runSbc(parameters, simulate, estimator, o, (done, total) => emit({ phase: 'sbc', phaseDone: done, phaseTotal: total }));
      phaseSeconds.sbc = (now() - t) / 1000;
      if (sbc) {
        steps += sbc.steps;
        if (sbc.result.verdict === 'warn') warnings.push(sbc.result.message);
      }
    }
    return {
      ...base(), history, bestFitness: Math.min(...estimator.history.map((e) => e.valLoss)),
      cancelled: !!o.signal?.aborted, posterior, samples: draws.samples, acceptance, sbc: sbc?.result ?? null, training, pointEstimate,
      ...(o.keepEstimator ? { estimator } : {}),
    };
  } finally {
    if (!o.keepEstimator) await estimator.release();
  }
}

/** Amortised SBC: fresh prior draws and simulations, then L posterior draws per simulated summary. */
async function runSbc(
  parameters: readonly ParameterSpec[], simulate: SummarySimulator, estimator: TrainedEstimator, o: NpeOptions,
  progress: (done: number, total: number) => void,
): Promise<{ result: SbcResult; steps: number } | null> {
  const cfg = o.sbc || {};
  const m = cfg.simulations ?? SBC_DEFAULTS.simulations;
  const L = cfg.draws ?? SBC_DEFAULTS.draws;
  if (m < 1) return null;
  const thetas = samplePrior(parameters, m, deriveSeed(o.seed, 20));
  progress(0, m);
  const sims = await simulate(thetas, deriveSeed(o.seed, 21), 0, o.signal);
  const truths: Float64Array[] = [];
  const draws: Float64Array[][] = [];
  for (let i = 0; i < m; i++) {
    const x = sims.x[i];
    if (!x) continue;
    if (o.signal?.aborted) return null;
    // A short budget per test point: SBC should not cost more than the main sampling.
    const s = await samplePosterior((k, seed) => estimator.sample(x, k, seed), parameters, {
      n: L, seed: deriveSeed(o.seed, 22, i), budgetMs: 2000, now: o.now,
    });
    if (s.samples.length < L) continue;
    truths.push(thetas[i]);
    draws.push(s.samples);
    if (i % 10 === 9) progress(i + 1, m);
  }
  progress(m, m);
  return { result: sbcFromDraws(parameters, truths, draws), steps: sims.simulations };
}
