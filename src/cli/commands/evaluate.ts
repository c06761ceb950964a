import type { Command } from '../Command.ts';
import { DEFAULT_BENCHMARK_STATES, diagnose, formatDiagnostics, statesFlag } from '../diagnose.ts';
import { pairs } from '../formatText.ts';
import { openPool, POOL_FLAGS, POOL_USAGE } from '../openPool.ts';
import { poolExecutor } from '../queuePools.ts';
import { choiceFlag, intFlag, numbersObjectFlag, parseFlags, required } from '../parseFlags.ts';
import { readDataset } from '../readDataset.ts';
import { readSimulator } from '../readSimulator.ts';
import { resolveParams } from '../resolveParams.ts';

const USAGE = `Usage: gsim evaluate --sim FILE.js|gt:ENV --data FILE.json|FILE.csv [--params JSON] [--split val|test|train]
                     [--samples N] [--states K|all] [--seed N] [--workers N] [--timeout S] [--json]

Scores a simulator with fixed parameters on a dataset: data-only metrics (energy score, one-step MSE
per variable, rollout W1) on one split and, when the dataset came from a built-in ground truth
("env" set), the benchmark W1 against that ground truth on the test split.
  --sim      a simulator program (JavaScript, the simulator form) or gt:covid | gt:supply-chain | gt:hospital
  --data     a dataset (gsim data / the studio's export) or a trajectory CSV
  --params   parameter values, e.g. '{"beta": 0.3}'; missing ones take the ground truth's true value
             (gt:ENV), else the program's init, else the middle of their bounds (reported)
  --split    split for the data-only metrics (default val)
  --samples  samples per start state from each simulator in the benchmark W1 (default 200, as the paper)
  --states   benchmark start states: a seeded subset of K (default ${DEFAULT_BENCHMARK_STATES}) or all
  --seed     seed of every simulation (default 1)
${POOL_USAGE}`;

/** `gsim evaluate`: metrics of a simulator with given parameters. */
export const evaluateCommand: Command = {
  usage: USAGE,
  async run(ctx) {
    const f = parseFlags('evaluate', ctx.argv, {
      sim: { type: 'string' },
      data: { type: 'string' },
      params: { type: 'string' },
      split: { type: 'string' },
      samples: { type: 'string' },
      states: { type: 'string' },
      seed: { type: 'string' },
      ...POOL_FLAGS,
    });
    const given = numbersObjectFlag(f.params, 'params');
    const split = choiceFlag(f.split, 'split', ['val', 'test', 'train'] as const, 'val');
    const samples = intFlag(f.samples, 'samples', 200, 1, 100_000);
    const states = statesFlag(f.states);
    const seed = intFlag(f.seed, 'seed', 1, 0, 2 ** 32 - 1);
    const sim = readSimulator(required(f.sim, 'sim', 'evaluate'), ctx.cwd);
    const dataPath = required(f.data, 'data', 'evaluate');
    const { dataset, warnings } = readDataset(dataPath, ctx.cwd);
    warnings.forEach((w) => ctx.warn(w));
    const t0 = performance.now();
    const { pool, parameters } = await openPool(f, sim.source, dataset, ctx.signal);
    try {
      const { values, defaulted } = resolveParams(parameters, given, sim.groundTruthOf?.trueParams);
      const { metrics, benchmark } = await diagnose(pool, { dataset, params: values, splits: [split], states, samples, seed, signal: ctx.signal });
      const seconds = (performance.now() - t0) / 1000;
      const text = [
        `${sim.label} on ${dataPath} (${dataset.name})`,
        `parameters: ${pairs(values)}`,
        ...(defaulted.length ? [`  defaulted (not in --params): ${defaulted.map((d) => `${d.name} = ${d.value} (${fromText(d.from)})`).join(', ')}`] : []),
        formatDiagnostics(metrics, benchmark),
        `${seconds.toFixed(1)} s on ${pool.size} worker${pool.size > 1 ? 's' : ''}`,
      ].join('\n');
      return {
        json: { sim: sim.label, data: dataPath, env: dataset.env ?? null, split, params: values, defaulted, metrics: metrics[split] ?? null, benchmark, seed, workers: pool.size, executor: poolExecutor(pool), seconds },
        text,
      };
    } finally {
      pool.terminate();
    }
  },
};

function fromText(from: 'truth' | 'init' | 'midpoint'): string {
  return from === 'truth' ? 'true value' : from === 'init' ? "program's init" : 'midpoint of its bounds';
}
