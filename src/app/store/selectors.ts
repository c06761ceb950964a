import type { Diagram } from '../../core/diagram/Diagram.ts';
import { getEnvironment } from '../../core/envs/environments.ts';
import type { Dataset, SplitName, Trajectory } from '../../core/data/Dataset.ts';
import type { DomainRule } from '../../core/llm/DomainRule.ts';
import type { ParameterSpec } from '../../core/sim/types.ts';
import type { DatasetOrigin, Project } from '../model/Project.ts';
import type { Recording } from '../replay/Recording.ts';
import type { RunRecord } from '../model/RunRecord.ts';
import type { WhatIfDocument } from '../model/WhatIf.ts';
import { memoLast } from './memoLast.ts';
import type { StudioState } from './studioStore.ts';
import type { TrajectoryRef } from './dataSlice.ts';

const SPLITS: readonly SplitName[] = ['train', 'val', 'test'];

/** The open project as one document (what autosave and export write), or null when none is open. */
export const selectProjectDocument = memoLast(
  (
    meta: StudioState['meta'],
    knowledge: string,
    variables: string[],
    dataset: Dataset | null,
    datasetOrigin: DatasetOrigin | null,
    source: string,
    rules: DomainRule[],
    recording: Recording | null = null,
    whatIf: WhatIfDocument | null = null,
    diagram: Diagram | null = null,
  ): Project | null =>
    meta
      ? { ...meta, knowledge, variables, dataset, datasetOrigin, source, rules, ...(recording ? { recording } : {}), ...(whatIf ? { whatIf } : {}), ...(diagram ? { diagram } : {}) }
      : null,
);

/** Convenience overload of {@link selectProjectDocument} on the whole state. */
export function projectDocumentOf(s: StudioState): Project | null {
  return selectProjectDocument(s.meta, s.knowledge, s.variables, s.dataset, s.datasetOrigin, s.source, s.rules, s.recording, s.whatIf, s.diagram);
}

/** The run in progress, if any. */
export function selectActiveRun(s: StudioState): RunRecord | null {
  return s.activeRunId ? (s.runs.find((r) => r.id === s.activeRunId) ?? null) : null;
}

/** True while a calibration runs. */
export function selectIsRunning(s: StudioState): boolean {
  return s.activeRunId !== null;
}

/** The run the result panels show: the selected one, else the newest. */
export function selectViewedRun(s: StudioState): RunRecord | null {
  if (s.selectedRunId) {
    const r = s.runs.find((x) => x.id === s.selectedRunId);
    if (r) return r;
  }
  return s.runs[0] ?? null;
}

/** One entry of the trajectory picker. */
export interface TrajectoryOption extends TrajectoryRef {
  id: string;
  length: number;
}

/** All trajectories of the dataset, train then val then test. */
export const selectTrajectoryOptions = memoLast((dataset: Dataset | null): TrajectoryOption[] => {
  if (!dataset) return [];
  const out: TrajectoryOption[] = [];
  for (const split of SPLITS) {
    dataset.splits[split].forEach((tr, index) => out.push({ split, index, id: tr.id, length: tr.states.length }));
  }
  return out;
});

/** Trajectory counts per split. */
export const selectSplitCounts = memoLast((dataset: Dataset | null): Record<SplitName, number> => ({
  train: dataset?.splits.train.length ?? 0,
  val: dataset?.splits.val.length ?? 0,
  test: dataset?.splits.test.length ?? 0,
}));

/** The trajectory picked in the Data panel, if it still exists. */
export function selectPickedTrajectory(s: StudioState): Trajectory | null {
  if (!s.dataset || !s.selected) return null;
  return s.dataset.splits[s.selected.split][s.selected.index] ?? null;
}

/** Parameters of the working copy from the last good compile, or null. */
export function selectCompiledParameters(s: StudioState): ParameterSpec[] | null {
  return s.compile.status === 'ok' ? s.compile.parameters : null;
}

/** Why calibration cannot start now, or null when it can. */
export function selectCalibrationBlocker(s: StudioState): string | null {
  if (!s.meta) return 'Create or open a project first.';
  if (!s.dataset || s.dataset.splits.train.length === 0) return 'Import or generate training trajectories in Knowledge first.';
  if (!s.source.trim()) return 'Write a simulator program in Simulator code first.';
  if (s.compile.status === 'error') return 'Fix the simulator compile error first.';
  if (s.activeRunId) return 'A calibration is already running.';
  return null;
}

/** One row of the calibrated-parameters table. */
export interface ParamRow {
  name: string;
  min: number;
  max: number;
  init?: number;
  value?: number;
  truth?: number;
  description?: string;
}

/** Calibrated parameters next to their prior bounds and, for benchmarks, the true values. */
export const selectParamRows = memoLast((run: RunRecord | null, truth: Record<string, number> | null): ParamRow[] => {
  if (!run) return [];
  return run.parameters.map((p) => ({
    name: p.name,
    min: p.min,
    max: p.max,
    init: p.init,
    description: p.description,
    value: run.params?.[p.name],
    truth: truth?.[p.name],
  }));
});

/** True parameter values of the project's benchmark, or null for a user's own system. */
export function selectTruth(s: StudioState): Record<string, number> | null {
  return s.meta?.env ? getEnvironment(s.meta.env).trueParams : null;
}

/** Runs that finished (done, cancelled or interrupted with parameters): what result panels can show. */
export const selectRunsWithParams = memoLast((runs: RunRecord[]): RunRecord[] => runs.filter((r) => r.params !== undefined));
