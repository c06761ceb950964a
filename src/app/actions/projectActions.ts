import type { EnvId } from '../../core/data/Dataset.ts';
import { getEnvironment } from '../../core/envs/environments.ts';
import { generateBenchmarkDataset } from '../lib/generateBenchmarkDataset.ts';
import { BLANK_KNOWLEDGE, BLANK_SOURCE } from '../model/blankProject.ts';
import { hashSource } from '../model/hashSource.ts';
import type { Project } from '../model/Project.ts';
import { maybePersistence, persistence } from '../persistence/session.ts';
import type { StoredProject } from '../persistence/StudioRepository.ts';
import { firstTrajectory, projectState } from '../store/projectState.ts';
import { emptyWhatIf } from '../store/scenarioSlice.ts';
import { studioStore } from '../store/studioStore.ts';
import { cancelCalibration } from './runControl.ts';
import { cancelLoop } from './loopControl.ts';
import { scheduleCompileCheck } from './codeActions.ts';
import { notify } from './uiActions.ts';
import { concurrentEditStore } from '../persistence/concurrentEdit.ts';
import { projectDocumentOf } from '../store/selectors.ts';

/** Seed of the generated benchmark data (the CLI's `gsim data` default). */
const BENCHMARK_DATA_SEED = 1;

function newId(): string {
  return crypto.randomUUID();
}

/** Opens a project document in the store and persists everything as new. */
async function adoptNewProject(stored: StoredProject): Promise<void> {
  await leaveCurrentProject();
  const { project } = stored;
  studioStore.setState((s) => ({
    ...projectState(project, stored.versions, stored.runs, stored.lineage ?? []),
    panel: 'knowledge',
    projects: [{ id: project.id, name: project.name, env: project.env, createdAt: project.createdAt, updatedAt: project.updatedAt }, ...s.projects],
  }));
  maybePersistence()?.autosave.markAllDirty();
  scheduleCompileCheck(0);
  await ensureDataset();
}

/**
 * Creates a project from a built-in benchmark: its knowledge, observed variables, starter program
 * and freshly generated data (in a worker). Opens it on the Knowledge panel.
 * @param envId benchmark id.
 */
export async function createBenchmarkProject(envId: EnvId): Promise<void> {
  const env = getEnvironment(envId);
  const now = Date.now();
  const id = newId();
  const project: Project = {
    id,
    name: env.title,
    env: env.id,
    createdAt: now,
    updatedAt: now,
    knowledge: env.knowledge,
    variables: [...env.variables],
    dataset: null,
    datasetOrigin: { kind: 'generated', env: env.id, seed: BENCHMARK_DATA_SEED },
    source: env.starterSource,
  };
  const versions = [{ projectId: id, hash: hashSource(env.starterSource), source: env.starterSource, savedAt: now }];
  await adoptNewProject({ project, versions, runs: [] });
}

/** Creates an empty project: template knowledge, no data, a minimal program that compiles. */
export async function createBlankProject(): Promise<void> {
  const now = Date.now();
  const id = newId();
  const project: Project = {
    id,
    name: 'Untitled project',
    env: null,
    createdAt: now,
    updatedAt: now,
    knowledge: BLANK_KNOWLEDGE,
    variables: [],
    dataset: null,
    datasetOrigin: null,
    source: BLANK_SOURCE,
  };
  await adoptNewProject({ project, versions: [{ projectId: id, hash: hashSource(BLANK_SOURCE), source: BLANK_SOURCE, savedAt: now }], runs: [] });
}

/**
 * Adopts an imported project file (new id, so importing twice never overwrites).
 * @param suffix added to the name in brackets (a tab's own copy after a concurrent edit: "my copy").
 */
export async function adoptImportedProject(stored: StoredProject, suffix = 'imported'): Promise<void> {
  const id = newId();
  const now = Date.now();
  const project: Project = { ...stored.project, id, name: `${stored.project.name} (${suffix})`, updatedAt: now };
  await adoptNewProject({
    project,
    versions: stored.versions.map((v) => ({ ...v, projectId: id })),
    runs: stored.runs.map((r) => ({ ...r, projectId: id, id: newId() })),
    lineage: (stored.lineage ?? []).map((v) => ({ ...v, projectId: id, id: newId() })),
  });
}

/**
 * Flushes pending saves and stops a running loop or calibration before another project opens. While
 * another tab's newer save holds this tab's saving back, this tab's edits are first kept as a copy
 * (as "Keep mine as a copy" would): leaving must not drop them silently.
 */
async function leaveCurrentProject(): Promise<void> {
  if (concurrentEditStore.getState().conflict) await keepMineAsCopy();
  await cancelLoop();
  if (studioStore.getState().activeRunId) cancelCalibration();
  await maybePersistence()?.autosave.flush();
}

/**
 * Opens a saved project.
 * @param id project id.
 */
export async function openProject(id: string): Promise<void> {
  if (studioStore.getState().meta?.id === id) return;
  await leaveCurrentProject();
  const { repo } = persistence();
  const stored = await repo.loadProject(id);
  if (!stored) {
    notify('error', 'That project is no longer in this browser’s storage.');
    return;
  }
  studioStore.setState(projectState(stored.project, stored.versions, stored.runs, stored.lineage ?? []));
  await repo.setLastProjectId(id);
  scheduleCompileCheck(0);
  await ensureDataset();
}

/** Regenerates a benchmark dataset saved as its recipe (see DatasetOrigin). */
export async function ensureDataset(): Promise<void> {
  const s = studioStore.getState();
  const origin = s.datasetOrigin;
  if (s.dataset || origin?.kind !== 'generated' || !s.meta) return;
  const projectId = s.meta.id;
  studioStore.setState({ datasetLoading: true });
  try {
    const dataset = await generateBenchmarkDataset(origin.env, origin.seed);
    if (studioStore.getState().meta?.id !== projectId) return;
    studioStore.setState((cur) => ({ dataset, datasetLoading: false, selected: cur.selected ?? firstTrajectory(dataset) }));
  } catch (e) {
    studioStore.setState({ datasetLoading: false });
    notify('error', `Could not generate the benchmark data: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Renames the open project.
 * @param name new name (trimmed; empty names are ignored).
 */
export function renameProject(name: string): void {
  const trimmed = name.trim();
  const meta = studioStore.getState().meta;
  if (!meta || !trimmed || trimmed === meta.name) return;
  const next = { ...meta, name: trimmed };
  studioStore.setState((s) => ({ meta: next, projects: s.projects.map((p) => (p.id === next.id ? next : p)) }));
}

/** Deletes the open project from storage and closes it. */
export async function deleteCurrentProject(): Promise<void> {
  const meta = studioStore.getState().meta;
  if (!meta) return;
  await leaveCurrentProject();
  await persistence().repo.deleteProject(meta.id);
  studioStore.setState((s) => ({
    projects: s.projects.filter((p) => p.id !== meta.id),
    meta: null,
    dataset: null,
    datasetOrigin: null,
    runs: [],
    lineage: [],
    rules: [],
    diff: null,
    whatIf: emptyWhatIf(),
    versions: [],
    source: '',
    knowledge: '',
    variables: [],
    selected: null,
    importProblem: null,
    pendingImport: null,
    importUndo: null,
    selectedRunId: null,
    markers: [],
    compile: { status: 'idle' },
  }));
}

/** Start-up: lists saved projects and reopens the last one. */
export async function restoreLastProject(): Promise<void> {
  const { repo } = persistence();
  const projects = await repo.listProjects();
  studioStore.setState({ projects });
  const last = (await repo.getLastProjectId()) ?? projects[0]?.id ?? null;
  if (last && projects.some((p) => p.id === last)) await openProject(last);
}

/**
 * This tab's version is kept as a new project ("… (my copy)"), leaving the other tab's version of the
 * original untouched; the copy opens here.
 */
export async function keepMineAsCopy(): Promise<void> {
  const s = studioStore.getState();
  const project = projectDocumentOf(s);
  if (!project) return;
  const snapshot = structuredClone({ project, versions: s.versions, runs: s.runs, lineage: s.lineage });
  concurrentEditStore.setState({ conflict: null });
  await adoptImportedProject(snapshot, 'my copy');
  notify('info', `Kept this tab's version as “${project.name} (my copy)”.`);
}
