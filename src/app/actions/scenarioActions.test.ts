import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getEnvironment } from '../../core/envs/environments.ts';
import { createSimWorkerApi, type SimWorkerApi } from '../../core/runtime/createSimWorkerApi.ts';
import type { RemoteApi } from '../../pool/RemoteApi.ts';
import { WorkerPool, type WorkerHandle } from '../../pool/WorkerPool.ts';
import { hashSource } from '../model/hashSource.ts';
import type { NpeRunSummary } from '../model/NpeRun.ts';
import type { RunRecord } from '../model/RunRecord.ts';
import { summarizePosterior } from '../../core/npe/posterior.ts';
import { projectState } from '../store/projectState.ts';
import { projectDocumentOf } from '../store/selectors.ts';
import { createInitialState, studioStore } from '../store/studioStore.ts';

// The studio's pool is made of Web Workers (absent in jsdom); here the same worker API runs in-process
// behind the same WorkerPool, so the actions, the fan-out and the results are the real ones.
function inProcessWorker(): WorkerHandle<RemoteApi<SimWorkerApi>> {
  const api = createSimWorkerApi();
  const remote = Object.fromEntries(Object.entries(api).map(([k, f]) => [k, async (...a: unknown[]) => (f as (...x: unknown[]) => unknown)(...a)]));
  return { api: remote as unknown as RemoteApi<SimWorkerApi>, terminate() {}, exited: new Promise(() => {}) };
}
const pool = new WorkerPool(inProcessWorker, { size: 2 });
const truthPool = new WorkerPool(inProcessWorker, { size: 1 });
vi.mock('../lib/simPools.ts', () => ({ getRunPool: () => pool, getTruthPool: () => truthPool, createModelRunPool: () => new WorkerPool(inProcessWorker, { size: 2 }) }));
const { addPresetScenario, addBlankScenario, runScenarios, setWhatIfSettings, updateScenario } = await import('./scenarioActions.ts');
const { runPolicySearch, setGridDraft, gridDraftOf } = await import('./policySearchActions.ts');

const covid = getEnvironment('covid');
const SOURCE = covid.starterSource;
const RUN: RunRecord = {
  id: 'run-1', projectId: 'p', createdAt: 1, finishedAt: 2, settings: { method: 'ga', generations: 1, popsize: 4, mc: 1, seed: 1 },
  codeHash: hashSource(SOURCE), parameters: [{ name: 'beta', min: 0, max: 2 }, { name: 'gamma', min: 0, max: 1 }],
  status: 'done', iteration: 1, totalIterations: 1, history: [], traces: [], params: { beta: 0.45, gamma: 0.12 }, simulations: 0, failures: 0,
};

function openCovid(runs: RunRecord[]): void {
  studioStore.setState({ ...createInitialState(), meta: { id: 'p', name: 'P', env: 'covid', createdAt: 0, updatedAt: 0 }, variables: covid.variables, source: SOURCE, runs }, true);
  setWhatIfSettings({ rollouts: 30, horizon: 60 });
}

describe('what-if and policy actions (Node worker pool)', () => {
  beforeEach(() => openCovid([RUN]));
  afterAll(() => pool.terminate());

  it('runs a preset lockdown on the calibration against the truth: bands, shaded window, W1', async () => {
    addPresetScenario('covid-lockdown', 'no-lockdown');
    addPresetScenario('covid-lockdown', 'early-strict');
    addBlankScenario(); // left blank: invalid, so skipped, and kept as typed
    await runScenarios();
    const s = studioStore.getState();
    expect(s.scenarioJob).toBeNull();
    const run = s.whatIf.lastScenarioRun!;
    expect(run.status).toBe('done');
    expect(run.origin).toEqual({ kind: 'calibration', runId: 'run-1' });
    expect(run.params).toEqual(RUN.params);
    expect(run.outcomes.map((o) => o.name)).toEqual(['no-lockdown', 'early-strict']);
    const [none, strict] = run.outcomes;
    expect(strict.windows).toEqual([{ tStart: 5, tEnd: 24 }]);
    expect(strict.model.I.p50).toHaveLength(61);
    expect(Math.max(...strict.truth!.I.p50)).toBeLessThan(Math.max(...none.truth!.I.p50));
    expect(strict.comparison!.meanW1).toBeGreaterThan(0);
    expect(s.whatIf.scenarios).toHaveLength(3);
    // Saved with the project document, and read back when the project opens.
    const doc = projectDocumentOf(s)!;
    expect(doc.whatIf!.lastScenarioRun!.outcomes).toHaveLength(2);
    expect(projectState({ ...doc, dataset: null }, [], []).whatIf).toBe(doc.whatIf);
  });

  it('on an NPE calibration, rollouts draw from the posterior by default: a wider fan than the posterior mean, the same truth', async () => {
    // A spread posterior around RUN's values (rows in parameter order), summarised as an NPE run keeps it.
    const rows = Array.from({ length: 40 }, (_, i) => [0.3 + 0.3 * ((i % 8) / 7), 0.08 + 0.08 * (Math.floor(i / 8) / 4)]);
    const posterior = summarizePosterior(rows.map((r) => Float64Array.from(r)), RUN.parameters);
    const npe = { posterior, samples: rows } as Partial<NpeRunSummary> as NpeRunSummary;
    const mean = Object.fromEntries(posterior.names.map((n, j) => [n, posterior.mean[j]]));
    openCovid([{ ...RUN, id: 'npe-1', settings: { ...RUN.settings, method: 'npe' }, params: mean, npe }]);
    setWhatIfSettings({ rollouts: 60 });
    addPresetScenario('covid-lockdown', 'no-lockdown');
    const width = (b: { p5: number[]; p95: number[] }) => b.p95.reduce((acc, hi, t) => acc + hi - b.p5[t], 0) / b.p95.length;

    await runScenarios();
    const drawn = studioStore.getState().whatIf.lastScenarioRun!;
    expect(drawn.status).toBe('done');
    expect(drawn.origin).toEqual({ kind: 'posterior', draws: 40, runId: 'npe-1' });
    expect(drawn.params).toEqual(mean);
    await runScenarios(false, 'mean');
    const atMean = studioStore.getState().whatIf.lastScenarioRun!;
    expect(atMean.origin).toEqual({ kind: 'calibration', runId: 'npe-1' });

    const [d, m] = [drawn.outcomes[0], atMean.outcomes[0]];
    expect(width(d.model.I)).toBeGreaterThan(1.5 * width(m.model.I));
    expect(d.truth!.I).toEqual(m.truth!.I); // the ground truth keeps its true parameters either way
  });

  it('without a calibration nothing runs, unless asked to use the init values', async () => {
    openCovid([]);
    studioStore.setState({ compile: { status: 'ok', parameters: [{ name: 'beta', min: 0, max: 2, init: 0.3 }, { name: 'gamma', min: 0, max: 1 }], hash: 'h' } });
    addPresetScenario('covid-lockdown', 'late-strict');
    await runScenarios();
    expect(studioStore.getState().whatIf.lastScenarioRun).toBeNull();
    await runScenarios(true);
    const run = studioStore.getState().whatIf.lastScenarioRun!;
    expect(run.origin).toEqual({ kind: 'init' });
    expect(run.params).toEqual({ beta: 0.3, gamma: 0.5 });
  });

  it('refuses a run whose scenarios together exceed the what-if budget, though each alone fits', async () => {
    setWhatIfSettings({ rollouts: 5000, horizon: 1000 });
    addPresetScenario('covid-lockdown', 'no-lockdown'); // 5000 × 1001 × 3 × 2 sides = 3·10⁷ numbers: fits
    addPresetScenario('covid-lockdown', 'early-strict'); // twice that does not
    await runScenarios();
    const s = studioStore.getState();
    expect(s.whatIf.lastScenarioRun).toBeNull();
    expect(s.scenarioJob).toBeNull();
    expect(s.notices.at(-1)?.text).toContain('over its budget');
  });

  it('a scenario naming a parameter the model lacks fails with the simulator\'s message', async () => {
    addBlankScenario();
    const d = studioStore.getState().whatIf.scenarios[0];
    updateScenario({ ...d, interventions: [{ type: 'param', target: 'lead_time', mode: 'set', value: '4', tStart: '0', tEnd: '' }] });
    await runScenarios();
    const run = studioStore.getState().whatIf.lastScenarioRun!;
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/no parameter "lead_time" to intervene on \(its parameters: beta, gamma\)/);
  });

  it('one failing scenario keeps its own error; the valid ones beside it still land', async () => {
    addPresetScenario('covid-lockdown', 'early-strict');
    addBlankScenario();
    const d = studioStore.getState().whatIf.scenarios[1];
    updateScenario({ ...d, name: 'lead', interventions: [{ type: 'param', target: 'lead_time', mode: 'set', value: '4', tStart: '0', tEnd: '' }] });
    await runScenarios();
    const run = studioStore.getState().whatIf.lastScenarioRun!;
    expect(run.status).toBe('done');
    expect(run.outcomes.map((o) => [o.name, Boolean(o.error)])).toEqual([['early-strict', false], ['lead', true]]);
    expect(run.outcomes[0].model.I.p50).toHaveLength(61);
    expect(run.outcomes[1].error).toMatch(/no parameter "lead_time"/);
  });

  it('adding a hospital wave preset lengthens the horizon to cover the wave', () => {
    expect(studioStore.getState().whatIf.settings.horizon).toBe(60);
    addPresetScenario('hospital-wave', 'wave');
    expect(studioStore.getState().whatIf.settings.horizon).toBe(90);
    addPresetScenario('covid-lockdown', 'early-strict'); // a shorter preset keeps the longer horizon
    expect(studioStore.getState().whatIf.settings.horizon).toBe(90);
  });

  it('policy search: model and truth heatmaps, progress over both, and the regret of the model optimum', async () => {
    const draft = gridDraftOf(studioStore.getState());
    expect(draft.preset).toBe('covid-lockdown');
    setGridDraft({ ...draft, xValues: '0, 10', yValues: '0.05, 1', rollouts: '4' });
    const seen: number[] = [];
    const unsub = studioStore.subscribe((s) => s.policyJob && seen.push(s.policyJob.done));
    await runPolicySearch();
    unsub();
    const run = studioStore.getState().whatIf.lastPolicyRun!;
    expect(run.status).toBe('done');
    expect(run.model!.mean).toHaveLength(2);
    expect(run.truth!.cellsDone).toBe(4);
    expect(run.regret!.regret).toBeGreaterThanOrEqual(0);
    expect(run.regret!.modelChoiceTrueCost).toBe(run.truth!.mean[run.model!.optimum!.i][run.model!.optimum!.j]);
    expect(Math.max(...seen)).toBe(8);
    expect(studioStore.getState().policyJob).toBeNull();
  });
});
