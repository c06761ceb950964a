import { concurrentEditStore } from '../persistence/concurrentEdit.ts';
import { persistence } from '../persistence/session.ts';
import { projectState } from '../store/projectState.ts';
import { studioStore } from '../store/studioStore.ts';
import { scheduleCompileCheck } from './codeActions.ts';
import { ensureDataset } from './projectActions.ts';
import { notify } from './uiActions.ts';

/**
 * The other tab's version wins: reloads the open project from storage, dropping this tab's unsaved
 * edits (the user chose this in the concurrent-edit notice).
 */
export async function reloadTheirVersion(): Promise<void> {
  const id = studioStore.getState().meta?.id;
  if (!id) return;
  const { repo, autosave } = persistence();
  const revision = await repo.getRevision(id);
  const stored = await repo.loadProject(id);
  if (!stored || studioStore.getState().meta?.id !== id) return;
  studioStore.setState(projectState(stored.project, stored.versions, stored.runs, stored.lineage ?? []));
  autosave.adoptStored(id, revision);
  scheduleCompileCheck(0);
  await ensureDataset();
  notify('info', 'Reloaded the version saved in the other tab.');
}

// Kept in projectActions (it opens a project, and leaving a project calls it), re-exported for the banner.
export { keepMineAsCopy } from './projectActions.ts';
