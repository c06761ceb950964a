import type { CalibrationProgress, Calibrator } from '../../core/calibrate/Calibrator.ts';
import { calibrateWithSignals } from '../../core/calibrate/calibrateWithSignals.ts';
import { cmaes } from '../../core/calibrate/cmaes/cmaes.ts';
import { fixParameters } from '../../core/calibrate/fixedParameters.ts';
import { geneticAlgorithm } from '../../core/calibrate/ga/geneticAlgorithm.ts';
import { poolEvaluator } from '../../pool/poolEvaluator.ts';
import { createBatcher } from '../lib/createBatcher.ts';
import { getRunPool } from '../lib/simPools.ts';
import type { RunSettings } from '../model/RunRecord.ts';
import { applyProgress, createRun, failRun, finishRun, prependRun, replaceRun } from '../model/runTransitions.ts';
import { appendPopulationFrames } from '../model/populationFrames.ts';
import { selectCalibrationBlocker, selectCompiledParameters } from '../store/selectors.ts';
import { studioStore } from '../store/studioStore.ts';
import { saveVersion, showRuntimeError } from './codeActions.ts';
import { computeDiagnostics } from './diagnosticsActions.ts';
import { ensureRunProgram, forgetRunProgram } from './runPoolProgram.ts';
import { runController, setRunController } from './runControl.ts';

export { cancelCalibration } from './runControl.ts';
import { notify } from './uiActions.ts';

/** Progress reaches the store at most this often (style P4: throttle high-rate events). */
const PROGRESS_INTERVAL_MS = 150;

function calibratorFor(method: RunSettings['method']): Calibrator {
  switch (method) {
    case 'ga':
      return geneticAlgorithm;
    case 'cmaes':
      return cmaes;
    case 'npe':
      throw new Error('NPE runs through startNpeCalibration (npeActions.ts), not a fitness calibrator');
  }
}

/**
 * Changes the next run's settings.
 * @param patch fields to change.
 */
export function updateRunSettings(patch: Partial<RunSettings>): void {
  studioStore.setState((s) => ({ settings: { ...s.settings, ...patch } }));
}

/**
 * Calibrates the working copy on the training data in the run pool's workers, streaming throttled
 * progress into a new run record; then computes diagnostics. One run at a time.
 * @param warmStart parameter values by name to start from (the loop's previous best); names the program lacks are ignored.
 * @returns the run id, or null when calibration could not start.
 */
export async function startCalibration(warmStart?: Record<string, number>): Promise<string | null> {
  // NPE has its own pipeline (simulate → train → sample → SBC); loaded only when used.
  if (studioStore.getState().settings.method === 'npe') return (await import('./npeActions.ts')).startNpeCalibration();
  const s0 = studioStore.getState();
  const blocker = selectCalibrationBlocker(s0);
  if (blocker) {
    notify('error', blocker);
    return null;
  }
  const { source, dataset, settings, meta } = s0;
  if ((settings.fitness ?? 'mse') === 'energy' && settings.mc < 2) {
    notify('error', 'The energy score compares simulated draws with each other: set MC draws to 2 or more.');
    return null;
  }
  const codeHash = saveVersion();
  const run0 = createRun({
    id: crypto.randomUUID(),
    projectId: meta!.id,
    now: Date.now(),
    settings: { ...settings },
    codeHash,
    parameters: selectCompiledParameters(s0) ?? [],
  });
  const runId = run0.id;
  const ctl = new AbortController();
  setRunController(ctl);
  studioStore.setState((s) => ({ runs: prependRun(s.runs, run0), activeRunId: runId, selectedRunId: runId }));
  const update = (fn: (r: typeof run0) => typeof run0) =>
    studioStore.setState((s) => {
      const r = s.runs.find((x) => x.id === runId);
      return r ? { runs: replaceRun(s.runs, fn(r)) } : {};
    });
  const batcher = createBatcher<CalibrationProgress>((events) => {
    update((r) => applyProgress(r, events));
    // The calibration animation's frames: the latest run's populations only (bounded, memory only).
    studioStore.setState((s) => ({ populations: appendPopulationFrames(s.populations, runId, events) }));
  }, PROGRESS_INTERVAL_MS);
  const t0 = performance.now();
  try {
    const pool = getRunPool();
    const first = await ensureRunProgram(source, dataset!, ctl.signal);
    if (!first.ok) {
      showRuntimeError(first.error.message, source);
      update((r) => failRun(r, first.error.message, Date.now()));
      return runId;
    }
    update((r) => ({ ...r, parameters: first.parameters }));
    // Fixed parameters (the checkboxes) are held at their values; the search sees the others only.
    const fitness = settings.fitness ?? 'mse';
    const fix = fixParameters(first.parameters, poolEvaluator(pool, settings.mc, { fitness, onWorkerDeath: 'fail-run' }), settings.fixed ?? {});
    const inProgramOrder = (free: Record<string, number>) => Object.fromEntries(first.parameters.map((p) => [p.name, free[p.name] ?? fix.values[p.name]]));
    const budget = settings.budget ?? 'paper';
    const result = await calibrateWithSignals(calibratorFor(settings.method), fix.free, fix.evaluate, {
      seed: settings.seed,
      budget,
      generations: budget === 'paper' ? settings.generations : undefined,
      popsize: budget === 'paper' ? settings.popsize : undefined,
      warmStart,
      signal: ctl.signal,
      onProgress: (p) =>
        batcher.push({
          ...p,
          bestParams: inProgramOrder(p.bestParams),
          population: p.population?.map((row) => first.parameters.map((q) => { const k = fix.free.findIndex((f) => f.name === q.name); return k >= 0 ? row[k] : fix.values[q.name]; })),
        }),
      now: () => performance.now(),
    });
    batcher.flush();
    const { identifiability, warnings } = result;
    update((r) => finishRun(r, { ...result, params: inProgramOrder(result.params), seconds: result.seconds || (performance.now() - t0) / 1000 }, Date.now(), { identifiability, warnings }));
    if (result.firstError) showRuntimeError(result.firstError, source);
  } catch (e) {
    batcher.cancel();
    forgetRunProgram();
    const message = e instanceof Error ? e.message : String(e);
    if (ctl.signal.aborted) update((r) => ({ ...r, status: 'cancelled', finishedAt: Date.now() }));
    else {
      update((r) => failRun(r, message, Date.now()));
      showRuntimeError(message, source);
    }
  } finally {
    if (runController() === ctl) setRunController(null);
    studioStore.setState((s) => (s.activeRunId === runId ? { activeRunId: null } : {}));
  }
  const done = studioStore.getState().runs.find((r) => r.id === runId);
  if (done?.status === 'done') void computeDiagnostics(runId);
  return runId;
}

/**
 * Shows a run's results in the Calibrate and Diagnostics panels.
 * @param runId the run, or null for the newest.
 */
export function selectRun(runId: string | null): void {
  studioStore.setState({ selectedRunId: runId });
}
