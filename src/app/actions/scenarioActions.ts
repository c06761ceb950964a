import { SCENARIO_PRESETS } from '../../core/interventions/benchmarkScenarios.ts';
import { scenarioStartStates } from '../../core/interventions/scenarioStartStates.ts';
import type { State } from '../../core/sim/types.ts';
import { poolScenarios } from '../../pool/poolScenarios.ts';
import { createModelRunPool, getTruthPool } from '../lib/simPools.ts';
import { blankIntervention, draftToScenario, scenarioToDraft, validateDraft, type ScenarioDraft } from '../model/scenarioDraft.ts';
import { scenarioOutcomeFromPool } from '../model/scenarioOutcomeFromPool.ts';
import type { ParamsMode, ScenarioOutcome, ScenarioRun, WhatIfDocument, WhatIfSettings } from '../model/WhatIf.ts';
import { whatIfBudget, type WhatIfBudget } from '../model/whatIfBudget.ts';
import { rolloutParams, selectCalibratedModel, selectInitModel, selectWhatIfEnv, selectWhatIfVariables, type WhatIfModel } from '../store/scenarioSelectors.ts';
import { studioStore, type StudioState } from '../store/studioStore.ts';
import { notify } from './uiActions.ts';

let nextId = 1;
const newId = () => `sc-${Date.now().toString(36)}-${nextId++}`;

function setDoc(update: (d: WhatIfDocument) => Partial<WhatIfDocument>): void {
  studioStore.setState((s) => ({ whatIf: { ...s.whatIf, ...update(s.whatIf) } }));
}

/**
 * Adds a copy of a benchmark preset's scenario (e.g. `early-strict`) to the list, and lengthens the
 * horizon to the preset's when it is shorter (the hospital wave runs to day 79 of 90).
 */
export function addPresetScenario(presetId: string, name: string): void {
  const preset = SCENARIO_PRESETS.find((p) => p.id === presetId);
  const s = preset?.scenarios.find((x) => x.name === name);
  if (!preset || !s) return;
  setDoc((d) => ({
    scenarios: [...d.scenarios, scenarioToDraft(s, newId())],
    settings: { ...d.settings, horizon: Math.max(d.settings.horizon, preset.horizon) },
  }));
}

/** Adds an empty scenario with one parameter-override row, for the form. */
export function addBlankScenario(): void {
  setDoc((d) => ({ scenarios: [...d.scenarios, { id: newId(), name: `scenario ${d.scenarios.length + 1}`, interventions: [blankIntervention('param')] }] }));
}

/** Replaces a scenario's form content (every keystroke: the text is kept even while invalid). */
export function updateScenario(draft: ScenarioDraft): void {
  setDoc((d) => ({ scenarios: d.scenarios.map((x) => (x.id === draft.id ? draft : x)) }));
}

export function removeScenario(id: string): void {
  setDoc((d) => ({ scenarios: d.scenarios.filter((x) => x.id !== id) }));
}

export function setWhatIfSettings(patch: Partial<WhatIfSettings>): void {
  setDoc((d) => ({ settings: { ...d.settings, ...patch } }));
}

let controller: AbortController | null = null;

/** A scenario that could not run: its name and why, with nothing to plot. */
function failedOutcome(name: string, error: string): ScenarioOutcome {
  return { name, windows: [], steps: 0, model: {}, truth: null, comparison: null, error };
}

/** Stops the what-if run in progress (its workers are stopped and replaced). */
export function cancelScenarios(): void {
  controller?.abort();
}

/** Start states for `n` rollouts: the benchmark's sampler, else the data's first states, else the program's own. */
export function whatIfStartStates(s: StudioState, n: number, seed: number): State[] | undefined {
  const env = selectWhatIfEnv(s);
  if (env) return scenarioStartStates(env, n, seed);
  const firsts = s.dataset ? [...s.dataset.splits.test, ...s.dataset.splits.val, ...s.dataset.splits.train].map((t) => t.states[0]) : [];
  return firsts.length ? firsts : undefined;
}

/** The model for a run: the current calibration, or (when asked) the program's init values. */
export function whatIfModel(s: StudioState, useInit: boolean): WhatIfModel | null {
  return useInit ? selectInitModel(s) : selectCalibratedModel(s);
}

/** The valid scenarios of the what-if document (invalid ones are skipped until fixed). */
function validScenarios(s: StudioState): ScenarioDraft[] {
  return s.whatIf.scenarios.filter((d) => Object.keys(validateDraft(d, s.whatIf.settings.horizon)).length === 0);
}

/** What running the valid scenarios now would simulate and hold, summed over scenarios and sides. */
export function whatIfRunBudget(s: StudioState): WhatIfBudget {
  const { rollouts, horizon } = s.whatIf.settings;
  return whatIfBudget(validScenarios(s).length, rollouts, horizon, selectWhatIfVariables(s).length, selectWhatIfEnv(s) !== null);
}

/**
 * Runs every valid scenario on the run pool: many stochastic rollouts of the model and, for a
 * benchmark, of its ground truth (always at its true parameters) from the same start states, then
 * bands and model-vs-truth W1s. With an NPE calibration and mode 'posterior', each model rollout
 * uses one posterior draw, so the fans show parameter as well as intrinsic uncertainty.
 * Invalid scenarios are skipped (their errors stay next to their fields); a scenario that fails to run
 * keeps its own error in its outcome and the run is failed only when all fail. The result is saved
 * with the project. Progress lands in `scenarioJob`.
 * @param useInit use the program's init values instead of a calibration.
 * @param mode for an NPE calibration: posterior draws (default) or the posterior mean; ignored otherwise.
 */
export async function runScenarios(useInit = false, mode: ParamsMode = 'posterior'): Promise<void> {
  const s = studioStore.getState();
  if (s.scenarioJob) return;
  const model = whatIfModel(s, useInit);
  const { settings } = s.whatIf;
  const valid = validScenarios(s);
  if (!model || valid.length === 0) return;
  // The button is disabled then; this guards other callers (the tour, the test hook).
  if (whatIfRunBudget(s).over) return void notify('error', 'The what-if run is over its budget (see below the scenarios): lower the rollouts or the horizon, or run fewer scenarios.');
  const env = selectWhatIfEnv(s);
  const variables = selectWhatIfVariables(s);
  const t0 = performance.now();
  controller = new AbortController();
  studioStore.setState({ scenarioJob: { phase: 'rollouts', done: 0, total: 1, startedAt: Date.now() } });
  const chosen = rolloutParams(model, mode, settings.rollouts);
  const base = { variables, settings: { ...settings }, params: model.params, origin: chosen.origin, outcomes: [] };
  let run: ScenarioRun;
  // Each scenario runs on its own, so one that fails (a COVID lockdown on a supply chain, a program
  // that throws under it) reports its own error and the others still land.
  const progress = valid.map(() => ({ done: 0, total: 1 }));
  const onProgress = (i: number) => (done: number, total: number) => {
    progress[i] = { done, total };
    const sum = progress.reduce((a, p) => ({ done: a.done + p.done, total: a.total + p.total }), { done: 0, total: 0 });
    studioStore.setState((x) => ({ scenarioJob: x.scenarioJob && { ...x.scenarioJob, ...sum } }));
  };
  const startStates = whatIfStartStates(s, settings.rollouts, settings.seed);
  const signal = controller.signal;
  // The model runs on workers discarded afterwards, the truth on workers that never ran a model.
  const modelPool = createModelRunPool();
  const settled = await Promise.allSettled(
    valid.map((draft, i) =>
      poolScenarios(modelPool, {
        model: { source: model.source, params: chosen.params },
        truth: env ? { source: env.groundTruthSource, params: env.trueParams } : null,
        truthPool: getTruthPool(),
        scenarios: [draftToScenario(draft)],
        variables, horizon: settings.horizon, rollouts: settings.rollouts, seed: settings.seed,
        initialStates: startStates, policyEnv: env?.id, signal, onProgress: onProgress(i),
      }),
    ),
  );
  modelPool.terminate();
  controller = null;
  const seconds = (performance.now() - t0) / 1000;
  if (signal.aborted) {
    run = { ...base, status: 'cancelled', seconds, finishedAt: Date.now() };
  } else {
    const outcomes = settled.map((r, i) => (r.status === 'fulfilled' ? scenarioOutcomeFromPool(r.value[0]) : failedOutcome(valid[i].name, (r.reason as Error).message)));
    const failed = outcomes.filter((o) => o.error);
    run = failed.length === outcomes.length
      ? { ...base, status: 'failed', outcomes, error: failed.map((o) => `${o.name}: ${o.error}`).join('\n'), seconds, finishedAt: Date.now() }
      : { ...base, status: 'done', outcomes, seconds, finishedAt: Date.now() };
  }
  // The project may have changed while the workers ran: only land the result where it started.
  if (studioStore.getState().meta?.id !== s.meta?.id) return void studioStore.setState({ scenarioJob: null });
  studioStore.setState((x) => ({ scenarioJob: null, whatIf: { ...x.whatIf, lastScenarioRun: run } }));
}
