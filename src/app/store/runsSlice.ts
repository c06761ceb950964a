import { DEFAULT_FITNESS } from '../../core/calibrate/defaultFitness.ts';
import type { PopulationHistory } from '../model/populationFrames.ts';
import type { RunRecord, RunSettings } from '../model/RunRecord.ts';

/** Calibration runs of the open project. */
export interface RunsSlice {
  /** Newest first. */
  runs: RunRecord[];
  /** The run now in progress, if any (one at a time). */
  activeRunId: string | null;
  /** The run whose plots the Calibrate and Diagnostics panels show. */
  selectedRunId: string | null;
  /** Settings of the next run (kept between runs). */
  settings: RunSettings;
  /** Populations per generation of the latest GA/CMA-ES run, for the calibration animation (memory only). */
  populations: PopulationHistory | null;
}

/**
 * Defaults: the energy score and the converge budget (population and cap from the number of
 * parameters, stop on convergence; a two-parameter model finishes in seconds on two cores). The
 * generations and popsize apply to the `paper` budget mode (small enough to finish in seconds).
 */
export const DEFAULT_RUN_SETTINGS: RunSettings = { method: 'ga', generations: 20, popsize: 24, mc: 2, seed: 1, fitness: DEFAULT_FITNESS, budget: 'converge' };

/** Initial runs slice. */
export function createRunsSlice(): RunsSlice {
  return { runs: [], activeRunId: null, selectedRunId: null, settings: { ...DEFAULT_RUN_SETTINGS }, populations: null };
}
