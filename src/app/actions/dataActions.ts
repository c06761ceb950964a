import { readDatasetFileOffThread } from '../lib/readDatasetFileOffThread.ts';
import { readDatasetImport } from '../model/readDatasetImport.ts';
import type { DatasetImportReply } from '../workers/datasetImportMessages.ts';
import type { TrajectoryRef } from '../store/dataSlice.ts';
import { firstTrajectory } from '../store/projectState.ts';
import { studioStore } from '../store/studioStore.ts';
import { scheduleCompileCheck } from './codeActions.ts';
import { notify } from './uiActions.ts';

/**
 * Imports trajectories from a CSV or JSON file's text (the "Import again" of a fixed text). On success
 * the dataset replaces the project's and its variables become the observed variables; on failure the
 * problem (with row and column) and the untouched text are kept in the store, so the user can fix it
 * in place and nothing is lost. The project's data is only replaced by a complete, valid import.
 * @param fileName the file's name (its extension picks the format).
 * @param text the file's content.
 * @returns true when the import succeeded.
 */
export function importTrajectories(fileName: string, text: string): boolean {
  if (!studioStore.getState().meta) return false;
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
  studioStore.setState({
    dataset,
    datasetOrigin: { kind: 'imported', fileName, importedAt: Date.now() },
    variables: [...dataset.variables],
    importProblem: null,
    selected: firstTrajectory(dataset),
  });
  const n = dataset.splits.train.length + dataset.splits.val.length + dataset.splits.test.length;
  notify('info', `Imported ${n} trajectories from ${fileName}.`);
  for (const w of warnings) notify('info', w);
  if (before.join('\u0000') !== dataset.variables.join('\u0000')) scheduleCompileCheck(0);
  return true;
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
