import type { CalibrationProgress } from '../../core/calibrate/Calibrator.ts';

/** A generation's population, in physical units, one row per individual (parameters in run order). */
export interface PopulationFrame {
  iteration: number;
  points: number[][];
}

/**
 * The populations of one calibration run, for the calibration animation. Kept in memory for the
 * latest run only and never persisted: a run of 200 × 10 is 2,000 points, but a long history of
 * runs would not be.
 */
export interface PopulationHistory {
  runId: string;
  frames: PopulationFrame[];
}

/** Individuals kept per generation (an even subsample of larger populations). */
export const MAX_FRAME_POINTS = 300;
/** Generations kept; longer runs are thinned to every other generation (first and last kept). */
export const MAX_FRAMES = 120;

/** Every k-th row so that at most `max` remain, first row kept (pure). */
export function subsample<T>(rows: readonly T[], max: number): T[] {
  if (rows.length <= max) return rows.slice();
  const stride = rows.length / max;
  const out: T[] = [];
  for (let k = 0; k < max; k++) out.push(rows[Math.floor(k * stride)]);
  return out;
}

function thin(frames: PopulationFrame[]): PopulationFrame[] {
  return frames.filter((_, i) => i % 2 === 0 || i === frames.length - 1);
}

/**
 * Folds a batch of progress events into the population history of `runId` (pure). A different run
 * replaces the history; events without a population (NPE) or for a generation already held are
 * skipped; the result stays within {@link MAX_FRAMES} × {@link MAX_FRAME_POINTS}.
 * @returns the same object when nothing changed (so subscribers do not re-render).
 */
export function appendPopulationFrames(history: PopulationHistory | null, runId: string, events: readonly CalibrationProgress[]): PopulationHistory | null {
  let frames = history?.runId === runId ? history.frames : [];
  let changed = history?.runId !== runId;
  for (const e of events) {
    if (!e.population || e.population.length === 0) continue;
    const last = frames[frames.length - 1];
    if (last && e.iteration <= last.iteration) continue;
    frames = [...frames, { iteration: e.iteration, points: subsample(e.population, MAX_FRAME_POINTS).map((p) => p.slice()) }];
    if (frames.length > MAX_FRAMES) frames = thin(frames);
    changed = true;
  }
  if (!changed) return history;
  return { runId, frames };
}
