import type { CallbackContext, CalibrationOutcome, Diagnosis } from '../../core/llm/GsimLoop.ts';
import type { RuleViolation } from '../../core/llm/DomainRule.ts';
import { SimulatorError } from '../../core/sim/SimulatorError.ts';
import { getRunPool } from '../lib/simPools.ts';
import type { RunDiagnostics, RunRecord } from '../model/RunRecord.ts';
import { studioStore } from '../store/studioStore.ts';
import { cancelCalibration, startCalibration } from './calibrationActions.ts';
import { checkNow, setSource } from './codeActions.ts';
import { ensureRunProgram } from './runPoolProgram.ts';

/** Rollout budget of the rule checks (per validation trajectory; at most 10 trajectories). */
const RULE_BUDGET = { rollouts: 5, maxTrajectories: 10 } as const;

function runById(id: string): RunRecord | undefined {
  return studioStore.getState().runs.find((r) => r.id === id);
}

/** Resolves with a run's diagnostics once they are final (done or failed). */
function diagnosticsOf(runId: string): Promise<RunDiagnostics> {
  const final = (): RunDiagnostics | null => {
    const d = runById(runId)?.diagnostics;
    if (d && d.status !== 'pending') return d;
    if (!d && runById(runId)?.status !== 'done') return { status: 'failed', error: 'the calibration did not finish, so there are no diagnostics' };
    return null;
  };
  const now = final();
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const unsubscribe = studioStore.subscribe(() => {
      const d = final();
      if (d) {
        unsubscribe();
        resolve(d);
      }
    });
  });
}

/**
 * The loop's calibrate and diagnose callbacks over the studio's own calibration path: each candidate
 * becomes the editor's working copy, is compile-checked, then calibrated by `startCalibration` (the
 * Calibrate panel's method and budget, in the run pool's workers; the run joins the run history) and
 * diagnosed by the diagnostics it triggers, plus domain-rule violation rates from the same pool.
 * Parameters that keep their name start from the previous best (the paper's warm start).
 * @param onRun told which calibration run belongs to which iteration.
 */
export function studioLoopCallbacks(onRun: (iteration: number, runId: string) => void) {
  const runOf = new Map<number, string>();
  return {
    async calibrate(code: string, warmStart: Record<string, number> | undefined, ctx: CallbackContext): Promise<CalibrationOutcome> {
      setSource(code);
      await checkNow();
      const compile = studioStore.getState().compile;
      if (compile.status === 'error') throw new Error(`the program does not compile: ${compile.message}`);
      const onAbort = () => cancelCalibration();
      ctx.signal?.addEventListener?.('abort', onAbort, { once: true });
      try {
        const runId = await startCalibration(warmStart);
        if (!runId) throw new Error('the calibration could not start (see the message in the corner)');
        runOf.set(ctx.iteration, runId);
        onRun(ctx.iteration, runId);
        const run = runById(runId);
        if (!run) throw new Error('the calibration run disappeared');
        if (run.status === 'failed') return { params: run.params ?? {}, fitness: Infinity, error: run.error ?? run.firstError ?? 'calibration failed' };
        if (run.status === 'cancelled') throw new Error('the calibration was cancelled');
        const fitness = run.bestFitness ?? Infinity;
        const trust = run.identifiability ? { trust: { identifiability: run.identifiability, warnings: (run.warnings ?? []).map((w) => w.message) } } : {};
        return { params: run.params ?? {}, fitness, ...trust, ...(!Number.isFinite(fitness) && run.firstError ? { error: run.firstError } : {}) };
      } finally {
        ctx.signal?.removeEventListener?.('abort', onAbort);
      }
    },

    async diagnose(code: string, params: Record<string, number>, ctx: CallbackContext): Promise<Diagnosis> {
      const runId = runOf.get(ctx.iteration);
      if (!runId) throw new Error('no calibration run to diagnose');
      const d = await diagnosticsOf(runId);
      if (d.status === 'failed' || !d.validation) throw new Error(d.error ?? 'diagnostics failed');
      const v = d.validation;
      const ruleViolations = await ruleViolationsOf(code, params, runById(runId)?.settings.seed ?? 1);
      const valScore = v.rolloutW1 ?? NaN;
      return {
        valScore,
        scores: { rolloutW1: valScore, energyScore: v.energyScore, mse: v.mse, ...(v.noiseRatio !== undefined ? { noiseRatio: v.noiseRatio } : {}) },
        perVariable: Object.fromEntries(v.perVariable.map((p) => [p.name, p.mse ?? NaN])),
        perVariableMetric: 'one-step MSE',
        ruleViolations,
        ...(d.benchmark ? { benchmarkW1: d.benchmark.w1 } : {}),
      };
    },
  };
}

/** Violation rates of the project's domain rules, computed in the run pool. */
async function ruleViolationsOf(code: string, params: Record<string, number>, seed: number): Promise<RuleViolation[]> {
  const { rules, dataset } = studioStore.getState();
  if (rules.length === 0 || !dataset) return [];
  const loaded = await ensureRunProgram(code, dataset);
  if (!loaded.ok) throw SimulatorError.fromJSON(loaded.error);
  const split = dataset.splits.val.length > 0 ? 'val' : 'train';
  const out = await getRunPool().run((api) => api.ruleViolations({ params, rules: [...rules], seed, split, ...RULE_BUDGET }));
  if (!out.ok) throw SimulatorError.fromJSON(out.error);
  return out.value;
}
