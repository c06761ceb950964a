import { proxy } from 'comlink';
import type { CalibrationProgress } from '../../core/calibrate/Calibrator.ts';
import type { Dataset } from '../../core/data/Dataset.ts';
import { DEFAULT_FITNESS } from '../../core/calibrate/defaultFitness.ts';
import { DEFAULT_MC } from '../../core/calibrate/defaultMc.ts';
import { poolEvaluator } from '../../pool/poolEvaluator.ts';
import { poolNpeSimulations } from '../../pool/poolNpeSimulations.ts';
import { createBatcher } from '../lib/createBatcher.ts';
import { getNpeWorker } from '../lib/npeWorker.ts';
import { getRunPool } from '../lib/simPools.ts';
import { BUDGET_STEPS, DEFAULT_NPE_SETTINGS, npePreset, STUDIO_SBC, thin, toNpeRunSummary, type NpeRunSummary } from '../model/NpeRun.ts';
import type { RunRecord } from '../model/RunRecord.ts';
import { applyProgress, createRun, failRun, finishRun, prependRun, replaceRun } from '../model/runTransitions.ts';
import { selectCalibrationBlocker, selectCompiledParameters } from '../store/selectors.ts';
import { studioStore } from '../store/studioStore.ts';
import { saveVersion, showRuntimeError } from './codeActions.ts';
import { computeDiagnostics } from './diagnosticsActions.ts';
import { useNpeLive } from './npeLive.ts';
import { posteriorPredictiveFans } from './npePredictive.ts';
import { ensureRunProgram, forgetRunProgram } from './runPoolProgram.ts';
import { runController, setRunController } from './runControl.ts';
import { notify } from './uiActions.ts';

/** The live phase counter updates this often (a small store that only the progress line reads). */
const PROGRESS_INTERVAL_MS = 250;
/**
 * The run record (and so the training curve and the run history) takes new epochs at most this often:
 * each update re-renders and redraws on the main thread, which shares the cores with the training
 * worker, so watching a run must not slow it down.
 */
const HISTORY_INTERVAL_MS = 1000;
/** Epoch cap in the studio (early stopping usually ends far sooner); also the progress bar's length. */
const STUDIO_MAX_EPOCHS = 300;

function updateRun(runId: string, fn: (r: RunRecord) => RunRecord): void {
  studioStore.setState((s) => {
    const r = s.runs.find((x) => x.id === runId);
    return r ? { runs: replaceRun(s.runs, fn(r)) } : {};
  });
}

/**
 * Runs NPE on the working copy: simulations in the run pool, training/sampling/SBC in the NPE worker
 * (WebGPU or WASM), live progress into a new run record. The budget mode picks the preset
 * (npePreset): by default two rounds and the point estimate picked by the energy score, as the CLI
 * does; `paper`: one round and the posterior mean. The point estimate becomes the run's params like a
 * GA result, then diagnostics and posterior predictive fans are computed. Cancel: runControl.
 * @returns the run id, or null when it could not start.
 */
export async function startNpeCalibration(): Promise<string | null> {
  const s0 = studioStore.getState();
  const blocker = selectCalibrationBlocker(s0);
  if (blocker) {
    notify('error', blocker);
    return null;
  }
  const { source, dataset, meta } = s0;
  const npe = { ...DEFAULT_NPE_SETTINGS, ...s0.settings.npe };
  const settings = { ...s0.settings, npe, generations: STUDIO_MAX_EPOCHS };
  const run0 = createRun({ id: crypto.randomUUID(), projectId: meta!.id, now: Date.now(), settings, codeHash: saveVersion(), parameters: selectCompiledParameters(s0) ?? [] });
  const runId = run0.id;
  const ctl = new AbortController();
  setRunController(ctl);
  const worker = getNpeWorker();
  // Registered first, so the worker hears "cancel" before the pool's rejected simulations reach it.
  ctl.signal.addEventListener('abort', () => void worker.cancel(), { once: true });
  studioStore.setState((s) => ({ runs: prependRun(s.runs, run0), activeRunId: runId, selectedRunId: runId }));
  useNpeLive.setState({ runId, phase: 'simulate', done: 0, total: npe.simulations, provider: null, round: 1, rounds: npePreset(settings.budget).rounds });
  let pendingEpochs: CalibrationProgress[] = [];
  let historyAt = 0;
  const flushEpochs = () => {
    if (pendingEpochs.length === 0) return;
    const epochs = pendingEpochs;
    pendingEpochs = [];
    historyAt = performance.now();
    updateRun(runId, (r) => applyProgress(r, epochs));
  };
  const batcher = createBatcher<CalibrationProgress>((events) => {
    pendingEpochs.push(...events.filter((e) => e.phase === 'train'));
    const last = events[events.length - 1];
    if (last.phase !== 'train' || performance.now() - historyAt >= HISTORY_INTERVAL_MS) flushEpochs();
    useNpeLive.setState({
      phase: last.phase as 'simulate', done: last.phase === 'train' ? last.iteration : last.phaseDone ?? 0, total: last.phase === 'train' ? last.totalIterations : last.phaseTotal ?? 0,
      round: last.round ?? 1, rounds: last.rounds ?? 1,
    });
  }, PROGRESS_INTERVAL_MS);
  try {
    const first = await ensureRunProgram(source, dataset!, ctl.signal);
    if (!first.ok) {
      showRuntimeError(first.error.message, source);
      updateRun(runId, (r) => failRun(r, first.error.message, Date.now()));
      return runId;
    }
    updateRun(runId, (r) => ({ ...r, parameters: first.parameters }));
    const { spec, observed } = await worker.observe(trainSplitOnly(dataset!));
    const simulate = poolNpeSimulations(getRunPool(), spec);
    const preset = npePreset(settings.budget);
    // The pick's fitness runs the user's program, so it runs where the GA's does: in the sandboxed run
    // pool (a worker death fails the run, as there), never in the NPE worker, which only gets scores.
    const evaluate = poolEvaluator(getRunPool(), DEFAULT_MC, { fitness: DEFAULT_FITNESS, onWorkerDeath: 'fail-run' });
    const result = await worker.run(
      { parameters: first.parameters, observed, seed: settings.seed, simulations: npe.simulations, estimator: npe.estimator, samples: npe.samples, sbc: STUDIO_SBC, provider: npe.provider, maxEpochs: STUDIO_MAX_EPOCHS, ...preset },
      proxy((thetas: Float64Array[], seed: number, firstIndex: number) => simulate(thetas, seed, firstIndex, ctl.signal)),
      proxy((p: CalibrationProgress) => batcher.push(p)),
      proxy((provider: string) => useNpeLive.setState({ provider })),
      preset.pointEstimate === 'fitness-pick' ? proxy((batch: Float64Array[], seed: number) => evaluate(batch, seed, ctl.signal)) : undefined,
    );
    batcher.flush();
    flushEpochs();
    const summary = toNpeRunSummary(result, observed);
    updateRun(runId, (r) => ({ ...finishRun(r, result, Date.now()), npe: summary }));
    result.warnings.forEach((w) => notify('info', w));
    if (result.firstError) showRuntimeError(result.firstError, source);
  } catch (e) {
    batcher.cancel();
    forgetRunProgram();
    const message = e instanceof Error ? e.message : String(e);
    if (ctl.signal.aborted) updateRun(runId, (r) => ({ ...r, status: 'cancelled', finishedAt: Date.now() }));
    else {
      updateRun(runId, (r) => failRun(r, message, Date.now()));
      notify('error', `NPE failed: ${message}`);
    }
  } finally {
    if (runController() === ctl) setRunController(null);
    studioStore.setState((s) => (s.activeRunId === runId ? { activeRunId: null } : {}));
    useNpeLive.setState({ phase: null });
  }
  const done = studioStore.getState().runs.find((r) => r.id === runId);
  if (done?.status === 'done') {
    void computeDiagnostics(runId);
    void computePredictive(runId);
  }
  return runId;
}

/** Posterior predictive fans for a finished NPE run (stored with the run). */
async function computePredictive(runId: string): Promise<void> {
  const { runs, dataset } = studioStore.getState();
  const run = runs.find((r) => r.id === runId);
  if (!run?.npe || !dataset) return;
  try {
    const fans = await posteriorPredictiveFans(dataset, run.npe.posterior.names, run.npe.samples, run.settings.seed);
    updateRun(runId, (r) => (r.npe ? { ...r, npe: { ...r.npe, predictive: fans } } : r));
  } catch (e) {
    notify('error', `Posterior predictive check failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Downloads the last trained posterior sampler (.onnx) and its description (.txt). */
export async function exportNpeOnnx(): Promise<void> {
  const out = await getNpeWorker().exportOnnx();
  if (!out) {
    notify('error', 'No trained estimator in this session: run NPE first (estimators are not kept across reloads).');
    return;
  }
  download(new Blob([out.model as BlobPart], { type: 'application/octet-stream' }), 'posterior.onnx');
  download(new Blob([out.description + '\n'], { type: 'text/plain' }), 'posterior.onnx.txt');
}

function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/**
 * Teaching view (issue #9): reruns NPE at the smaller budgets of 100, 300, 1000 simulations (same seed,
 * no SBC) and stores their posterior samples with the run, so the marginals can be overlaid.
 */
export async function runBudgetComparison(runId: string): Promise<void> {
  const s0 = studioStore.getState();
  const run = s0.runs.find((r) => r.id === runId);
  if (!run?.npe || !s0.dataset || s0.activeRunId) return;
  const npe = { ...DEFAULT_NPE_SETTINGS, ...run.settings.npe };
  const budgets = BUDGET_STEPS.filter((b) => b !== npe.simulations);
  useNpeLive.setState({ budgetsFor: runId });
  try {
    const loaded = await ensureRunProgram(s0.source, s0.dataset);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const { spec } = await getNpeWorker().observe(trainSplitOnly(s0.dataset));
    const simulate = poolNpeSimulations(getRunPool(), spec);
    const out: NonNullable<NpeRunSummary['budgets']> = [];
    for (const simulations of budgets) {
      const r = await getNpeWorker().run(
        // The run's rounds (its posterior is the last round's); no pick: only the samples are shown.
        { parameters: run.parameters, observed: Float64Array.from(run.npe.observed), seed: run.settings.seed, simulations, estimator: npe.estimator, samples: 1000, sbc: false, provider: npe.provider, maxEpochs: STUDIO_MAX_EPOCHS, keepForExport: false, rounds: run.npe.rounds ?? 1 },
        proxy((thetas: Float64Array[], seed: number, firstIndex: number) => simulate(thetas, seed, firstIndex)),
        proxy(() => {}),
      );
      out.push({ simulations, samples: thin(r.samples, 1000) });
    }
    out.push({ simulations: npe.simulations, samples: run.npe.samples });
    out.sort((a, b) => a.simulations - b.simulations);
    updateRun(runId, (r) => (r.npe ? { ...r, npe: { ...r.npe, budgets: out } } : r));
  } catch (e) {
    notify('error', `Budget comparison failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    useNpeLive.setState({ budgetsFor: null });
  }
}

/** The dataset with its train split only: what NPE's summaries read, and all the NPE worker is sent. */
function trainSplitOnly(dataset: Dataset): Dataset {
  return { ...dataset, splits: { train: dataset.splits.train, val: [], test: [] } };
}
