import { DatasetError } from '../../core/data/DatasetError.ts';
import { readDatasetFile } from '../model/readDatasetFile.ts';
import type { TrajectoryRef } from '../store/dataSlice.ts';
import { firstTrajectory } from '../store/projectState.ts';
import { studioStore } from '../store/studioStore.ts';
import { scheduleCompileCheck } from './codeActions.ts';
import { notify } from './uiActions.ts';

/**
 * Imports trajectories from a CSV or JSON file's text. On success the dataset replaces the project's
 * and its variables become the observed variables; on failure the problem (with row and column) and
 * the untouched text are kept in the store, so the user can fix it in place and nothing is lost.
 * @param fileName the file's name (its extension picks the format).
 * @param text the file's content.
 * @returns true when the import succeeded.
 */
export function importTrajectories(fileName: string, text: string): boolean {
  if (!studioStore.getState().meta) return false;
  try {
    const { dataset, warnings } = readDatasetFile(fileName, text);
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
  } catch (e) {
    if (!(e instanceof DatasetError)) throw e;
    studioStore.setState({
      importProblem: { fileName, message: e.message, row: e.row, column: e.column, path: e.path, text },
    });
    return false;
  }
}

/**
 * Reads a user's file and imports it.
 * @param file from a file input or a drop.
 */
export async function importTrajectoryFile(file: File): Promise<boolean> {
  const text = await file.text();
  return importTrajectories(file.name, text);
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
