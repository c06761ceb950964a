import type { Dataset } from '../../core/data/Dataset.ts';
import type { CodeVersion, Project, ProjectMeta } from '../model/Project.ts';
import type { LoopVersion } from '../model/LoopVersion.ts';
import type { RunRecord } from '../model/RunRecord.ts';

/** A project with everything stored beside it. */
export interface StoredProject {
  project: Project;
  versions: CodeVersion[];
  runs: RunRecord[];
  /** The G-Sim loop's model lineage (absent: none). */
  lineage?: LoopVersion[];
}

/**
 * Where projects, code versions and runs are kept. The browser implementation is IndexedDB
 * ({@link openIdbRepository}); tests use {@link createMemoryRepository}.
 */
export interface StudioRepository {
  listProjects(): Promise<ProjectMeta[]>;
  loadProject(id: string): Promise<StoredProject | null>;
  /** Saves the project document without its dataset (see {@link saveDataset}). */
  saveProject(project: Omit<Project, 'dataset'>): Promise<void>;
  saveDataset(projectId: string, dataset: Dataset | null): Promise<void>;
  saveVersions(versions: readonly CodeVersion[]): Promise<void>;
  saveRuns(runs: readonly RunRecord[]): Promise<void>;
  saveLineage(versions: readonly LoopVersion[]): Promise<void>;
  deleteProject(id: string): Promise<void>;
  getLastProjectId(): Promise<string | null>;
  setLastProjectId(id: string): Promise<void>;
  /** How many times any tab has saved this project (0 when never). */
  getRevision(projectId: string): Promise<number>;
  /**
   * Claims the next revision, atomically, if the stored one is still `expected` (what this tab last
   * saw); otherwise leaves it and reports the stored one, so two tabs never overwrite each other
   * silently (see createAutosave).
   */
  bumpRevision(projectId: string, expected: number): Promise<{ ok: boolean; revision: number }>;
}

/** An in-memory repository (for unit tests and when IndexedDB is unavailable, e.g. private mode). */
export function createMemoryRepository(): StudioRepository {
  const projects = new Map<string, Omit<Project, 'dataset'>>();
  const datasets = new Map<string, Dataset | null>();
  const versions = new Map<string, CodeVersion>();
  const runs = new Map<string, RunRecord>();
  const lineage = new Map<string, LoopVersion>();
  let last: string | null = null;
  const revisions = new Map<string, number>();
  const clone = <T>(x: T): T => structuredClone(x);
  return {
    async listProjects() {
      return [...projects.values()]
        .map(({ id, name, env, createdAt, updatedAt }) => ({ id, name, env, createdAt, updatedAt }))
        .sort((a, b) => b.updatedAt - a.updatedAt);
    },
    async loadProject(id) {
      const p = projects.get(id);
      if (!p) return null;
      return {
        project: clone({ ...p, dataset: datasets.get(id) ?? null }),
        versions: clone([...versions.values()].filter((v) => v.projectId === id).sort((a, b) => b.savedAt - a.savedAt)),
        runs: clone([...runs.values()].filter((r) => r.projectId === id).sort((a, b) => b.createdAt - a.createdAt)),
        lineage: clone([...lineage.values()].filter((v) => v.projectId === id).sort((a, b) => a.record.iteration - b.record.iteration)),
      };
    },
    async saveProject(project) {
      projects.set(project.id, clone(project));
    },
    async saveDataset(projectId, dataset) {
      datasets.set(projectId, clone(dataset));
    },
    async saveVersions(vs) {
      for (const v of vs) versions.set(`${v.projectId}/${v.hash}`, clone(v));
    },
    async saveRuns(rs) {
      for (const r of rs) runs.set(r.id, clone(r));
    },
    async saveLineage(vs) {
      for (const v of vs) lineage.set(v.id, clone(v));
    },
    async deleteProject(id) {
      projects.delete(id);
      datasets.delete(id);
      for (const [k, v] of versions) if (v.projectId === id) versions.delete(k);
      for (const [k, r] of runs) if (r.projectId === id) runs.delete(k);
      for (const [k, v] of lineage) if (v.projectId === id) lineage.delete(k);
    },
    async getLastProjectId() {
      return last;
    },
    async setLastProjectId(id) {
      last = id;
    },
    async getRevision(projectId) {
      return revisions.get(projectId) ?? 0;
    },
    async bumpRevision(projectId, expected) {
      const current = revisions.get(projectId) ?? 0;
      if (current !== expected) return { ok: false, revision: current };
      revisions.set(projectId, current + 1);
      return { ok: true, revision: current + 1 };
    },
  };
}
