import { calibrateWithSignals } from '../core/calibrate/calibrateWithSignals.ts';
import { cmaes } from '../core/calibrate/cmaes/cmaes.ts';
import type { Calibrator } from '../core/calibrate/Calibrator.ts';
import { DEFAULT_MC } from '../core/calibrate/defaultMc.ts';
import { geneticAlgorithm } from '../core/calibrate/ga/geneticAlgorithm.ts';
import type { Dataset } from '../core/data/Dataset.ts';
import { poolEvaluator } from '../pool/poolEvaluator.ts';
import { CliError } from './CliError.ts';
import type { CommandContext, CommandOutput } from './Command.ts';
import { budgetChoice, BUDGET_FLAGS, formatSignals, noiseRatioOf, warningsWithNoise } from './commands/calibrateSignals.ts';
import { NPE_FLAGS, runNpeCalibration } from './commands/calibrateNpe.ts';
import { diagnose, formatDiagnostics, statesFlag } from './diagnose.ts';
import { fmt, pairs, table } from './formatText.ts';
import { openPool, POOL_FLAGS } from './openPool.ts';
import { poolExecutor } from './queuePools.ts';
import { choiceFlag, intFlag, numbersObjectFlag, optionalIntFlag } from './parseFlags.ts';
import { createProgressBar } from './progressBar.ts';
import type { SimulatorSpec } from './readSimulator.ts';

const CALIBRATORS: Record<'ga' | 'cmaes', Calibrator> = { ga: geneticAlgorithm, cmaes };

/** Every flag `gsim calibrate` takes; `gsim sweep` builds the same flags for each of its cells. */
export const CALIBRATE_FLAGS = {
  sim: { type: 'string' },
  data: { type: 'string' },
  method: { type: 'string' },
  generations: { type: 'string' },
  popsize: { type: 'string' },
  mc: { type: 'string' },
  fitness: { type: 'string' },
  seed: { type: 'string' },
  'warm-start': { type: 'string' },
  states: { type: 'string' },
  samples: { type: 'string' },
  ...BUDGET_FLAGS,
  ...POOL_FLAGS,
  ...NPE_FLAGS,
} as const;

/** Calibrate's flags as parsed: strings as given (the boolean `--force` aside). */
export type CalibrateFlags = { [K in keyof typeof CALIBRATE_FLAGS]?: (typeof CALIBRATE_FLAGS)[K]['type'] extends 'boolean' ? boolean : string };

/** The run settings calibrate's flags give (checked before any file is read, so flag errors come first). */
export interface CalibrationSettings {
  method: 'ga' | 'cmaes' | 'npe';
  generations: number | undefined;
  popsize: number | undefined;
  mc: number;
  fitness: ReturnType<typeof budgetChoice>['fitness'];
  budget: ReturnType<typeof budgetChoice>['budget'];
  preset: 'paper' | null;
  maxCandidates: number | undefined;
  seed: number;
  warmStart: Record<string, number> | undefined;
  states: number | undefined;
  samples: number;
}

/**
 * Checks calibrate's flags and turns them into settings.
 * @throws CliError (exit 2) naming the bad flag.
 */
export function calibrationSettings(f: CalibrateFlags): CalibrationSettings {
  const method = choiceFlag(f.method, 'method', ['ga', 'cmaes', 'npe'] as const, 'ga');
  const generations = optionalIntFlag(f.generations, 'generations', 0, 100_000);
  const popsize = optionalIntFlag(f.popsize, 'popsize', 2, 100_000);
  const mc = intFlag(f.mc, 'mc', DEFAULT_MC, 1, 10_000);
  const { fitness, budget, preset, maxCandidates } = budgetChoice(f);
  if (fitness === 'energy' && mc < 2) throw new CliError(`--fitness energy needs --mc 2 or more (got ${mc})`, 2);
  const seed = intFlag(f.seed, 'seed', 1, 0, 2 ** 32 - 1);
  const warmStart = numbersObjectFlag(f['warm-start'], 'warm-start');
  const states = statesFlag(f.states);
  const samples = intFlag(f.samples, 'samples', 200, 1, 100_000);
  return { method, generations, popsize, mc, fitness, budget, preset, maxCandidates, seed, warmStart, states, samples };
}

export interface CalibrationRunInput {
  /** Edges of the run: warnings, the progress bar's stream, and the signal that cancels it. */
  ctx: CommandContext;
  /** The flags the settings came from (pool flags, NPE flags). */
  flags: CalibrateFlags;
  settings: CalibrationSettings;
  sim: SimulatorSpec;
  dataset: Dataset;
  /** As the user named the data (for messages and the JSON). */
  dataPath: string;
}

/**
 * One whole calibration, as `gsim calibrate` runs it: starts the pool (local, or the queue its flags
 * name), fits with GA / CMA-ES / NPE, then diagnoses the fitted simulator (val and test metrics, the
 * benchmark W1 when the data have a ground truth). Returns calibrate's output: its JSON object, its
 * text and an exit code (130 cancelled, 1 when the diagnostics failed).
 * @throws CliError when every candidate failed; SimulatorError when the program does not compile.
 */
export async function runCalibration(i: CalibrationRunInput): Promise<CommandOutput> {
  const { ctx, sim, dataset, dataPath, flags: f } = i;
  const { method, generations, popsize, mc, fitness, budget, preset, maxCandidates, seed, warmStart, states, samples } = i.settings;
  const { pool, parameters } = await openPool(f, sim.source, dataset, ctx.signal);
  try {
    if (method === 'npe') {
      return await runNpeCalibration({ ctx, flags: f, pool, parameters, dataset, simLabel: sim.label, dataPath, seed, states, samples });
    }
    const unknown = Object.keys(warmStart ?? {}).filter((k) => !parameters.some((p) => p.name === k));
    if (unknown.length) ctx.warn(`--warm-start: ignoring ${unknown.join(', ')} (not parameters of this simulator: ${parameters.map((p) => p.name).join(', ')})`);
    const bar = createProgressBar(ctx.stderr);
    const result = await calibrateWithSignals(CALIBRATORS[method], parameters, poolEvaluator(pool, mc, { fitness }), {
      seed,
      budget,
      maxCandidates,
      generations,
      popsize,
      warmStart,
      signal: ctx.signal,
      onProgress: (p) => bar.update(p),
      now: () => performance.now(),
    });
    bar.done();
    const summary = {
      sim: sim.label,
      data: dataPath,
      env: dataset.env ?? null,
      method,
      params: result.params,
      bestFitness: result.bestFitness,
      history: result.history,
      simulations: result.simulations,
      simulationsPerSecond: result.seconds > 0 ? result.simulations / result.seconds : null,
      failures: result.failures,
      firstError: result.firstError ?? null,
      seconds: result.seconds,
      cancelled: result.cancelled,
      mc,
      fitness,
      seed,
      workers: pool.size,
      executor: poolExecutor(pool),
      budget,
      preset,
      search: result.search ?? null,
      identifiability: result.identifiability,
      identifiabilitySimulations: result.probeSimulations,
      warnings: result.warnings,
    };
    const head = [
      `${method.toUpperCase()} on ${sim.label} with ${dataPath} (${dataset.name})${result.cancelled ? ' — CANCELLED, best so far' : ''}`,
      `fitted: ${pairs(result.params)}`,
      `best one-step ${fitness === 'mse' ? 'MSE' : 'energy score'} (train, mc ${mc}): ${fmt(result.bestFitness)}`,
      `${result.simulations.toLocaleString('en')} simulator steps in ${result.seconds.toFixed(1)} s on ${pool.size} worker${pool.size > 1 ? 's' : ''}` +
        (summary.simulationsPerSecond ? ` (${fmt(summary.simulationsPerSecond)} steps/s)` : '') +
        `; ${result.failures} failed candidate${result.failures === 1 ? '' : 's'}${result.firstError ? ` (first: ${result.firstError})` : ''}`,
    ];
    if (result.history.length) {
      head.push(table(['generation', 'best', 'mean'], result.history.map((h) => [String(h.iteration), fmt(h.best), fmt(h.mean)])));
    }
    if (!result.cancelled && !Number.isFinite(result.bestFitness)) {
      throw new CliError(`every candidate failed, so there is nothing to report; first error: ${result.firstError ?? 'unknown'}`);
    }
    if (result.cancelled) {
      return { json: { ...summary, metrics: null, benchmark: null }, text: head.join('\n'), exitCode: 130 };
    }
    // A finished calibration is kept even when its diagnostics fail (a program that throws only on
    // val/test states, a worker lost): the fitted parameters are reported, with the error, exit 1.
    let diagnostics: Awaited<ReturnType<typeof diagnose>>;
    try {
      diagnostics = await diagnose(pool, { dataset, params: result.params, splits: ['val', 'test'], states, samples, seed, signal: ctx.signal });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      ctx.warn(`diagnostics of the fitted simulator failed: ${message}`);
      return {
        json: { ...summary, metrics: null, benchmark: null, diagnosticsError: message },
        text: [...head, `diagnostics failed: ${message}`].join('\n'),
        exitCode: 1,
      };
    }
    const { metrics, benchmark } = diagnostics;
    const noiseRatio = noiseRatioOf(metrics.val);
    const warnings = warningsWithNoise(result, result.identifiability, noiseRatio);
    warnings.forEach((w) => ctx.warn(w.message));
    return {
      json: { ...summary, warnings, noiseRatio, metrics, benchmark },
      text: [...head, formatSignals(result.identifiability, warnings, noiseRatio), 'fitted simulator:', formatDiagnostics(metrics, benchmark)].join('\n'),
    };
  } finally {
    pool.terminate();
  }
}
