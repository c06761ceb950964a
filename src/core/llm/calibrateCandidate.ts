import type { CalibrationProgress, Calibrator } from '../calibrate/Calibrator.ts';
import { DEFAULT_MC } from '../calibrate/defaultMc.ts';
import { calibrateWithSignals } from '../calibrate/calibrateWithSignals.ts';
import { DEFAULT_FITNESS } from '../calibrate/defaultFitness.ts';
import { geneticAlgorithm } from '../calibrate/ga/geneticAlgorithm.ts';
import { localEvaluator } from '../calibrate/localEvaluator.ts';
import type { Dataset } from '../data/Dataset.ts';
import { transitionsOf } from '../data/transitions.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import type { CancelSignal } from '../util/CancelSignal.ts';
import type { CalibrationOutcome } from './GsimLoop.ts';

/** Options of {@link calibrateCandidate}. */
export interface CalibrateCandidateOptions {
  code: string;
  dataset: Dataset;
  warmStart?: Record<string, number>;
  seed: number;
  /** Calibration method (default: the GA with the paper's settings unless overridden below). */
  calibrator?: Calibrator;
  popsize?: number;
  generations?: number;
  /** Monte-Carlo draws per training transition (default DEFAULT_MC). */
  mc?: number;
  signal?: CancelSignal;
  onProgress?(p: CalibrationProgress): void;
}

/**
 * The loop's calibrate step on the calling thread: compiles the program, then fits its parameters to
 * the training split with `localEvaluator` (the default energy score; MSE at mc 1) and the calibrator,
 * then probes identifiability (the trust signals the reflection prompt quotes). A program that does not
 * compile throws its SimulatorError (the loop records it); when every candidate failed the outcome's
 * `error` holds the first failure, so the model learns why (e.g. "step threw … at line 7").
 * NOTE: blocks the thread for the whole calibration; the studio and CLI run calibrations in workers.
 * @example
 * calibrate: (code, warmStart) => calibrateCandidate({ code, dataset, warmStart, seed: 1, popsize: 20, generations: 3 }),
 */
export async function calibrateCandidate(opts: CalibrateCandidateOptions): Promise<CalibrationOutcome> {
  const sim = compileSimulator(opts.code);
  const mc = opts.mc ?? DEFAULT_MC;
  // The energy score needs two draws per transition; with one, the paper's MSE.
  const evaluate = localEvaluator(sim, transitionsOf(opts.dataset, 'train'), mc, mc >= 2 ? DEFAULT_FITNESS : 'mse');
  const result = await calibrateWithSignals(opts.calibrator ?? geneticAlgorithm, sim.parameters, evaluate, {
    seed: opts.seed,
    ...(opts.popsize !== undefined ? { popsize: opts.popsize } : {}),
    ...(opts.generations !== undefined ? { generations: opts.generations } : {}),
    ...(opts.warmStart ? { warmStart: opts.warmStart } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const outcome: CalibrationOutcome = {
    params: result.params,
    fitness: result.bestFitness,
    trust: { identifiability: result.identifiability, warnings: result.warnings.map((w) => w.message) },
  };
  if (!Number.isFinite(result.bestFitness)) {
    outcome.error = result.firstError ?? `every candidate failed (training fitness ${result.bestFitness})`;
  }
  return outcome;
}
