import type { CalibrationProgress, CalibrationResult } from '../../core/calibrate/Calibrator.ts';
import type { SignalledResult } from '../../core/calibrate/calibrateWithSignals.ts';
import type { ParameterSpec } from '../../core/sim/types.ts';
import type { RunDiagnostics, RunRecord, RunSettings } from './RunRecord.ts';

/** The trust signals a result may carry (GA/CMA-ES through calibrateWithSignals). */
type SignalFields = Partial<Pick<SignalledResult, 'identifiability' | 'warnings'>>;

/** Inputs that create a run record. */
export interface NewRunInput {
  id: string;
  projectId: string;
  now: number;
  settings: RunSettings;
  codeHash: string;
  parameters: readonly ParameterSpec[];
}

/** A fresh `running` record, before the first generation. */
export function createRun(input: NewRunInput): RunRecord {
  return {
    id: input.id,
    projectId: input.projectId,
    createdAt: input.now,
    settings: input.settings,
    codeHash: input.codeHash,
    parameters: input.parameters.map((p) => ({ ...p })),
    status: 'running',
    iteration: 0,
    totalIterations: input.settings.generations,
    history: [],
    traces: [],
    simulations: 0,
    failures: 0,
  };
}

/**
 * Folds a batch of progress events (already throttled) into a run. Events may skip generations; the
 * chart keeps every event it saw, in order, without duplicates.
 */
export function applyProgress(run: RunRecord, events: readonly CalibrationProgress[]): RunRecord {
  if (events.length === 0 || run.status !== 'running') return run;
  const history = run.history.slice();
  const traces = run.traces.slice();
  let last = history.length > 0 ? history[history.length - 1].iteration : 0;
  for (const e of events) {
    if (e.iteration <= last) continue;
    history.push({ iteration: e.iteration, best: e.best, mean: e.mean });
    traces.push({ iteration: e.iteration, params: { ...e.bestParams } });
    last = e.iteration;
  }
  const tail = events[events.length - 1];
  return {
    ...run,
    iteration: Math.max(run.iteration, tail.iteration),
    totalIterations: tail.totalIterations,
    history,
    traces,
    params: { ...tail.bestParams },
    bestFitness: Math.min(run.bestFitness ?? Infinity, tail.best),
    simulations: tail.simulations,
    failures: tail.failures,
    ...(tail.candidates !== undefined ? { candidates: tail.candidates } : {}),
    ...(tail.maxCandidates !== undefined ? { maxCandidates: tail.maxCandidates } : {}),
  };
}

/**
 * Ends a run with the calibrator's result: `done`, `cancelled` when stopped by the user, or `failed`
 * when every candidate failed (+Infinity): then nothing was calibrated, so the run keeps no
 * parameters (no "calibrated" values, no diagnostics, the step is not ticked) and says why.
 */
export function finishRun(run: RunRecord, result: CalibrationResult, now: number, trust: SignalFields = {}): RunRecord {
  const history = result.history.length >= run.history.length ? result.history.map((h) => ({ ...h })) : run.history;
  const signals = {
    ...(result.search ? { search: result.search, candidates: result.search.candidates, maxCandidates: result.search.maxCandidates } : {}),
    ...(trust.identifiability ? { identifiability: trust.identifiability } : {}),
    ...(trust.warnings ? { warnings: trust.warnings } : {}),
  };
  if (!result.cancelled && !Number.isFinite(result.bestFitness)) {
    const { params: _p, ...rest } = run;
    return {
      ...rest,
      ...signals,
      status: 'failed',
      finishedAt: now,
      history,
      bestFitness: result.bestFitness,
      simulations: result.simulations,
      failures: result.failures,
      firstError: result.firstError,
      seconds: result.seconds,
      error: `Every candidate failed (${result.failures.toLocaleString('en-US')} of them), so no parameters were calibrated.` +
        (result.firstError ? ` First error: ${result.firstError}` : ''),
    };
  }
  return {
    ...signals,
    ...run,
    status: result.cancelled ? 'cancelled' : 'done',
    finishedAt: now,
    history,
    params: { ...result.params },
    bestFitness: result.bestFitness,
    simulations: result.simulations,
    failures: result.failures,
    firstError: result.firstError,
    seconds: result.seconds,
    iteration: result.cancelled ? run.iteration : run.totalIterations,
    // Under the converge budget the total was an estimate: the run ends at the generation it reached.
    ...(result.search?.budget === 'converge' && history.length > 0 && !result.cancelled
      ? { iteration: history[history.length - 1].iteration, totalIterations: history[history.length - 1].iteration }
      : {}),
  };
}

/** Ends a run that threw (compile error in a worker, pool failure). */
export function failRun(run: RunRecord, message: string, now: number): RunRecord {
  return { ...run, status: 'failed', error: message, finishedAt: now };
}

/** Marks runs left `running` by a closed tab: their workers are gone, their best-so-far is kept. */
export function interruptStaleRuns(runs: readonly RunRecord[]): RunRecord[] {
  return runs.map((r) => (r.status === 'running' ? { ...r, status: 'interrupted' as const } : r));
}

/** Replaces a run's diagnostics. */
export function withDiagnostics(run: RunRecord, diagnostics: RunDiagnostics): RunRecord {
  return { ...run, diagnostics };
}

/** Replaces one run (by id) in a list, keeping order; unknown ids leave the list unchanged. */
export function replaceRun(runs: readonly RunRecord[], next: RunRecord): RunRecord[] {
  const i = runs.findIndex((r) => r.id === next.id);
  if (i < 0) return runs as RunRecord[];
  const out = runs.slice();
  out[i] = next;
  return out;
}

/** Adds a run at the front of the history (newest first). */
export function prependRun(runs: readonly RunRecord[], run: RunRecord): RunRecord[] {
  return [run, ...runs];
}
