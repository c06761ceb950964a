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

/** Defaults small enough to finish in seconds on two cores. */
export const DEFAULT_RUN_SETTINGS: RunSettings = { method: 'ga', generations: 20, popsize: 24, mc: 2, seed: 1 };

/** Initial runs slice. */
export function createRunsSlice(): RunsSlice {
  return { runs: [], activeRunId: null, selectedRunId: null, settings: { ...DEFAULT_RUN_SETTINGS }, populations: null };
}
