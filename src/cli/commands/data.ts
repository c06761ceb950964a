import { datasetToCsv } from '../../core/data/datasetToCsv.ts';
import { generateDataset } from '../../core/data/generateDataset.ts';
import { listEnvironments } from '../../core/envs/environments.ts';
import { checkOutputPath, writeOutputFile } from '../writeOutputFile.ts';
import { usageError } from '../CliError.ts';
import type { Command } from '../Command.ts';
import { intFlag, optionalIntFlag, parseFlags, required } from '../parseFlags.ts';

const USAGE = `Usage: gsim data --env ENV --seed N --out FILE [--force] [--train N] [--val N] [--test N] [--horizon T] [--json]

Generates a dataset from a built-in ground truth with its true parameters (decisions B1, B5).
  --env       covid | supply-chain | hospital
  --seed      integer seed (the same seed always gives the same data)
  --out       output file: .json (dataset format) or .csv (one row per step, with a split column)
  --force     overwrite --out when it exists (otherwise an existing file is an error)
  --train/--val/--test   trajectories per split (default 100 each)
  --horizon   steps per trajectory (default: the environment's, 60)`;

/** `gsim data`: writes a generated benchmark dataset. */
export const dataCommand: Command = {
  usage: USAGE,
  async run(ctx) {
    const f = parseFlags('data', ctx.argv, {
      env: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      train: { type: 'string' },
      val: { type: 'string' },
      test: { type: 'string' },
      horizon: { type: 'string' },
      force: { type: 'boolean' },
    });
    const envId = required(f.env, 'env', 'data');
    const env = listEnvironments().find((e) => e.id === envId);
    if (!env) throw usageError(`unknown environment "${envId}" for --env: expected one of ${listEnvironments().map((e) => e.id).join(', ')}`);
    const seed = intFlag(required(f.seed, 'seed', 'data'), 'seed', 0, -(2 ** 31), 2 ** 32 - 1);
    const out = required(f.out, 'out', 'data');
    const path = checkOutputPath(out, ctx.cwd, '--out', f.force === true);
    const opts = {
      train: intFlag(f.train, 'train', 100, 1, 1_000_000),
      val: intFlag(f.val, 'val', 100, 0, 1_000_000),
      test: intFlag(f.test, 'test', 100, 0, 1_000_000),
      horizon: optionalIntFlag(f.horizon, 'horizon', 1, 100_000),
    };
    const steps = (opts.train + opts.val + opts.test) * ((opts.horizon ?? env.horizon) + 1);
    if (steps > 20_000_000) throw usageError(`--train/--val/--test × --horizon asks for ${steps.toExponential(2)} states, over the limit of 2e7 (about 1 GB of JSON)`);
    const dataset = generateDataset(env, seed, opts);
    const csv = /\.csv$/i.test(out);
    const text = csv ? datasetToCsv(dataset) : JSON.stringify(dataset);
    writeOutputFile(path, text, '--out', out, f.force === true);
    const trajectories = { train: dataset.splits.train.length, val: dataset.splits.val.length, test: dataset.splits.test.length };
    const horizon = opts.horizon ?? env.horizon;
    const transitions = (trajectories.train + trajectories.val + trajectories.test) * horizon;
    return {
      json: { out: path, format: csv ? 'csv' : 'json', env: env.id, seed, variables: dataset.variables, trajectories, horizon, transitions, bytes: Buffer.byteLength(text) },
      text:
        `Wrote ${out} (${csv ? 'CSV' : 'JSON'}, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB): ${env.title}, seed ${seed}\n` +
        `  trajectories: train ${trajectories.train}, val ${trajectories.val}, test ${trajectories.test}; ${horizon} steps each (${transitions} transitions)\n` +
        `  variables: ${dataset.variables.join(', ')}`,
    };
  },
};
