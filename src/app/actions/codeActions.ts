import type { Dataset } from '../../core/data/Dataset.ts';
import type { ParameterSpec } from '../../core/sim/types.ts';
import { getCheckPool } from '../lib/simPools.ts';
import { recordVersion } from '../model/codeVersions.ts';
import { hashSource } from '../model/hashSource.ts';
import { locateError } from '../model/locateError.ts';
import type { StepCheck } from '../store/codeSlice.ts';
import { studioStore } from '../store/studioStore.ts';

let timer: ReturnType<typeof setTimeout> | null = null;
let checkSeq = 0;

/**
 * Replaces the editor's working copy and schedules a compile check.
 * @param source the full program text.
 */
export function setSource(source: string): void {
  if (studioStore.getState().source === source) return;
  studioStore.setState((s) => ({ source, markers: s.markers.filter((m) => m.source !== 'runtime') }));
  scheduleCompileCheck();
}

/**
 * Compiles the working copy in the check worker after `delayMs` of quiet typing (debounced).
 * @param delayMs quiet time before checking.
 */
export function scheduleCompileCheck(delayMs = 500): void {
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void checkNow();
  }, delayMs);
}

/** A dataset with no trajectories: compiling needs the variable names only, not megabytes of data. */
function emptyDataset(variables: string[]): Dataset {
  return { format: 'gsim-dataset', version: 1, name: 'compile check', variables, splits: { train: [], val: [], test: [] } };
}

/**
 * The data's first transition as a one-trajectory dataset (first state, its action, the next state),
 * for the step check; null without data or when no trajectory has two states.
 */
export function firstStepDataset(dataset: Dataset | null): Dataset | null {
  if (!dataset) return null;
  const tr = [...dataset.splits.train, ...dataset.splits.val, ...dataset.splits.test].find((t) => t.states.length >= 2);
  if (!tr) return null;
  const first = { id: tr.id, states: tr.states.slice(0, 2), actions: tr.actions.slice(0, 1) };
  return { ...emptyDataset(dataset.variables), splits: { train: [first], val: [], test: [] } };
}

type CheckResult = Partial<ReturnType<typeof studioStore.getState>>;

/**
 * Compiles the working copy now and, when there is data, runs `step` once from the data's first state
 * at the init values, so that a program that compiles but returns no `R` (or throws) is flagged before
 * a calibration spends its budget on it. Markers and compiled parameters land in the store.
 */
export async function checkNow(): Promise<void> {
  const { source, variables, dataset } = studioStore.getState();
  const seq = ++checkSeq;
  const hash = hashSource(source);
  studioStore.setState({ compile: { status: 'checking' } });
  let next: CheckResult;
  try {
    const oneStep = firstStepDataset(dataset);
    const result = await getCheckPool().run((api) => api.load(source, oneStep ?? emptyDataset(variables)));
    if (!result.ok) {
      next = { compile: { status: 'error', phase: 'compile', message: result.error.message, hash }, markers: [locateError(result.error, source, 'compile')] };
    } else if (!oneStep) {
      next = { compile: { status: 'ok', parameters: result.parameters, hash }, markers: [] };
    } else {
      next = await checkFirstStep(oneStep, result.parameters, source, hash);
    }
  } catch (e) {
    // A timeout (endless loop at top level) or a crashed worker: the pool replaced the worker.
    const message = e instanceof Error ? e.message : String(e);
    next = { compile: { status: 'error', message, hash }, markers: [locateError(message, source, 'compile')] };
  }
  if (seq !== checkSeq || studioStore.getState().source !== source) return; // a newer check is coming
  studioStore.setState((s) => ({ ...next, markers: [...(next.markers ?? []), ...s.markers.filter((m) => m.source === 'runtime')] }));
}

/** Runs one step of the loaded program from the one-step dataset's first state (at the init values). */
async function checkFirstStep(oneStep: Dataset, parameters: ParameterSpec[], source: string, hash: string): Promise<CheckResult> {
  const params = Object.fromEntries(parameters.map((p) => [p.name, p.init ?? (p.min + p.max) / 2]));
  const tr = oneStep.splits.train[0];
  const r = await getCheckPool().run((api) => api.rollouts({ params, split: 'train', trajectories: [0], rollouts: 1, includeEnsemble: true, seed: 1 }));
  if (!r.ok) {
    const message = `step from the data's first state (trajectory ${tr.id}, t = 0, init values): ${r.error.message}`;
    return { compile: { status: 'error', phase: 'step', message, hash }, markers: [locateError({ ...r.error, message }, source, 'compile')] };
  }
  const [b] = r.value;
  const dim = b.variables.length;
  const step: StepCheck = {
    trajectory: tr.id, variables: b.variables,
    from: Array.from(b.observed.subarray(0, dim)), returned: Array.from(b.ensemble!.subarray(dim, 2 * dim)), observedNext: Array.from(b.observed.subarray(dim, 2 * dim)),
  };
  return { compile: { status: 'ok', parameters, hash, step }, markers: [] };
}

/**
 * Snapshots the working copy as a code version (no-op when that content is already saved).
 * @returns the version's hash.
 */
export function saveVersion(): string {
  const { source, meta } = studioStore.getState();
  const hash = hashSource(source);
  if (meta) {
    studioStore.setState((s) => ({ versions: recordVersion(s.versions, { projectId: meta.id, hash, source, savedAt: Date.now() }) }));
  }
  return hash;
}

/**
 * Shows an error a worker reported while running the program (e.g. during calibration) as a marker.
 * @param message the worker's message (positions are parsed from it).
 * @param source the program that ran.
 */
export function showRuntimeError(message: string, source: string): void {
  if (studioStore.getState().source !== source) return; // the marker would point into other code
  const marker = locateError(message, source, 'runtime');
  studioStore.setState((s) => ({ markers: [...s.markers.filter((m) => m.source !== 'runtime'), marker] }));
}

/**
 * Restores a saved version into the editor.
 * @param hash the version's hash.
 */
export function restoreVersion(hash: string): void {
  const v = studioStore.getState().versions.find((x) => x.hash === hash);
  if (v) setSource(v.source);
}
