import type { EnvId, Dataset } from '../../core/data/Dataset.ts';
import type { Diagram } from '../../core/diagram/Diagram.ts';
import type { DomainRule } from '../../core/llm/DomainRule.ts';
import type { Recording } from '../replay/Recording.ts';
import type { WhatIfDocument } from './WhatIf.ts';

/** Summary of a project, enough to list it in the project picker. */
export interface ProjectMeta {
  id: string;
  name: string;
  /** The built-in benchmark the project started from, or null for a blank project. */
  env: EnvId | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * One studio project as stored in IndexedDB (`projects` store). Code versions and runs live in their
 * own stores, keyed by `projectId`, so that a run's progress does not rewrite the dataset.
 */
export interface Project extends ProjectMeta {
  /** Domain knowledge in Markdown (what the LLM is told; no parameter values). */
  knowledge: string;
  /** Observed variables: the observation vector every plot and metric compares. */
  variables: string[];
  dataset: Dataset | null;
  /** Where the dataset came from. Generated data is stored as its recipe and regenerated on load. */
  datasetOrigin: DatasetOrigin | null;
  /** The editor's working copy of the simulator program (autosaved; versions are snapshots of it). */
  source: string;
  /** Domain rules checked on every loop candidate; absent in older projects (then the benchmark's defaults). */
  rules?: DomainRule[];
  /** The session recorded in this project, for replay (src/app/replay); absent in older projects. */
  recording?: Recording;
  /** What-if scenarios, policy grid and their last results (src/app/panels/Scenarios); absent in older projects. */
  whatIf?: WhatIfDocument;
  /** The stock-and-flow diagram the program was drawn as (src/app/panels/Diagram); absent in older projects. */
  diagram?: Diagram;
}

/** A snapshot of simulator source, identified by its content hash; runs point at one. */
export interface CodeVersion {
  projectId: string;
  hash: string;
  source: string;
  savedAt: number;
}

/**
 * Provenance of a project's dataset. A benchmark dataset is deterministic in (env, seed), so only
 * the recipe is saved: the hospital dataset is ~33 MB of JSON and regenerates in well under a second.
 */
export type DatasetOrigin =
  | { kind: 'generated'; env: EnvId; seed: number }
  | { kind: 'imported'; fileName: string; importedAt: number };
