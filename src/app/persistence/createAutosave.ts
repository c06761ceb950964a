import type { StudioState, StudioStore } from '../store/studioStore.ts';
import { projectDocumentOf } from '../store/selectors.ts';
import type { LoopVersion } from '../model/LoopVersion.ts';
import type { RunRecord } from '../model/RunRecord.ts';
import { concurrentEditStore } from './concurrentEdit.ts';
import type { StudioRepository } from './StudioRepository.ts';

/** Handle on the autosaver. */
export interface Autosave {
  /** Writes everything pending now; resolves when IndexedDB has it. */
  flush(): Promise<void>;
  /** Marks the whole open project as unsaved (after creating or importing one). */
  markAllDirty(): void;
  /** Stops listening (pending writes are flushed first). */
  stop(): Promise<void>;
  /** Another tab saved `revision` of a project: a conflict when it is the open one and newer than ours. */
  noteForeignSave(projectId: string, revision: number): Promise<void>;
  /** The open project was just reloaded from storage at `revision`: nothing is pending, no conflict. */
  adoptStored(projectId: string, revision: number): void;
}

/** Options of {@link createAutosave}. */
export interface AutosaveOptions {
  /** Told after each successful write (the bootstrap broadcasts it to other tabs). */
  onSaved?(projectId: string, revision: number): void;
  /** Where a detected concurrent edit is reported (default: the shared concurrentEditStore). */
  conflicts?: typeof concurrentEditStore;
}

/**
 * Watches the store and writes what changed to the repository, debounced by `delayMs`. Only the
 * parts that changed are written: the project document, the dataset, new code versions, and runs
 * whose records changed (each run at most once per flush, however many progress updates it saw).
 *
 * Two tabs on one project: every write claims the next revision of the project first; when another
 * tab has written since this tab read it, nothing is written, the conflict is reported (the edits stay
 * in memory and dirty) and the user chooses what to keep.
 */
export function createAutosave(store: StudioStore, repo: StudioRepository, delayMs = 400, opts: AutosaveOptions = {}): Autosave {
  const conflicts = opts.conflicts ?? concurrentEditStore;
  // The revision of the open project this tab last read or wrote; a write first claims the next one
  // (repo.bumpRevision), which fails when another tab has saved in between (see concurrentEdit.ts).
  let base: { projectId: string; revision: Promise<number> } | null = null;
  const baseOf = (id: string) => {
    if (base?.projectId !== id) base = { projectId: id, revision: repo.getRevision(id) };
    return base.revision;
  };
  let projectDirty = false;
  let datasetDirty = false;
  const dirtyRuns = new Map<string, RunRecord>();
  const dirtyLineage = new Map<string, LoopVersion>();
  const knownVersions = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();

  const seedVersions = (s: StudioState) => {
    knownVersions.clear();
    for (const v of s.versions) knownVersions.add(`${v.projectId}/${v.hash}`);
  };
  seedVersions(store.getState());

  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void flush(), delayMs);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (!s.meta) return;
    if (s.meta.id !== prev.meta?.id) {
      // Switching project loads from storage: nothing to write for what was just read. What is still
      // pending belonged to the previous project (held back by a conflict): it must not land here.
      seedVersions(s);
      dirtyRuns.clear();
      dirtyLineage.clear();
      projectDirty = datasetDirty = false;
      void baseOf(s.meta.id);
      if (conflicts.getState().conflict) conflicts.setState({ conflict: null });
      return;
    }
    let changed = false;
    if (
      s.meta !== prev.meta ||
      s.knowledge !== prev.knowledge ||
      s.variables !== prev.variables ||
      s.source !== prev.source ||
      s.rules !== prev.rules ||
      s.recording !== prev.recording ||
      s.whatIf !== prev.whatIf ||
      s.diagram !== prev.diagram ||
      s.datasetOrigin !== prev.datasetOrigin
    ) {
      projectDirty = changed = true;
    }
    if (s.dataset !== prev.dataset) datasetDirty = changed = true;
    if (s.versions !== prev.versions) changed = true;
    if (s.runs !== prev.runs) {
      const before = new Map(prev.runs.map((r) => [r.id, r]));
      for (const r of s.runs) {
        if (before.get(r.id) !== r) {
          dirtyRuns.set(r.id, r);
          changed = true;
        }
      }
    }
    if (s.lineage !== prev.lineage) {
      const before = new Map(prev.lineage.map((v) => [v.id, v]));
      for (const v of s.lineage) {
        if (before.get(v.id) !== v) {
          dirtyLineage.set(v.id, v);
          changed = true;
        }
      }
    }
    if (changed) schedule();
  });

  async function write(): Promise<void> {
    const id = store.getState().meta?.id;
    if (!id || conflicts.getState().conflict?.projectId === id) return;
    const pending = projectDirty || datasetDirty || dirtyRuns.size > 0 || dirtyLineage.size > 0 || store.getState().versions.some((v) => !knownVersions.has(`${v.projectId}/${v.hash}`));
    if (!pending) return;
    const claim = await repo.bumpRevision(id, await baseOf(id));
    if (store.getState().meta?.id !== id) return;
    if (!claim.ok) {
      conflicts.setState({ conflict: { projectId: id, theirRevision: claim.revision } });
      return;
    }
    base = { projectId: id, revision: Promise.resolve(claim.revision) };
    const s = store.getState();
    if (!s.meta) return;
    const jobs: Promise<void>[] = [];
    if (projectDirty) {
      projectDirty = false;
      const { dataset: _omit, ...doc } = projectDocumentOf(s)!;
      void _omit;
      jobs.push(repo.saveProject(doc));
      jobs.push(repo.setLastProjectId(doc.id));
    }
    if (datasetDirty) {
      datasetDirty = false;
      // Generated data is saved as its recipe (datasetOrigin) only; see DatasetOrigin.
      const stored = s.datasetOrigin?.kind === 'generated' ? null : s.dataset;
      jobs.push(repo.saveDataset(s.meta.id, stored));
    }
    const fresh = s.versions.filter((v) => !knownVersions.has(`${v.projectId}/${v.hash}`));
    if (fresh.length > 0) {
      for (const v of fresh) knownVersions.add(`${v.projectId}/${v.hash}`);
      jobs.push(repo.saveVersions(fresh));
    }
    if (dirtyRuns.size > 0) {
      const runs = [...dirtyRuns.values()];
      dirtyRuns.clear();
      jobs.push(repo.saveRuns(runs));
    }
    if (dirtyLineage.size > 0) {
      const versions = [...dirtyLineage.values()];
      dirtyLineage.clear();
      jobs.push(repo.saveLineage(versions));
    }
    await Promise.all(jobs);
    opts.onSaved?.(id, claim.revision);
  }

  function flush(): Promise<void> {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    // Serialise writes so an older snapshot never lands after a newer one.
    writing = writing.then(write, write);
    return writing;
  }

  return {
    flush,
    markAllDirty() {
      const s = store.getState();
      projectDirty = datasetDirty = true;
      knownVersions.clear();
      for (const r of s.runs) dirtyRuns.set(r.id, r);
      for (const v of s.lineage) dirtyLineage.set(v.id, v);
      schedule();
    },
    async stop() {
      unsubscribe();
      await flush();
    },
    async noteForeignSave(projectId, revision) {
      if (store.getState().meta?.id !== projectId || base?.projectId !== projectId) return;
      if (revision > (await base.revision) && store.getState().meta?.id === projectId) {
        conflicts.setState({ conflict: { projectId, theirRevision: revision } });
      }
    },
    adoptStored(projectId, revision) {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      projectDirty = datasetDirty = false;
      dirtyRuns.clear();
      dirtyLineage.clear();
      seedVersions(store.getState());
      base = { projectId, revision: Promise.resolve(revision) };
      conflicts.setState({ conflict: null });
    },
  };
}
