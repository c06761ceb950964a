import type { Dataset } from '../../core/data/Dataset.ts';
import { getCheckPool } from '../lib/simPools.ts';
import { recordVersion } from '../model/codeVersions.ts';
import { hashSource } from '../model/hashSource.ts';
import { locateError } from '../model/locateError.ts';
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

/** Compiles the working copy now; markers and compiled parameters land in the store. */
export async function checkNow(): Promise<void> {
  const { source, variables } = studioStore.getState();
  const seq = ++checkSeq;
  const hash = hashSource(source);
  studioStore.setState({ compile: { status: 'checking' } });
  let next: Partial<ReturnType<typeof studioStore.getState>>;
  try {
    const result = await getCheckPool().run((api) => api.load(source, emptyDataset(variables)));
    if (result.ok) {
      next = { compile: { status: 'ok', parameters: result.parameters, hash }, markers: [] };
    } else {
      next = { compile: { status: 'error', message: result.error.message, hash }, markers: [locateError(result.error, source, 'compile')] };
    }
  } catch (e) {
    // A timeout (endless loop at top level) or a crashed worker: the pool replaced the worker.
    const message = e instanceof Error ? e.message : String(e);
    next = { compile: { status: 'error', message, hash }, markers: [locateError(message, source, 'compile')] };
  }
  if (seq !== checkSeq || studioStore.getState().source !== source) return; // a newer check is coming
  studioStore.setState((s) => ({ ...next, markers: [...(next.markers ?? []), ...s.markers.filter((m) => m.source === 'runtime')] }));
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
