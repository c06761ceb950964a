import type { Dataset } from '../../data/Dataset.ts';
import type { CancelSignal } from '../../util/CancelSignal.ts';
import { abortError } from '../abortError.ts';
import { countVariables, transitionTable, type TransitionTable } from '../transitionTable.ts';
import { polynomialLibrary } from './polynomialLibrary.ts';
import { fitResidualNoise, type ResidualNoise } from './residualNoise.ts';
import { stlsq } from './stlsq.ts';

/** Thresholds tried per variable; the one with the best validation error wins (ties go to the sparser). */
export const SINDY_THRESHOLDS = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3] as const;

/** A fitted SINDy baseline: x[t+1] = x[t] + Θ(x[t], a[t])·c + Gaussian noise, per variable. */
export interface SindyModel {
  variables: string[];
  inputNames: string[];
  hasAction: boolean;
  /** Library terms (input index lists) and their names. */
  terms: number[][];
  termNames: string[];
  /** Per variable: increment coefficients on the terms (0 = pruned), threshold chosen, noise model. */
  equations: { variable: string; coefficients: Float64Array; threshold: number; noise: ResidualNoise; validationMse: number }[];
  /** Per variable: rounded and clamped at 0 (a count in the data). */
  counts: boolean[];
  trainTransitions: number;
  trainTrajectories: number;
}

/** Options of {@link fitSindy}. */
export interface FitSindyOptions {
  /** Fit on a seeded subset of this many train trajectories (all when absent). */
  trajectories?: number;
  /** Seed of that subset (default 0). */
  seed?: number;
  signal?: CancelSignal;
}

/**
 * Fits the SINDy-style baseline on the dataset's train split: for each variable, sparse regression of
 * its one-step increment on the degree-≤2 polynomial library of the variables and the action
 * (sequentially thresholded least squares), the threshold chosen on the validation split (the train
 * split itself when there is none), then a residual noise model (Gaussian, heteroscedastic when that
 * has the better validation likelihood). O(thresholds · variables · rows · terms²); milliseconds.
 * @throws Error when the train split has no transitions.
 */
export function fitSindy(dataset: Dataset, opts: FitSindyOptions = {}): SindyModel {
  const subset = opts.trajectories !== undefined ? { trajectories: opts.trajectories, seed: opts.seed ?? 0 } : undefined;
  const train = transitionTable(dataset, 'train', subset);
  if (train.inputs.length === 0) throw new Error('SINDy baseline: the train split has no transitions to fit');
  const val = dataset.splits.val.length > 0 ? transitionTable(dataset, 'val') : train;
  const library = polynomialLibrary(train.inputNames);
  const trainRows = train.inputs.map((x) => library.evaluate(x));
  const valRows = val.inputs.map((x) => library.evaluate(x));
  const column = (t: TransitionTable, j: number) => Float64Array.from(t.increments, (r) => r[j]);
  const predict = (rows: Float64Array[], c: Float64Array) =>
    Float64Array.from(rows, (r) => r.reduce((s, v, k) => s + v * c[k], 0));

  const equations = train.variables.map((variable, j) => {
    if (opts.signal?.aborted) throw abortError();
    const y = column(train, j);
    const yVal = column(val, j);
    const tried = SINDY_THRESHOLDS.map((threshold) => {
      const coefficients = stlsq(trainRows, y, { threshold });
      const p = predict(valRows, coefficients);
      let mse = 0;
      for (let i = 0; i < p.length; i++) mse += (p[i] - yVal[i]) ** 2 / p.length;
      return { threshold, coefficients, validationMse: mse };
    });
    const best = Math.min(...tried.map((t) => t.validationMse));
    // parsimony: the sparsest fit within 1 % of the best validation error
    const chosen = [...tried].reverse().find((t) => t.validationMse <= best * 1.01 + 1e-12) ?? tried[0];
    const trainRes = y.map((v, i) => v - predict([trainRows[i]], chosen.coefficients)[0]);
    const valRes = yVal.map((v, i) => v - predict([valRows[i]], chosen.coefficients)[0]);
    const noise = fitResidualNoise(library, { rows: trainRows, residuals: trainRes }, { rows: valRows, residuals: valRes });
    return { variable, ...chosen, noise };
  });

  return {
    variables: [...train.variables],
    inputNames: [...train.inputNames],
    hasAction: train.hasAction,
    terms: library.terms.map((t) => [...t]),
    termNames: [...library.names],
    equations,
    counts: countVariables(dataset),
    trainTransitions: train.inputs.length,
    trainTrajectories: train.trajectories,
  };
}
