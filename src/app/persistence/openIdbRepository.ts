import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Dataset } from '../../core/data/Dataset.ts';
import type { CodeVersion, Project } from '../model/Project.ts';
import type { LoopVersion } from '../model/LoopVersion.ts';
import type { RunRecord } from '../model/RunRecord.ts';
import type { StudioRepository } from './StudioRepository.ts';

/** IndexedDB layout. Bump {@link DB_VERSION} and migrate in `upgrade` when it changes. */
interface StudioDb extends DBSchema {
  projects: { key: string; value: Omit<Project, 'dataset'> };
  datasets: { key: string; value: { projectId: string; dataset: Dataset | null } };
  versions: { key: [string, string]; value: CodeVersion; indexes: { byProject: string } };
  runs: { key: string; value: RunRecord; indexes: { byProject: string } };
  lineage: { key: string; value: LoopVersion; indexes: { byProject: string } };
  kv: { key: string; value: unknown };
}

const DB_NAME = 'gsim-studio';
const DB_VERSION = 2;

/**
 * Opens the studio's IndexedDB database (the only module that imports `idb`). The dataset lives in its
 * own store so that typing in the knowledge editor does not rewrite megabytes of trajectories.
 */
export async function openIdbRepository(): Promise<StudioRepository> {
  const db: IDBPDatabase<StudioDb> = await openDB<StudioDb>(DB_NAME, DB_VERSION, {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) {
        d.createObjectStore('projects', { keyPath: 'id' });
        d.createObjectStore('datasets', { keyPath: 'projectId' });
        d.createObjectStore('versions', { keyPath: ['projectId', 'hash'] }).createIndex('byProject', 'projectId');
        d.createObjectStore('runs', { keyPath: 'id' }).createIndex('byProject', 'projectId');
        d.createObjectStore('kv');
      }
      // 2: the G-Sim loop's model lineage.
      if (oldVersion < 2) d.createObjectStore('lineage', { keyPath: 'id' }).createIndex('byProject', 'projectId');
    },
  });
  return {
    async listProjects() {
      const all = await db.getAll('projects');
      return all
        .map(({ id, name, env, createdAt, updatedAt }) => ({ id, name, env, createdAt, updatedAt }))
        .sort((a, b) => b.updatedAt - a.updatedAt);
    },
    async loadProject(id) {
      const tx = db.transaction(['projects', 'datasets', 'versions', 'runs', 'lineage'], 'readonly');
      const [p, ds, versions, runs, lineage] = await Promise.all([
        tx.objectStore('projects').get(id),
        tx.objectStore('datasets').get(id),
        tx.objectStore('versions').index('byProject').getAll(id),
        tx.objectStore('runs').index('byProject').getAll(id),
        tx.objectStore('lineage').index('byProject').getAll(id),
      ]);
      if (!p) return null;
      return {
        project: { ...p, dataset: ds?.dataset ?? null },
        versions: versions.sort((a, b) => b.savedAt - a.savedAt),
        runs: runs.sort((a, b) => b.createdAt - a.createdAt),
        lineage: lineage.sort((a, b) => a.record.iteration - b.record.iteration),
      };
    },
    async saveProject(project) {
      await db.put('projects', project);
    },
    async saveDataset(projectId, dataset) {
      await db.put('datasets', { projectId, dataset });
    },
    async saveVersions(versions) {
      const tx = db.transaction('versions', 'readwrite');
      await Promise.all([...versions.map((v) => tx.store.put(v)), tx.done]);
    },
    async saveRuns(runs) {
      const tx = db.transaction('runs', 'readwrite');
      await Promise.all([...runs.map((r) => tx.store.put(r)), tx.done]);
    },
    async saveLineage(versions) {
      const tx = db.transaction('lineage', 'readwrite');
      await Promise.all([...versions.map((v) => tx.store.put(v)), tx.done]);
    },
    async deleteProject(id) {
      const tx = db.transaction(['projects', 'datasets', 'versions', 'runs', 'lineage'], 'readwrite');
      const vKeys = await tx.objectStore('versions').index('byProject').getAllKeys(id);
      const rKeys = await tx.objectStore('runs').index('byProject').getAllKeys(id);
      const lKeys = await tx.objectStore('lineage').index('byProject').getAllKeys(id);
      await Promise.all([
        tx.objectStore('projects').delete(id),
        tx.objectStore('datasets').delete(id),
        ...vKeys.map((k) => tx.objectStore('versions').delete(k)),
        ...rKeys.map((k) => tx.objectStore('runs').delete(k)),
        ...lKeys.map((k) => tx.objectStore('lineage').delete(k)),
        tx.done,
      ]);
    },
    async getLastProjectId() {
      const v = await db.get('kv', 'lastProjectId');
      return typeof v === 'string' ? v : null;
    },
    async setLastProjectId(id) {
      await db.put('kv', id, 'lastProjectId');
    },
    async getRevision(projectId) {
      const v = await db.get('kv', `revision:${projectId}`);
      return typeof v === 'number' ? v : 0;
    },
    async bumpRevision(projectId, expected) {
      // One readwrite transaction: IndexedDB runs overlapping ones on the same store one after the
      // other, so two tabs cannot both claim the same revision.
      const tx = db.transaction('kv', 'readwrite');
      const key = `revision:${projectId}`;
      const v = await tx.store.get(key);
      const current = typeof v === 'number' ? v : 0;
      if (current !== expected) {
        await tx.done;
        return { ok: false, revision: current };
      }
      await Promise.all([tx.store.put(current + 1, key), tx.done]);
      return { ok: true, revision: current + 1 };
    },
  };
}
