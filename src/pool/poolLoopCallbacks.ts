import type { CalibrationProgress, Calibrator } from '../core/calibrate/Calibrator.ts';
import { calibrateWithSignals } from '../core/calibrate/calibrateWithSignals.ts';
import { DEFAULT_FITNESS } from '../core/calibrate/defaultFitness.ts';
import type { FitnessKind } from '../core/calibrate/oneStepFitness.ts';
import type { Dataset } from '../core/data/Dataset.ts';
import type { ObservableCancelSignal } from '../core/llm/ChatProvider.ts';
import type { DomainRule } from '../core/llm/DomainRule.ts';
import { diagnosisFromMetrics, type LoopScore } from '../core/llm/diagnoseCandidate.ts';
import type { CalibrationOutcome, Diagnosis, GsimLoopOptions } from '../core/llm/GsimLoop.ts';
import type { Outcome } from '../core/runtime/Outcome.ts';
import { deriveSeed } from '../core/rng/deriveSeed.ts';
import { SimulatorError } from '../core/sim/SimulatorError.ts';
import type { ParameterSpec } from '../core/sim/types.ts';
import type { NodeSimPool } from './createNodePool.ts';
import { poolBenchmarkW1 } from './poolBenchmarkW1.ts';
import { poolEvaluator } from './poolEvaluator.ts';

/** The ground truth to score each candidate against (benchmark W1 on the test split). */
export interface LoopBenchmarkOptions {
  truthSource: string;
  trueParams: Record<string, number>;
  /** Seeded subset of this many test start states; all when absent. */
  states?: number;
  /** Samples per start state from each simulator (poolBenchmarkW1's default when absent). */
  samples?: number;
  /** Workers that never run a candidate: the truth's samples and the distances are computed there. */
  truthPool?: NodeSimPool;
}

/** Options of {@link poolLoopCallbacks}. */
export interface PoolLoopCallbacksOptions {
  /** The data every candidate is calibrated (train) and diagnosed (val) on. */
  dataset: Dataset;
  rules: readonly DomainRule[];
  calibrator: Calibrator;
  generations?: number;
  popsize?: number;
  /** Monte-Carlo draws per training transition. */
  mc: number;
  fitness?: FitnessKind;
  /** Run seed: every candidate is calibrated and diagnosed with the same streams (common random numbers). */
  seed: number;
  score?: LoopScore;
  /** When set, each diagnosis also carries the benchmark W1 against this ground truth. */
  benchmark?: LoopBenchmarkOptions;
  /** Per-call time limit (the pool's default when absent). */
  timeoutMs?: number;
  /** Limit for loading a program into the workers (default 20 s: compiling is instant; only a top-level loop is slow). */
  loadTimeoutMs?: number;
  /** Generation progress of each calibration. */
  onCalibrationProgress?(e: CalibrationProgress & { iteration: number }): void;
  /** Clock for calibration timings (the calibrators' default when absent). */
  now?(): number;
}

const DEFAULT_LOAD_TIMEOUT_MS = 20_000;

/**
 * The G-Sim loop's calibrate and diagnose callbacks over a Node worker pool: `calibrate` loads the
 * candidate into every worker and runs the calibrator with {@link poolEvaluator}; `diagnose` computes the
 * validation metrics, the domain-rule violation rates and (with `benchmark`) the benchmark W1 at once
 * on the pool, and assembles them with {@link diagnosisFromMetrics}. Seeds follow `diagnoseCandidate`
 * (validation `deriveSeed(seed, 0)`, rules `deriveSeed(seed, 1)`), so both paths score alike.
 *
 * A program that does not compile rejects with its SimulatorError (the loop records it as the
 * iteration's error). A failing benchmark never fails the iteration (the model never sees the
 * benchmark): its W1 is then NaN.
 * NOTE: the pool holds one program at a time; each calibrate replaces what the workers hold.
 *
 * @example
 * const { calibrate, diagnose } = poolLoopCallbacks(pool, { dataset, rules, calibrator: geneticAlgorithm, mc: 2, seed: 1 });
 * await runGsimLoop({ provider, model, knowledge, variables: dataset.variables, calibrate, diagnose });
 */
export function poolLoopCallbacks(pool: NodeSimPool, opts: PoolLoopCallbacksOptions): Pick<GsimLoopOptions, 'calibrate' | 'diagnose'> {
  /** The program the workers hold now, so diagnose reloads only when calibrate did not just load it. */
  let loaded: { code: string; parameters: ParameterSpec[] } | undefined;

  async function load(code: string, signal: AbortSignal | undefined): Promise<ParameterSpec[]> {
    if (loaded?.code === code) return loaded.parameters;
    loaded = undefined;
    const timeoutMs = Math.min(opts.timeoutMs ?? Infinity, opts.loadTimeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS);
    const [first] = await pool.broadcast((api) => api.load(code, opts.dataset), { signal, timeoutMs });
    if (!first.ok) throw SimulatorError.fromJSON(first.error);
    loaded = { code, parameters: first.parameters };
    return first.parameters;
  }

  return {
    async calibrate(code, warmStart, ctx): Promise<CalibrationOutcome> {
      const signal = abortSignalOf(ctx.signal);
      const parameters = await load(code, signal);
      // The default one-step score is the energy score (issue #14); it needs 2 draws, so MSE at mc 1.
      const fitness = opts.fitness ?? (opts.mc >= 2 ? DEFAULT_FITNESS : 'mse');
      const result = await calibrateWithSignals(opts.calibrator, parameters, poolEvaluator(pool, opts.mc, { fitness, timeoutMs: opts.timeoutMs }), {
        seed: opts.seed,
        ...(opts.generations !== undefined ? { generations: opts.generations } : {}),
        ...(opts.popsize !== undefined ? { popsize: opts.popsize } : {}),
        ...(warmStart ? { warmStart } : {}),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...(opts.now ? { now: opts.now } : {}),
        onProgress: (p) => opts.onCalibrationProgress?.({ ...p, iteration: ctx.iteration }),
      });
      const outcome: CalibrationOutcome = {
        params: result.params,
        fitness: result.bestFitness,
        trust: { identifiability: result.identifiability, warnings: result.warnings.map((w) => w.message) },
      };
      if (!Number.isFinite(result.bestFitness)) outcome.error = result.firstError ?? `every candidate failed (training fitness ${result.bestFitness})`;
      return outcome;
    },

    async diagnose(code, params, ctx): Promise<Diagnosis> {
      const signal = abortSignalOf(ctx.signal);
      await load(code, signal);
      const call = { signal, timeoutMs: opts.timeoutMs };
      const metricsP = pool.run((api) => api.validation({ params, split: 'val', seed: deriveSeed(opts.seed, 0) }), call).then(unwrap);
      const rulesP =
        opts.rules.length > 0
          ? pool.run((api) => api.ruleViolations({ params, rules: [...opts.rules], seed: deriveSeed(opts.seed, 1) }), call).then(unwrap)
          : Promise.resolve([]);
      const b = opts.benchmark;
      const benchmarkP = b
        ? poolBenchmarkW1(pool, { dataset: opts.dataset, params, truthSource: b.truthSource, trueParams: b.trueParams, split: 'test', states: b.states, samples: b.samples, seed: opts.seed, truthPool: b.truthPool, ...call })
            .then((r) => r.w1)
            .catch((e: unknown) => {
              if (signal?.aborted) throw e;
              return NaN;
            })
        : Promise.resolve(undefined);
      const [metrics, violations, benchmarkW1] = await Promise.all([metricsP, rulesP, benchmarkP]);
      const diagnosis = diagnosisFromMetrics(metrics, violations, opts.score);
      if (benchmarkW1 !== undefined) diagnosis.benchmarkW1 = benchmarkW1;
      return diagnosis;
    },
  };
}

/** A worker reply's value, or its simulator failure rethrown as a SimulatorError (structured cloning drops the class). */
function unwrap<T>(r: Outcome<T>): T {
  if (!r.ok) throw SimulatorError.fromJSON(r.error);
  return r.value;
}

/** The loop hands over an observable cancel signal; the pool can stop running workers only with a real AbortSignal. */
function abortSignalOf(signal: ObservableCancelSignal | undefined): AbortSignal | undefined {
  if (!signal) return undefined;
  if (signal instanceof AbortSignal) return signal;
  return signal.aborted ? AbortSignal.abort() : undefined;
}
