import type { StudioState, StudioStore } from '../store/studioStore.ts';
import { projectDocumentOf } from '../store/selectors.ts';
import type { LoopVersion } from '../model/LoopVersion.ts';
import type { RunRecord } from '../model/RunRecord.ts';
import type { StudioRepository } from './StudioRepository.ts';

/** Handle on the autosaver. */
export interface Autosave {
  /** Writes everything pending now; resolves when IndexedDB has it. */
  flush(): Promise<void>;
  /** Marks the whole open project as unsaved (after creating or importing one). */
  markAllDirty(): void;
  /** Stops listening (pending writes are flushed first). */
  stop(): Promise<void>;
}

/**
 * Watches the store and writes what changed to the repository, debounced by `delayMs`. Only the
 * parts that changed are written: the project document, the dataset, new code versions, and runs
 * whose records changed (each run at most once per flush, however many progress updates it saw).
 */
export function createAutosave(store: StudioStore, repo: StudioRepository, delayMs = 400): Autosave {
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
      // Switching project loads from storage: nothing to write for what was just read.
      seedVersions(s);
      return;
    }
    let changed = false;
    if (
      s.meta !== prev.meta ||
      s.knowledge !== prev.knowledge ||
      s.variables !== prev.variables ||
      s.source !== prev.source ||
      s.rules !== prev.rules ||
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
  };
}
