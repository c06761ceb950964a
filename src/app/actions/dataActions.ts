import { readDatasetFileOffThread } from '../lib/readDatasetFileOffThread.ts';
import type { DatasetImportReply } from '../workers/datasetImportMessages.ts';
import type { Dataset } from '../../core/data/Dataset.ts';
import type { ImportUndo, TrajectoryRef } from '../store/dataSlice.ts';
import { firstTrajectory } from '../store/projectState.ts';
import { studioStore } from '../store/studioStore.ts';
import { scheduleCompileCheck } from './codeActions.ts';
import { notify } from './uiActions.ts';

/**
 * Imports trajectories from a CSV or JSON file's text (the "Import again" of a fixed text). On success
 * the dataset replaces the project's and its variables become the observed variables; on failure the
 * problem (with row and column) and the untouched text are kept in the store, so the user can fix it
 * in place and nothing is lost. The project's data is only replaced by a complete, valid import; one
 * whose variables differ from the project's waits in `pendingImport` for the user's confirmation, and
 * the replaced data can be put back with {@link undoImport}.
 * @param fileName the file's name (its extension picks the format).
 * @param text the file's content.
 * @returns true when the data was replaced.
 */
export async function importTrajectories(fileName: string, text: string): Promise<boolean> {
  if (!studioStore.getState().meta) return false;
  // The parsers load with the first import (the file path reads off-thread), not with the first render.
  const { readDatasetImport } = await import('../model/readDatasetImport.ts');
  return applyImport(fileName, readDatasetImport(fileName, text));
}

/** Puts an import's outcome into the store: the dataset, or the problem (nothing else changes). */
function applyImport(fileName: string, reply: DatasetImportReply): boolean {
  if (!reply.ok) {
    const { failure } = reply;
    studioStore.setState({
      importProblem: {
        fileName, message: failure.message, row: failure.row, column: failure.column, path: failure.path,
        text: reply.text ?? '',
        ...(reply.text === undefined && { large: { chars: reply.chars, excerpt: reply.excerpt ?? [] } }),
      },
    });
    return false;
  }
  const { dataset, warnings } = reply;
  const before = studioStore.getState().variables;
  const added = dataset.variables.filter((v) => !before.includes(v));
  const missing = before.filter((v) => !dataset.variables.includes(v));
  // Other variables than the simulator was written for: ask before replacing anything.
  if (studioStore.getState().dataset && (added.length > 0 || missing.length > 0)) {
    studioStore.setState({ pendingImport: { fileName, dataset, warnings, added, missing }, importProblem: null });
    return false;
  }
  replaceData(fileName, dataset, warnings);
  return true;
}

/** Replaces the project's data with an import, keeping what it replaced for {@link undoImport}. */
function replaceData(fileName: string, dataset: Dataset, warnings: readonly string[]): void {
  const s = studioStore.getState();
  const undo: ImportUndo | null = s.dataset ? { fileName, dataset: s.dataset, datasetOrigin: s.datasetOrigin, variables: s.variables, selected: s.selected } : null;
  studioStore.setState({
    dataset,
    datasetOrigin: { kind: 'imported', fileName, importedAt: Date.now() },
    variables: [...dataset.variables],
    importProblem: null,
    pendingImport: null,
    importUndo: undo,
    selected: firstTrajectory(dataset),
  });
  const n = dataset.splits.train.length + dataset.splits.val.length + dataset.splits.test.length;
  notify('info', `Imported ${n} trajectories from ${fileName}.`);
  for (const w of warnings) notify('info', w);
  if (s.variables.join('\u0000') !== dataset.variables.join('\u0000')) scheduleCompileCheck(0);
}

/** Replaces the data with the pending import the user confirmed (its variables differ from the project's). */
export function confirmPendingImport(): void {
  const p = studioStore.getState().pendingImport;
  if (p) replaceData(p.fileName, p.dataset, p.warnings);
}

/** Drops the pending import: the project's data stays as it was. */
export function cancelPendingImport(): void {
  studioStore.setState({ pendingImport: null });
}

/** Puts back the data (and observed variables) the last import replaced. */
export function undoImport(): void {
  const s = studioStore.getState();
  const u = s.importUndo;
  if (!u) return;
  studioStore.setState({ dataset: u.dataset, datasetOrigin: u.datasetOrigin, variables: u.variables, selected: u.selected, importUndo: null });
  notify('info', `Undid the import of ${u.fileName}: the previous data is back.`);
  if (s.variables.join('\u0000') !== u.variables.join('\u0000')) scheduleCompileCheck(0);
}

/**
 * Reads a user's file off the main thread and imports it. The result is dropped when the user has
 * switched project meanwhile, or when a newer file was dropped (the newest wins).
 * @param file from a file input or a drop.
 * @returns true when the import succeeded.
 */
export async function importTrajectoryFile(file: File): Promise<boolean> {
  const projectId = studioStore.getState().meta?.id;
  if (!projectId) return false;
  const reply = await readDatasetFileOffThread(file);
  if (!reply || studioStore.getState().meta?.id !== projectId) return false;
  return applyImport(file.name, reply);
}

/** Keeps edits the user makes to the text of a failed import. */
export function editImportText(text: string): void {
  const p = studioStore.getState().importProblem;
  if (p) studioStore.setState({ importProblem: { ...p, text } });
}

/** Drops a failed import (the user chose to discard it). */
export function dismissImportProblem(): void {
  studioStore.setState({ importProblem: null });
}

/**
 * Picks the trajectory the Data panel shows.
 * @param ref split and index.
 */
export function selectTrajectory(ref: TrajectoryRef): void {
  studioStore.setState({ selected: ref });
}
