import { DEFAULT_MC } from '../../core/calibrate/defaultMc.ts';
import { GA_DEFAULTS } from '../../core/calibrate/ga/geneticAlgorithm.ts';
import type { Dataset, SplitName } from '../../core/data/Dataset.ts';
import { usageError } from '../CliError.ts';
import type { Command } from '../Command.ts';
import { DEFAULT_BENCHMARK_STATES } from '../diagnose.ts';
import { POOL_USAGE } from '../openPool.ts';
import { parseFlags, required } from '../parseFlags.ts';
import { readDataset } from '../readDataset.ts';
import { readSimulator } from '../readSimulator.ts';
import { CALIBRATE_FLAGS, calibrationSettings, runCalibration } from '../runCalibration.ts';
import { NPE_USAGE } from './calibrateNpe.ts';
import { BUDGET_USAGE } from './calibrateSignals.ts';

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
    const f = parseFlags('calibrate', ctx.argv, CALIBRATE_FLAGS);
    const settings = calibrationSettings(f);
    const sim = readSimulator(required(f.sim, 'sim', 'calibrate'), ctx.cwd);
    const dataPath = required(f.data, 'data', 'calibrate');
    const { dataset, warnings } = readDataset(dataPath, ctx.cwd);
    warnings.forEach((w) => ctx.warn(w));
    if (countTransitions(dataset, 'train') === 0) {
      throw usageError(`--data "${dataPath}" has no transitions in its train split (each trajectory needs two or more states): there is nothing to calibrate on`);
    }
    return runCalibration({ ctx, flags: f, settings, sim, dataset, dataPath });
  },
};

/** Transitions (consecutive state pairs) in one split of a dataset. */
export function countTransitions(dataset: Dataset, split: SplitName): number {
  return dataset.splits[split].reduce((n, t) => n + Math.max(0, t.states.length - 1), 0);
}
