import type { Dataset } from '../../core/data/Dataset.ts';
import { DatasetError } from '../../core/data/DatasetError.ts';
import { validateDataset } from '../../core/data/validateDataset.ts';
import type { StoredProject } from '../persistence/StudioRepository.ts';
import type { CodeVersion, DatasetOrigin, Project } from './Project.ts';
import { ProjectFileError } from './ProjectFileError.ts';
import { readRecording } from '../replay/readRecording.ts';
import { readWhatIf } from './readWhatIf.ts';
import { readDiagram } from './readDiagram.ts';
import { boundedInt, CALIBRATION_LIMITS, checkImportLimits, RUN_LIMITS } from './importLimits.ts';
import type { RunRecord, RunStatus } from './RunRecord.ts';

/** `format` of an exported project file. */
export const PROJECT_FILE_FORMAT = 'gsim-project';
/** Schema version written by this studio; files with a newer version are refused. */
export const PROJECT_SCHEMA_VERSION = 1;

/** One project as a single JSON file. */
export interface ProjectFile {
  format: typeof PROJECT_FILE_FORMAT;
  schemaVersion: typeof PROJECT_SCHEMA_VERSION;
  exportedAt: string;
  project: Project;
  versions: CodeVersion[];
  runs: RunRecord[];
}

/**
 * Builds the export file. Generated benchmark data is written as its recipe only (datasetOrigin), as
 * in storage; imported data is written in full.
 * @param now export time (epoch ms).
 */
export function toProjectFile(stored: StoredProject, now: number): ProjectFile {
  const { project } = stored;
  const dataset = project.datasetOrigin?.kind === 'generated' ? null : project.dataset;
  return {
    format: PROJECT_FILE_FORMAT,
    schemaVersion: PROJECT_SCHEMA_VERSION,
    exportedAt: new Date(now).toISOString(),
    project: { ...project, dataset },
    versions: stored.versions,
    runs: stored.runs,
  };
}

const ENV_IDS = ['covid', 'supply-chain', 'hospital'] as const;
const STATUSES: readonly RunStatus[] = ['running', 'done', 'cancelled', 'failed', 'interrupted'];
const METHODS = ['ga', 'cmaes', 'npe'] as const;

type Obj = Record<string, unknown>;

function fail(path: string, expected: string, got: unknown): never {
  const shown = got === undefined ? 'nothing' : typeof got === 'string' ? JSON.stringify(got.slice(0, 40)) : Array.isArray(got) ? 'a list' : got === null ? 'null' : typeof got;
  throw new ProjectFileError(path, `expected ${expected}, got ${shown}`);
}
function obj(v: unknown, path: string): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(path, 'an object', v);
  return v as Obj;
}
function str(v: unknown, path: string): string {
  if (typeof v !== 'string') fail(path, 'a string', v);
  return v;
}
function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, 'a finite number', v);
  return v;
}
/** Fitness values: JSON has no Infinity, so `null` is read back as +Infinity (documented repair). */
function fitness(v: unknown, path: string): number {
  return v === null ? Infinity : num(v, path);
}
/** `v` unchanged, unless it is a list longer than `max` (a ProjectFileError at `path`). */
function capped(v: unknown, path: string, max: number): unknown {
  if (Array.isArray(v) && v.length > max) throw new ProjectFileError(path, `a list of ${v.length.toLocaleString('en')} entries; at most ${max.toLocaleString('en')} are allowed`);
  return v;
}
function optional<T>(v: unknown, read: (v: unknown) => T): T | undefined {
  return v === undefined ? undefined : read(v);
}
function list<T>(v: unknown, path: string, item: (x: unknown, p: string) => T): T[] {
  if (!Array.isArray(v)) fail(path, 'a list', v);
  return v.map((x, i) => item(x, `${path}[${i}]`));
}
function numbers(v: unknown, path: string): Record<string, number> {
  const o = obj(v, path);
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, num(x, `${path}.${k}`)]));
}
function oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T {
  if (!options.includes(v as T)) fail(path, `one of ${options.map((o) => `"${o}"`).join(', ')}`, v);
  return v as T;
}

function readOrigin(v: unknown, path: string): DatasetOrigin | null {
  if (v === null || v === undefined) return null;
  const o = obj(v, path);
  if (o.kind === 'generated') return { kind: 'generated', env: oneOf(o.env, `${path}.env`, ENV_IDS), seed: num(o.seed, `${path}.seed`) };
  if (o.kind === 'imported') return { kind: 'imported', fileName: str(o.fileName, `${path}.fileName`), importedAt: num(o.importedAt, `${path}.importedAt`) };
  return fail(`${path}.kind`, '"generated" or "imported"', o.kind);
}

function readDataset(v: unknown, path: string): Dataset | null {
  if (v === null || v === undefined) return null;
  try {
    return validateDataset(v);
  } catch (e) {
    if (e instanceof DatasetError) throw new ProjectFileError(`${path}.${e.path}`, e.message);
    throw e;
  }
}

function readProject(v: unknown): Project {
  const p = obj(v, 'project');
  const project: Project = {
    id: str(p.id, 'project.id'),
    name: str(p.name, 'project.name'),
    env: p.env === null || p.env === undefined ? null : oneOf(p.env, 'project.env', ENV_IDS),
    createdAt: num(p.createdAt, 'project.createdAt'),
    updatedAt: num(p.updatedAt, 'project.updatedAt'),
    knowledge: str(p.knowledge, 'project.knowledge'),
    variables: list(p.variables, 'project.variables', str),
    dataset: readDataset(p.dataset, 'project.dataset'),
    datasetOrigin: readOrigin(p.datasetOrigin, 'project.datasetOrigin'),
    source: str(p.source, 'project.source'),
    rules: optional(p.rules, (x) =>
      list(x, 'project.rules', (r, rp) => {
        const o = obj(r, rp);
        return { id: str(o.id, `${rp}.id`), description: str(o.description ?? '', `${rp}.description`), check: str(o.check, `${rp}.check`) };
      }),
    ),
  };
  if (project.rules === undefined) delete project.rules;
  // A recorded session (teaching replay); optional, so files from before it import unchanged.
  if (p.recording !== undefined && p.recording !== null) project.recording = readRecording(p.recording, 'project.recording');
  if (p.whatIf !== undefined && p.whatIf !== null) project.whatIf = readWhatIf(p.whatIf, 'project.whatIf');
  // The drawn diagram (#18); optional, so files from before it import unchanged.
  if (p.diagram !== undefined && p.diagram !== null) project.diagram = readDiagram(p.diagram, 'project.diagram');
  if (project.datasetOrigin?.kind === 'imported' && !project.dataset) {
    throw new ProjectFileError('project.dataset', 'the data was imported, so the file must contain it, but it is missing');
  }
  return project;
}

function readRun(v: unknown, path: string): RunRecord {
  const r = obj(v, path);
  const s = obj(r.settings, `${path}.settings`);
  const run: RunRecord = {
    id: str(r.id, `${path}.id`),
    projectId: str(r.projectId, `${path}.projectId`),
    createdAt: num(r.createdAt, `${path}.createdAt`),
    finishedAt: optional(r.finishedAt, (x) => num(x, `${path}.finishedAt`)),
    settings: {
      method: oneOf(s.method, `${path}.settings.method`, METHODS),
      generations: boundedInt(s.generations, `${path}.settings.generations`, CALIBRATION_LIMITS.generations),
      popsize: boundedInt(s.popsize, `${path}.settings.popsize`, CALIBRATION_LIMITS.popsize),
      mc: boundedInt(s.mc, `${path}.settings.mc`, CALIBRATION_LIMITS.mc),
      seed: boundedInt(s.seed, `${path}.settings.seed`, CALIBRATION_LIMITS.seed),
      npe: s.npe === undefined ? undefined : (obj(s.npe, `${path}.settings.npe`) as unknown as RunRecord['settings']['npe']),
      // Issue #14; absent in older files (which ran the paper's MSE and fixed budget).
      fitness: s.fitness === undefined ? undefined : oneOf(s.fitness, `${path}.settings.fitness`, ['mse', 'energy'] as const),
      budget: s.budget === undefined ? undefined : oneOf(s.budget, `${path}.settings.budget`, ['converge', 'paper'] as const),
      fixed: optional(s.fixed, (x) => numbers(x, `${path}.settings.fixed`)),
    },
    codeHash: str(r.codeHash, `${path}.codeHash`),
    parameters: list(r.parameters, `${path}.parameters`, (x, p) => {
      const o = obj(x, p);
      return {
        name: str(o.name, `${p}.name`),
        min: num(o.min, `${p}.min`),
        max: num(o.max, `${p}.max`),
        init: optional(o.init, (y) => num(y, `${p}.init`)),
        description: optional(o.description, (y) => str(y, `${p}.description`)),
      };
    }),
    status: oneOf(r.status, `${path}.status`, STATUSES),
    iteration: num(r.iteration, `${path}.iteration`),
    totalIterations: num(r.totalIterations, `${path}.totalIterations`),
    history: list(capped(r.history, `${path}.history`, RUN_LIMITS.history), `${path}.history`, (x, p) => {
      const o = obj(x, p);
      return { iteration: num(o.iteration, `${p}.iteration`), best: fitness(o.best, `${p}.best`), mean: fitness(o.mean, `${p}.mean`) };
    }),
    traces: list(capped(r.traces, `${path}.traces`, RUN_LIMITS.history), `${path}.traces`, (x, p) => {
      const o = obj(x, p);
      return { iteration: num(o.iteration, `${p}.iteration`), params: numbers(o.params, `${p}.params`) };
    }),
    params: optional(r.params, (x) => numbers(x, `${path}.params`)),
    bestFitness: optional(r.bestFitness, (x) => fitness(x, `${path}.bestFitness`)),
    simulations: num(r.simulations, `${path}.simulations`),
    failures: num(r.failures, `${path}.failures`),
    firstError: optional(r.firstError, (x) => str(x, `${path}.firstError`)),
    error: optional(r.error, (x) => str(x, `${path}.error`)),
    seconds: optional(r.seconds, (x) => num(x, `${path}.seconds`)),
    // Diagnostics are derived data: kept when well-formed at the top, recomputable otherwise.
    diagnostics: r.diagnostics === undefined ? undefined : (obj(r.diagnostics, `${path}.diagnostics`) as unknown as RunRecord['diagnostics']),
    // The NPE posterior is a result of its own (not recomputable without retraining): kept as stored.
    npe: r.npe === undefined ? undefined : (obj(r.npe, `${path}.npe`) as unknown as RunRecord['npe']),
    // Trust signals (issue #14) are derived data, kept as stored when they are lists / objects.
    search: r.search === undefined ? undefined : (obj(r.search, `${path}.search`) as unknown as RunRecord['search']),
    identifiability: r.identifiability === undefined ? undefined : (list(r.identifiability, `${path}.identifiability`, (x, p) => obj(x, p)) as unknown as RunRecord['identifiability']),
    warnings: r.warnings === undefined ? undefined : (list(r.warnings, `${path}.warnings`, (x, p) => obj(x, p)) as unknown as RunRecord['warnings']),
  };
  if (run.status === 'running') run.status = 'interrupted';
  return run;
}

/**
 * Validates an imported project file and returns its contents; throws {@link ProjectFileError} naming
 * the JSON path of the first problem. Nothing is returned unless everything passes (never half-loads).
 * Repairs: fitness `null` is +Infinity (JSON cannot hold Infinity); a run saved as `running` becomes
 * `interrupted`.
 * @param json the parsed file.
 */
export function parseProjectFile(json: unknown): StoredProject {
  checkImportLimits(json);
  const root = obj(json, '(file)');
  if (root.format !== PROJECT_FILE_FORMAT) fail('format', `"${PROJECT_FILE_FORMAT}" (is this a G-Sim Studio project export?)`, root.format);
  const version = num(root.schemaVersion, 'schemaVersion');
  if (version > PROJECT_SCHEMA_VERSION) {
    throw new ProjectFileError('schemaVersion', `this file was written by a newer studio (schema ${version}); this one reads schema ${PROJECT_SCHEMA_VERSION}`);
  }
  if (version !== PROJECT_SCHEMA_VERSION) fail('schemaVersion', String(PROJECT_SCHEMA_VERSION), version);
  const project = readProject(root.project);
  const versions = list(root.versions, 'versions', (x, p) => {
    const o = obj(x, p);
    return { projectId: project.id, hash: str(o.hash, `${p}.hash`), source: str(o.source, `${p}.source`), savedAt: num(o.savedAt, `${p}.savedAt`) };
  });
  const runs = list(capped(root.runs, 'runs', RUN_LIMITS.runs), 'runs', readRun).map((r) => ({ ...r, projectId: project.id }));
  return { project, versions, runs };
}
