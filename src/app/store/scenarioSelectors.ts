import { getEnvironment } from '../../core/envs/environments.ts';
import type { Environment } from '../../core/envs/Environment.ts';
import { formatTime } from '../lib/format.ts';
import { hashSource } from '../model/hashSource.ts';
import type { RunRecord } from '../model/RunRecord.ts';
import type { ParamsMode, ParamsOrigin } from '../model/WhatIf.ts';
import { memoLast } from './memoLast.ts';
import type { StudioState } from './studioStore.ts';

/** The program and parameters a what-if or policy run uses. */
export interface WhatIfModel {
  source: string;
  params: Record<string, number>;
  origin: ParamsOrigin;
  /** Calibrated and fixed parameter names the program declares (intervention targets). */
  parameterNames: string[];
  /** How the panel names the parameters' origin. */
  label: string;
  /**
   * The kept posterior draws of an NPE calibration (each the point parameters with the posterior's
   * columns replaced by one row, so anything the posterior does not cover keeps its value); absent otherwise.
   */
  posteriorDraws?: Record<string, number>[];
}

/**
 * The calibration the panel uses, as Diagnostics picks it: the run being viewed when it has
 * parameters, else the newest run with parameters; null when the project has none (or its code is gone).
 */
export function selectCalibratedModel(s: StudioState): WhatIfModel | null {
  return calibratedModel(s.runs, s.selectedRunId, s.versions, s.source);
}

// Memoised on its inputs: React re-renders forever when a selector builds a new object each call.
const calibratedModel = memoLast((runs: StudioState['runs'], selectedRunId: string | null, versions: StudioState['versions'], workingCopy: string): WhatIfModel | null => {
  const withParams = runs.filter((r) => r.params !== undefined);
  const viewed = selectedRunId ? withParams.find((r) => r.id === selectedRunId) : undefined;
  const run: RunRecord | undefined = viewed ?? withParams[0];
  if (!run?.params) return null;
  const source = versions.find((v) => v.hash === run.codeHash)?.source ?? (hashSource(workingCopy) === run.codeHash ? workingCopy : null);
  if (source === null) return null;
  // The studio's one date format (as the run history and the code versions show it).
  const when = formatTime(run.finishedAt ?? run.createdAt);
  const point = run.params;
  const names = run.npe?.posterior.names ?? [];
  const rows = run.npe?.samples ?? [];
  return {
    source, params: { ...point }, origin: { kind: 'calibration', runId: run.id }, parameterNames: run.parameters.map((p) => p.name),
    label: `${run.settings.method.toUpperCase()} calibration of ${when}${run.status === 'done' ? '' : ` (${run.status})`}`,
    ...(rows.length > 0 && names.length > 0 ? { posteriorDraws: rows.map((row) => ({ ...point, ...Object.fromEntries(names.map((n, j) => [n, row[j]])) })) } : {}),
  };
});

/** What a what-if run sends to the workers: one parameter set, or draws that rollouts cycle through. */
export interface RolloutParams {
  params: Record<string, number> | Record<string, number>[];
  origin: ParamsOrigin;
}

/**
 * The parameters of `rollouts` what-if rollouts: with posterior draws and mode 'posterior', at most
 * `rollouts` draws spread evenly over the kept ones (rollout r uses draw r mod n, so more would go
 * unused and only cost message size); otherwise the model's point parameters (the posterior mean for NPE).
 */
export function rolloutParams(model: WhatIfModel, mode: ParamsMode, rollouts: number): RolloutParams {
  const all = model.posteriorDraws;
  if (mode !== 'posterior' || !all?.length) return { params: model.params, origin: model.origin };
  const n = Math.max(1, Math.min(all.length, Math.floor(rollouts)));
  const draws = Array.from({ length: n }, (_, i) => all[Math.floor((i * all.length) / n)]);
  const runId = model.origin.kind === 'calibration' ? model.origin.runId : undefined;
  return { params: draws, origin: { kind: 'posterior', draws: n, runId } };
}

/** The working copy with its declared `init` values (the box midpoint when a parameter has none); null until it compiles. */
export function selectInitModel(s: StudioState): WhatIfModel | null {
  return initModel(s.compile, s.source);
}

const initModel = memoLast((compile: StudioState['compile'], source: string): WhatIfModel | null => {
  if (compile.status !== 'ok' || !source.trim()) return null;
  const params = Object.fromEntries(compile.parameters.filter((p) => !p.fixed).map((p) => [p.name, p.init ?? (p.min + p.max) / 2]));
  return { source, params, origin: { kind: 'init' }, parameterNames: compile.parameters.map((p) => p.name), label: "the program's init values" };
});

/** The benchmark whose ground truth, start states and behaviour policy apply, or null for one's own data. */
export function selectWhatIfEnv(s: StudioState): Environment | null {
  const id = s.dataset?.env ?? s.meta?.env ?? null;
  return id ? getEnvironment(id) : null;
}

/** The observed variables scenarios record and compare. */
export function selectWhatIfVariables(s: StudioState): string[] {
  return s.dataset?.variables ?? s.variables;
}
