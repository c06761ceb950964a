import { poolEvaluator } from '../../pool/poolEvaluator.ts';
import { createDatasetPromiseCache } from '../lib/createDatasetPromiseCache.ts';
import { getRunPool } from '../lib/simPools.ts';
import { gridValues, LANDSCAPE_GRID, landscapeBatch, landscapeFromScores, type FitnessLandscape } from '../model/fitnessLandscape.ts';
import type { RunRecord } from '../model/RunRecord.ts';
import { studioStore } from '../store/studioStore.ts';
import { ensureRunProgram } from './runPoolProgram.ts';

/** Landscapes computed this session, newest last; a handful is plenty (one per viewed run). */
const cached = createDatasetPromiseCache<FitnessLandscape>(4);
/** Candidates per worker call: 25 calls of 25 for a 25 × 25 grid. */
const CHUNK = 25;

/** What a landscape depends on: the run's program, seed and Monte-Carlo draws (and the dataset). */
export function landscapeKey(run: RunRecord): string {
  return `${run.codeHash}:${run.settings.seed}:${run.settings.mc}:${run.settings.fitness ?? 'mse'}`;
}

/**
 * Why the landscape of `run` cannot be computed now, or null when it can: only for two-parameter
 * programs, with the data loaded and the run's code known, and never while a calibration of other code
 * holds the run pool (loading this run's program would pull the workers from under it).
 */
export function landscapeBlocker(run: RunRecord): string | null {
  const s = studioStore.getState();
  if (run.parameters.length !== 2) return 'The fitness landscape is drawn for programs with two parameters.';
  // Its program may have crashed the sandbox or been stopped for misbehaving: 625 more evaluations of
  // it, on every view, would do that again.
  if (run.status === 'failed') return 'The fitness landscape is not drawn for a failed run.';
  if (!s.dataset) return 'The data is not loaded yet.';
  if (!s.versions.some((v) => v.hash === run.codeHash)) return 'The code of this run is no longer in the project.';
  const active = s.activeRunId ? s.runs.find((r) => r.id === s.activeRunId) : undefined;
  if (active && active.codeHash !== run.codeHash) return 'Waiting for the calibration in progress to finish.';
  return null;
}

/**
 * The training fitness of `run`'s program on a 25 × 25 grid over its two parameters' prior box,
 * scored in the run pool with the run's seed, MC draws and fitness (the same one-step MSE or energy
 * score the search minimised, with common random numbers, so the population and the landscape agree).
 * Cached per run settings.
 */
export function computeLandscape(run: RunRecord): Promise<FitnessLandscape> {
  const blocker = landscapeBlocker(run);
  if (blocker) return Promise.reject(new Error(blocker));
  const s = studioStore.getState();
  const dataset = s.dataset!;
  const source = s.versions.find((v) => v.hash === run.codeHash)!.source;
  const key = landscapeKey(run);
  // A failure is not cached: the next view tries again.
  return cached(dataset, key, async () => {
    const loaded = await ensureRunProgram(source, dataset);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const [px, py] = run.parameters;
    const x = gridValues(px, LANDSCAPE_GRID);
    const y = gridValues(py, LANDSCAPE_GRID);
    const kind = run.settings.fitness ?? 'mse';
    const scores = await poolEvaluator(getRunPool(), run.settings.mc, { chunkSize: CHUNK, onWorkerDeath: 'fail-run', fitness: kind })(landscapeBatch(x, y), run.settings.seed);
    return landscapeFromScores(key, x, y, scores.fitness, kind);
  });
}
