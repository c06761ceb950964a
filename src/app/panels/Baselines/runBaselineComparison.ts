import { blackBoxScenario } from '../../../core/baselines/blackBoxScenario.ts';
import { BASELINE_LABELS, BASELINE_METHODS } from '../../../core/baselines/fitBaseline.ts';
import type { MlpEpoch } from '../../../core/baselines/mlp/trainMlpBaseline.ts';
import { BASELINE_INTERVENTION } from '../../../core/baselines/interventionPresets.ts';
import type { Dataset } from '../../../core/data/Dataset.ts';
import { getEnvironment } from '../../../core/envs/environments.ts';
import type { Environment } from '../../../core/envs/Environment.ts';
import { findScenarioPreset } from '../../../core/interventions/benchmarkScenarios.ts';
import { compareOutcomes } from '../../../core/interventions/compareOutcomes.ts';
import { resolveScenario } from '../../../core/interventions/resolveScenario.ts';
import type { ResolvedScenario } from '../../../core/interventions/Scenario.ts';
import { scenarioStartStates } from '../../../core/interventions/scenarioStartStates.ts';
import type { ScenarioResult } from '../../../core/interventions/simulateScenario.ts';
import { SimulatorError } from '../../../core/sim/SimulatorError.ts';
import { createBrowserPool, type BrowserSimPool } from '../../../pool/createBrowserPool.ts';
import { poolBenchmarkW1 } from '../../../pool/poolBenchmarkW1.ts';
import { poolScenarios } from '../../../pool/poolScenarios.ts';
import { runLabel } from '../../components/RunPicker.tsx';
import { getTruthPool } from '../../lib/simPools.ts';
import { studioStore } from '../../store/studioStore.ts';
import { baselineStore, type ComparisonResult, type ComparisonRow } from './baselineStore.ts';
import { getBaselineWorker, proxy } from './baselineWorkerClient.ts';

/** Budgets: the Diagnostics panel's benchmark budget, so figures are comparable with it. */
export const COMPARISON_BUDGET = { states: 200, samples: 100, seed: 1, maxEpochs: 150, interventionRollouts: 50, generatedRuns: 3 } as const;

let pool: BrowserSimPool | null = null;
let controller: AbortController | null = null;

/** Its own two workers, so scoring baselines never reloads the program a calibration is using. */
function comparisonPool(): BrowserSimPool {
  pool ??= createBrowserPool({ size: 2, timeoutMs: 120_000 });
  return pool;
}

/** Identifies the dataset results belong to. */
export function datasetKey(d: Dataset | null): string | null {
  return d ? `${d.name}|${d.env ?? ''}|${d.splits.train.length}/${d.splits.val.length}/${d.splits.test.length}` : null;
}

const set = (patch: Partial<ReturnType<typeof baselineStore.getState>>) => baselineStore.setState(patch);

/** A program to score: its source, parameters and whether mechanism (parameter) interventions reach it. */
interface Candidate { key: string; label: string; kind: ComparisonRow['kind']; source: string; params: Record<string, number>; mechanistic: boolean }

/**
 * Fits both baselines on `size` train trajectories in the baseline worker (the MLP with a live curve),
 * then scores them, the calibrated generated simulator(s) and the noise floor (truth against itself) by
 * the test one-step W1 in the comparison pool, and — for a benchmark — each model's error against the
 * truth under the preset intervention (baselines answer without the parameter interventions they
 * cannot take). Cancel with {@link cancelBaselineComparison}.
 */
export async function runBaselineComparison(size: number): Promise<void> {
  const s = studioStore.getState();
  const dataset = s.dataset;
  if (!dataset) return void set({ status: 'failed', error: 'The project has no data loaded.' });
  const env = dataset.env ? getEnvironment(dataset.env) : null;
  if (!env || dataset.splits.test.length === 0) {
    return void set({ status: 'failed', error: 'The comparison needs benchmark data (a built-in ground truth and a test split): the test W1 compares each model with the truth.' });
  }
  controller?.abort();
  const ctl = new AbortController();
  controller = ctl;
  const key = datasetKey(dataset);
  const keep = baselineStore.getState().datasetKey === key ? baselineStore.getState().results : [];
  set({ status: 'running', phase: 'starting', datasetKey: key, size, curve: [], error: null, results: keep });
  const worker = getBaselineWorker();
  try {
    const candidates: Candidate[] = [];
    for (const method of BASELINE_METHODS) {
      set({ phase: method === 'mlp' ? 'training the MLP world model' : 'fitting SINDy' });
      if (method === 'mlp') void worker.provider().then((p) => set({ provider: p }));
      const fit = await worker.fit(method, dataset, { trajectories: size, seed: COMPARISON_BUDGET.seed, maxEpochs: COMPARISON_BUDGET.maxEpochs },
        method === 'mlp' ? proxy((e: MlpEpoch) => { if (controller === ctl) set({ curve: [...baselineStore.getState().curve, e] }); }) : undefined);
      candidates.push({ key: method, label: BASELINE_LABELS[method], kind: 'baseline', source: fit.source, params: {}, mechanistic: false });
    }
    candidates.unshift(...generatedCandidates());
    candidates.push({ key: 'floor', label: 'noise floor (ground truth vs itself)', kind: 'floor', source: env.groundTruthSource, params: env.trueParams, mechanistic: true });
    const result = await score(candidates, dataset, env, size, ctl.signal);
    if (controller !== ctl) return;
    const others = baselineStore.getState().results.filter((r) => r.size !== size);
    set({ status: 'done', phase: '', results: [...others, result] });
  } catch (e) {
    if (controller !== ctl) return;
    const cancelled = ctl.signal.aborted || (e instanceof Error && e.name === 'AbortError') || /cancelled/.test(String((e as Error)?.message));
    set({ status: cancelled ? 'cancelled' : 'failed', phase: '', error: cancelled ? null : (e as Error)?.message ?? String(e) });
  } finally {
    if (controller === ctl) controller = null;
  }
}

/** Stops the comparison in progress: the worker's training at its next minibatch, and the pool's calls. */
export function cancelBaselineComparison(): void {
  if (!controller) return;
  controller.abort();
  void getBaselineWorker().cancel();
}

/** The calibrated generated simulators: the most recent runs with parameters, one per code version. */
function generatedCandidates(): Candidate[] {
  const s = studioStore.getState();
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const run of [...s.runs].reverse()) {
    if (!run.params || seen.has(run.codeHash) || out.length >= COMPARISON_BUDGET.generatedRuns) continue;
    const source = s.versions.find((v) => v.hash === run.codeHash)?.source;
    if (!source) continue;
    seen.add(run.codeHash);
    out.push({ key: `run:${run.id}`, label: `generated simulator (${runLabel(run)})`, kind: 'generated', source, params: run.params, mechanistic: true });
  }
  return out;
}

async function score(candidates: Candidate[], dataset: Dataset, env: Environment, size: number, signal: AbortSignal): Promise<ComparisonResult> {
  const p = comparisonPool();
  const B = COMPARISON_BUDGET;
  const preset = findScenarioPreset(BASELINE_INTERVENTION[env.id]);
  const scenario = preset ? resolveScenario(preset.scenarios[0], {}, preset.horizon) : null;
  const initialStates = scenarioStartStates(env, B.interventionRollouts, B.seed);
  // The truth runs on the studio's truth pool, whose workers never ran a model (README "Security").
  const simulate = async (source: string, params: Record<string, number>, sc: ResolvedScenario, seed: number = B.seed, on = p): Promise<ScenarioResult> => {
    const [out] = await poolScenarios(on, {
      model: { source, params }, truth: null, scenarios: [sc], variables: env.variables, horizon: preset!.horizon,
      rollouts: B.interventionRollouts, seed, initialStates, policyEnv: env.id, signal,
    });
    return out.model;
  };
  const truthRun = scenario ? await simulate(env.groundTruthSource, env.trueParams, scenario, B.seed, getTruthPool()) : null;
  const rows: ComparisonRow[] = [];
  let statesUsed = 0;
  for (const c of candidates) {
    set({ phase: `scoring ${c.label}` });
    const [loaded] = await p.broadcast((api) => api.load(c.source, dataset), { signal });
    if (!loaded.ok) throw SimulatorError.fromJSON(loaded.error);
    const w = await poolBenchmarkW1(p, {
      dataset, params: c.params, truthSource: env.groundTruthSource, trueParams: env.trueParams, truthPool: getTruthPool(),
      split: 'test', states: B.states, samples: B.samples, seed: B.seed, signal,
    });
    statesUsed = w.statesUsed;
    const row: ComparisonRow = { key: c.key, label: c.label, kind: c.kind, w1: w.w1, w1StdError: w.w1StdError, interventionError: null };
    if (scenario && truthRun) {
      const black = blackBoxScenario(scenario);
      try {
        // every model runs with other noise than the truth's run (same start states): for the floor (the
        // truth itself) that gives the error no model can beat, and no model scores low by replaying the truth's draws
        const run = await simulate(c.source, c.params, c.mechanistic ? scenario : black.scenario, B.seed + 1000);
        row.interventionError = compareOutcomes(run, truthRun).meanW1;
        if (!c.mechanistic && black.dropped.length > 0) row.interventionNote = 'answers without the parameter intervention (it has no mechanism to change)';
      } catch (e) {
        if (signal.aborted) throw e;
        row.interventionNote = `could not run the intervention: ${(e as Error).message}`;
      }
    }
    rows.push(row);
  }
  return {
    size: Math.min(size, dataset.splits.train.length), rows, statesUsed, samples: B.samples,
    intervention: scenario ? { name: scenario.name, description: scenario.description ?? scenario.name } : null,
  };
}
