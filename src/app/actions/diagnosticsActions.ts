import { getEnvironment } from '../../core/envs/environments.ts';
import { SimulatorError } from '../../core/sim/SimulatorError.ts';
import { poolBenchmarkW1 } from '../../pool/poolBenchmarkW1.ts';
import { getRunPool, getTruthPool } from '../lib/simPools.ts';
import { benchmarkSummary, fanBands, validationSummary } from '../model/diagnosticsFromWorkers.ts';
import { hashSource } from '../model/hashSource.ts';
import type { BenchmarkFloor, RunDiagnostics } from '../model/RunRecord.ts';
import { replaceRun, withDiagnostics } from '../model/runTransitions.ts';
import { studioStore } from '../store/studioStore.ts';
import { benchmarkNoiseFloor } from './benchmarkNoiseFloor.ts';
import { showRuntimeError } from './codeActions.ts';
import { ensureRunProgram } from './runPoolProgram.ts';

/**
 * Budgets that keep diagnostics to a few seconds on two cores. The benchmark W1 uses a seeded subset
 * of test start states (shown next to the figure); validation caps transitions and trajectories.
 */
export const DIAGNOSTICS_BUDGET = {
  benchmarkStates: 200,
  benchmarkSamples: 100,
  maxTransitions: 1000,
  maxTrajectories: 50,
  validationSamples: 20,
  validationRollouts: 20,
  fanTrajectories: 4,
  fanRollouts: 50,
} as const;

function setDiagnostics(runId: string, d: RunDiagnostics): void {
  studioStore.setState((s) => {
    const r = s.runs.find((x) => x.id === runId);
    return r ? { runs: replaceRun(s.runs, withDiagnostics(r, d)) } : {};
  });
}

/**
 * Computes a run's diagnostics in the run pool's workers: validation metrics (energy score,
 * per-variable MSE, rollout W1), fan-chart bands for a few validation trajectories, and, when the
 * data came from a built-in ground truth, the benchmark test W1. Results land on the run record.
 * @param runId a run with calibrated parameters.
 */
export async function computeDiagnostics(runId: string): Promise<void> {
  const s = studioStore.getState();
  const run = s.runs.find((r) => r.id === runId);
  if (!run?.params) return;
  const dataset = s.dataset;
  const source = s.versions.find((v) => v.hash === run.codeHash)?.source ?? (hashSource(s.source) === run.codeHash ? s.source : null);
  if (!dataset || source === null) {
    setDiagnostics(runId, { status: 'failed', error: !dataset ? 'The project has no data loaded.' : 'The code this run calibrated is no longer saved.' });
    return;
  }
  setDiagnostics(runId, { status: 'pending' });
  const t0 = performance.now();
  const params = run.params;
  const seed = run.settings.seed;
  const split = dataset.splits.val.length > 0 ? 'val' : 'train';
  const B = DIAGNOSTICS_BUDGET;
  try {
    const loaded = await ensureRunProgram(source, dataset);
    if (!loaded.ok) throw SimulatorError.fromJSON(loaded.error);
    const pool = getRunPool();
    const env = dataset.env ? getEnvironment(dataset.env) : null;
    const fanCount = Math.min(B.fanTrajectories, dataset.splits[split].length);
    const benchmark = env && dataset.splits.test.length > 0;
    const [validation, fans, bench] = await Promise.all([
      pool.run((api) =>
        api.validation({
          params,
          split,
          seed,
          samples: B.validationSamples,
          rollouts: B.validationRollouts,
          maxTransitions: B.maxTransitions,
          maxTrajectories: B.maxTrajectories,
        }),
      ),
      pool.run((api) => api.rollouts({ params, split, trajectories: Array.from({ length: fanCount }, (_, i) => i), rollouts: B.fanRollouts, seed })),
      benchmark
        ? poolBenchmarkW1(pool, {
            dataset,
            params,
            truthSource: env.groundTruthSource,
            trueParams: env.trueParams,
            split: 'test',
            // The truth's half on workers that never ran a model: the candidate cannot skew its own score.
            truthPool: getTruthPool(),
            states: B.benchmarkStates,
            samples: B.benchmarkSamples,
            seed,
          })
        : Promise.resolve(null),
    ]);
    if (!validation.ok) throw SimulatorError.fromJSON(validation.error);
    if (!fans.ok) throw SimulatorError.fromJSON(fans.error);
    setDiagnostics(runId, {
      status: 'done',
      validation: validationSummary(validation.value, dataset.variables),
      benchmark: bench ? benchmarkSummary(bench, dataset.variables) : undefined,
      fans: fanBands(fans.value),
      rollouts: B.fanRollouts,
      seconds: (performance.now() - t0) / 1000,
    });
    // The reference for the benchmark W1 (what a perfect simulator scores) lands after the figures, so they
    // do not wait for it (on the hospital it doubled the first diagnostics); the diagnostics stand without it.
    if (bench && env) void benchmarkNoiseFloor(dataset, env, { states: B.benchmarkStates, samples: B.benchmarkSamples, seed }).then((floor) => addFloor(runId, floor), () => undefined);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof SimulatorError) showRuntimeError(message, source);
    setDiagnostics(runId, { status: 'failed', error: message });
  }
}

/** Adds the noise floor to a run's finished benchmark diagnostics (left alone if they were recomputed or failed meanwhile). */
function addFloor(runId: string, floor: BenchmarkFloor): void {
  const d = studioStore.getState().runs.find((r) => r.id === runId)?.diagnostics;
  if (d?.status === 'done' && d.benchmark) setDiagnostics(runId, { ...d, benchmark: { ...d.benchmark, floor } });
}
