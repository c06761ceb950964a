import { DEFAULT_MC } from '../../core/calibrate/defaultMc.ts';
import { calibrateWithSignals } from '../../core/calibrate/calibrateWithSignals.ts';
import { cmaes } from '../../core/calibrate/cmaes/cmaes.ts';
import type { Calibrator } from '../../core/calibrate/Calibrator.ts';
import { geneticAlgorithm, GA_DEFAULTS } from '../../core/calibrate/ga/geneticAlgorithm.ts';
import { poolEvaluator } from '../../pool/poolEvaluator.ts';
import type { Dataset, SplitName } from '../../core/data/Dataset.ts';
import { CliError, usageError } from '../CliError.ts';
import type { Command } from '../Command.ts';
import { DEFAULT_BENCHMARK_STATES, diagnose, formatDiagnostics, statesFlag } from '../diagnose.ts';
import { fmt, pairs, table } from '../formatText.ts';
import { openPool, POOL_FLAGS, POOL_USAGE } from '../openPool.ts';
import { choiceFlag, intFlag, numbersObjectFlag, optionalIntFlag, parseFlags, required } from '../parseFlags.ts';
import { createProgressBar } from '../progressBar.ts';
import { NPE_FLAGS, NPE_USAGE, runNpeCalibration } from './calibrateNpe.ts';
import { BUDGET_FLAGS, BUDGET_USAGE, budgetChoice, formatSignals, noiseRatioOf, warningsWithNoise } from './calibrateSignals.ts';
import { readDataset } from '../readDataset.ts';
import { readSimulator } from '../readSimulator.ts';

const CALIBRATORS: Record<'ga' | 'cmaes', Calibrator> = { ga: geneticAlgorithm, cmaes };

const USAGE = `Usage: gsim calibrate --sim FILE.js|gt:ENV --data FILE.json|FILE.csv [--method ga|cmaes|npe] [--generations N]
                      [--popsize N] [--mc K] [--fitness energy|mse] [--budget converge|paper] [--preset paper]
                      [--seed N] [--warm-start JSON] [--states K|all] [--samples N] [--workers N] [--timeout S] [--json]

Fits the simulator's numerical parameters on the training split by minimising a one-step score
(the energy score by default; gradient-free, on the worker pool), reports how well the data pin each
parameter down and what to be wary of, then reports val and test metrics of the fitted simulator and,
when the data came from a built-in ground truth, its benchmark W1. Ctrl-C stops after the current
generation and reports the best parameters so far (exit code 130).
  --method       ga (default; the paper's GA), cmaes, or npe (neural posterior estimation, see below)
  --generations  fixed generations (implies --budget paper; paper GA ${GA_DEFAULTS.generations}, CMA-ES the GA's candidate budget)
  --popsize      population (GA: 16 (n + 2) up to ${GA_DEFAULTS.popsize}; paper ${GA_DEFAULTS.popsize}) or CMA-ES lambda (default 4 + 3 ln n)
  --mc           Monte-Carlo draws per training transition in the fitness (default ${DEFAULT_MC})
${BUDGET_USAGE}
  --seed         run seed (default 1)
  --warm-start   start from these values, e.g. '{"beta": 0.4}'
  --states       benchmark start states: a seeded subset of K (default ${DEFAULT_BENCHMARK_STATES}) or all
  --samples      benchmark samples per start state (default 200)
${POOL_USAGE}
${NPE_USAGE}`;

/** `gsim calibrate`: gradient-free calibration on the node worker pool. */
export const calibrateCommand: Command = {
  usage: USAGE,
  async run(ctx) {
    const f = parseFlags('calibrate', ctx.argv, {
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
    });
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
    const sim = readSimulator(required(f.sim, 'sim', 'calibrate'), ctx.cwd);
    const dataPath = required(f.data, 'data', 'calibrate');
    const { dataset, warnings } = readDataset(dataPath, ctx.cwd);
    warnings.forEach((w) => ctx.warn(w));
    if (countTransitions(dataset, 'train') === 0) {
      throw usageError(`--data "${dataPath}" has no transitions in its train split (each trajectory needs two or more states): there is nothing to calibrate on`);
    }

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
  },
};

/** Transitions (consecutive state pairs) in one split of a dataset. */
function countTransitions(dataset: Dataset, split: SplitName): number {
  return dataset.splits[split].reduce((n, t) => n + Math.max(0, t.states.length - 1), 0);
}
