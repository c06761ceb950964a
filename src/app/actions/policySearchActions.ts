import { GRID_PRESETS } from '../../core/interventions/benchmarkGrids.ts';
import { policyRegret } from '../../core/interventions/policyRegret.ts';
import type { PolicySearchResult } from '../../core/interventions/policySearch.ts';
import { poolPolicySearch } from '../../pool/poolPolicySearch.ts';
import { createModelRunPool, getTruthPool } from '../lib/simPools.ts';
import { defaultGridDraft, gridFromDraft, gridToDraft, type GridDraft } from '../model/gridDraft.ts';
import type { PolicyRun } from '../model/WhatIf.ts';
import { selectWhatIfEnv, selectWhatIfVariables } from '../store/scenarioSelectors.ts';
import { memoLast } from '../store/memoLast.ts';
import { studioStore, type StudioState } from '../store/studioStore.ts';
import { whatIfModel, whatIfStartStates } from './scenarioActions.ts';

/** The grid form as shown: the saved one, else the benchmark's preset. */
export function gridDraftOf(s: StudioState): GridDraft {
  return s.whatIf.grid ?? defaultDraftFor(selectWhatIfEnv(s)?.id ?? null);
}

// The same object per benchmark: a selector that builds a new one on every call re-renders forever.
const defaultDraftFor = memoLast((env: string | null): GridDraft => defaultGridDraft(env));

/** Stores the grid form as typed (nothing is lost while it is invalid). */
export function setGridDraft(grid: GridDraft): void {
  studioStore.setState((s) => ({ whatIf: { ...s.whatIf, grid } }));
}

/** Fills the grid form from a preset, keeping the rollouts per cell. */
export function loadGridPreset(name: string): void {
  const g = GRID_PRESETS.find((p) => p.name === name);
  if (!g) return;
  const current = gridDraftOf(studioStore.getState());
  setGridDraft(gridToDraft(g, g.name, Number(current.rollouts) || 10));
}

let controller: AbortController | null = null;

/** Stops the policy search: no further cell starts; the cells done so far are kept. */
export function cancelPolicySearch(): void {
  controller?.abort();
}

/**
 * Runs the grid search in the run pool: every cell's expected cost on the model, then (for a
 * benchmark) on the ground truth, and the regret of the model's optimum evaluated in the truth.
 * Progress lands in `policyJob`; the result is saved with the project.
 * @param useInit use the program's init values instead of a calibration.
 */
export async function runPolicySearch(useInit = false): Promise<void> {
  const s = studioStore.getState();
  if (s.policyJob) return;
  const model = whatIfModel(s, useInit);
  const env = selectWhatIfEnv(s);
  const variables = selectWhatIfVariables(s);
  const horizon = s.whatIf.settings.horizon;
  const parsed = gridFromDraft(gridDraftOf(s), variables, horizon);
  if (!model || 'errors' in parsed) return;
  const { grid, rollouts } = parsed;
  const seed = s.whatIf.settings.seed;
  const cells = grid.x.values.length * grid.y.values.length;
  const total = env ? 2 * cells : cells;
  controller = new AbortController();
  const signal = controller.signal;
  const t0 = performance.now();
  studioStore.setState({ policyJob: { phase: 'model', done: 0, total, startedAt: Date.now() } });
  const common = {
    grid, variables, horizon: grid.horizon ?? horizon, rollouts, seed, signal,
    initialStates: whatIfStartStates(s, rollouts, seed), policyEnv: env?.id,
  };
  const progress = (phase: 'model' | 'truth', offset: number) => (done: number) =>
    studioStore.setState((x) => ({ policyJob: x.policyJob && { ...x.policyJob, phase, done: offset + done } }));
  let modelRes: PolicySearchResult | null = null;
  let truthRes: PolicySearchResult | null = null;
  let error: string | undefined;
  const modelPool = createModelRunPool();
  try {
    // The model runs on workers discarded afterwards, the truth on workers that never ran a model.
    modelRes = await poolPolicySearch(modelPool, { ...common, program: { source: model.source, params: model.params }, onProgress: progress('model', 0) });
    if (env && !modelRes.cancelled) {
      truthRes = await poolPolicySearch(getTruthPool(), {
        ...common, program: { source: env.groundTruthSource, params: env.trueParams }, label: 'ground truth', onProgress: progress('truth', cells),
      });
    }
  } catch (e) {
    error = (e as Error).message;
  } finally {
    modelPool.terminate();
    controller = null;
  }
  const cancelled = signal.aborted || (modelRes?.cancelled ?? false) || (truthRes?.cancelled ?? false);
  const run: PolicyRun = {
    status: error ? 'failed' : cancelled ? 'cancelled' : 'done', error,
    grid: { name: grid.name, cost: grid.cost, xName: grid.x.name, yName: grid.y.name, xValues: grid.x.values, yValues: grid.y.values },
    model: modelRes, truth: truthRes, regret: modelRes && truthRes && !cancelled ? policyRegret(modelRes, truthRes) : null,
    rollouts, params: model.params, origin: model.origin, seconds: (performance.now() - t0) / 1000, finishedAt: Date.now(),
  };
  if (studioStore.getState().meta?.id !== s.meta?.id) return void studioStore.setState({ policyJob: null });
  studioStore.setState((x) => ({ policyJob: null, whatIf: { ...x.whatIf, lastPolicyRun: run } }));
}
