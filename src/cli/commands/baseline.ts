import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BASELINE_LABELS, BASELINE_METHODS, fitBaseline } from '../../core/baselines/fitBaseline.ts';
import { getEnvironment } from '../../core/envs/environments.ts';
import { transitionsOf } from '../../core/data/transitions.ts';
import { poolBenchmarkW1 } from '../../pool/poolBenchmarkW1.ts';
import { SimulatorError } from '../../core/sim/SimulatorError.ts';
import { createOrtRuntime } from '../../ort/createOrtRuntime.ts';
import type { Command } from '../Command.ts';
import { DEFAULT_BENCHMARK_STATES, diagnose, formatDiagnostics, statesFlag } from '../diagnose.ts';
import { fmt } from '../formatText.ts';
import { openPool, POOL_FLAGS, POOL_USAGE } from '../openPool.ts';
import { choiceFlag, intFlag, optionalIntFlag, parseFlags, required } from '../parseFlags.ts';
import { readDataset } from '../readDataset.ts';

const USAGE = `Usage: gsim baseline --method sindy|mlp --data FILE.json|FILE.csv [--trajectories N] [--out FILE.js]
                     [--epochs N] [--components K] [--split val|test|train] [--samples N] [--states K|all]
                     [--seed N] [--workers N] [--timeout S] [--json]

Fits a data-driven baseline on the dataset's train split (paper Table 2) and scores it with the same
metrics as gsim evaluate: data-only metrics on one split and, when the dataset came from a built-in
ground truth, the benchmark W1 on the test split beside the noise floor (the truth against itself).
The baseline is a simulator program without parameters: --out writes it, and gsim evaluate --sim runs it.
  --method        sindy: sparse regression of one-step increments on degree-2 polynomial terms, with
                  Gaussian residual noise; mlp: a neural world model (mixture density network over the
                  increment), trained with ONNX Runtime (WASM)
  --trajectories  fit on a seeded subset of N train trajectories (default: all)
  --out           write the fitted program (JavaScript, the simulator form) to this file
  --epochs        MLP: most training epochs (default 300; early stopping after 20 without improvement)
  --components    MLP: Gaussian mixture components of the output (default 3; 1 = a Gaussian)
  --split         split for the data-only metrics (default val)
  --samples       samples per start state from each simulator in the benchmark W1 (default 200)
  --states        benchmark start states: a seeded subset of K (default ${DEFAULT_BENCHMARK_STATES}) or all
  --seed          seed of the fit (subset, weights, batches) and of every simulation (default 1)
${POOL_USAGE}`;

/** `gsim baseline`: fit a data-driven baseline and score it like `gsim evaluate`. */
export const baselineCommand: Command = {
  usage: USAGE,
  async run(ctx) {
    const f = parseFlags('baseline', ctx.argv, {
      method: { type: 'string' },
      data: { type: 'string' },
      trajectories: { type: 'string' },
      out: { type: 'string' },
      epochs: { type: 'string' },
      components: { type: 'string' },
      split: { type: 'string' },
      samples: { type: 'string' },
      states: { type: 'string' },
      seed: { type: 'string' },
      ...POOL_FLAGS,
    });
    const method = choiceFlag(required(f.method, 'method', 'baseline'), 'method', BASELINE_METHODS, 'sindy');
    const trajectories = optionalIntFlag(f.trajectories, 'trajectories', 1, 1_000_000);
    const epochs = optionalIntFlag(f.epochs, 'epochs', 1, 100_000);
    const components = optionalIntFlag(f.components, 'components', 1, 50);
    const split = choiceFlag(f.split, 'split', ['val', 'test', 'train'] as const, 'val');
    const samples = intFlag(f.samples, 'samples', 200, 1, 100_000);
    const states = statesFlag(f.states);
    const seed = intFlag(f.seed, 'seed', 1, 0, 2 ** 32 - 1);
    const dataPath = required(f.data, 'data', 'baseline');
    const { dataset, warnings } = readDataset(dataPath, ctx.cwd);
    warnings.forEach((w) => ctx.warn(w));

    const t0 = performance.now();
    const fit = await fitBaseline(method, dataset, {
      seed, trajectories, signal: ctx.signal,
      runtime: method === 'mlp' ? await createOrtRuntime() : undefined,
      mlp: { maxEpochs: epochs, components },
      onEpoch: (e) => { if (e.epoch % 25 === 0) ctx.warn(`epoch ${e.epoch}: train NLL ${fmt(e.trainLoss)}, validation ${fmt(e.valLoss)} (best ${fmt(e.bestValLoss)})`); },
    });
    const fitSeconds = (performance.now() - t0) / 1000;
    if (f.out) writeFileSync(resolve(ctx.cwd, f.out), fit.source);

    const { pool } = await openPool(f, fit.source, dataset, ctx.signal);
    try {
      const { metrics, benchmark } = await diagnose(pool, { dataset, params: {}, splits: [split], states, samples, seed, signal: ctx.signal });
      // The noise floor: the truth against itself on the same start states and streams.
      let noiseFloor: number | null = null;
      if (dataset.env && benchmark) {
        const env = getEnvironment(dataset.env);
        const [loaded] = await pool.broadcast((api) => api.load(env.groundTruthSource, dataset), { signal: ctx.signal });
        if (!loaded.ok) throw SimulatorError.fromJSON(loaded.error);
        const floor = await poolBenchmarkW1(pool, {
          dataset, params: env.trueParams, truthSource: env.groundTruthSource, trueParams: env.trueParams,
          split: 'test', states, samples, seed, signal: ctx.signal,
        });
        noiseFloor = floor.w1;
      }
      const seconds = (performance.now() - t0) / 1000;
      const used = `${fit.trainTrajectories} train trajectories (${fit.trainTransitions} transitions)${trajectories !== undefined ? `, seeded subset (seed ${seed})` : ''}`;
      const text = [
        `${BASELINE_LABELS[method]} on ${dataPath} (${dataset.name}), fitted on ${used} in ${fitSeconds.toFixed(1)} s`,
        ...fit.summary.map((s) => `  ${s}`),
        ...(f.out ? [`  program written to ${f.out}`] : []),
        formatDiagnostics(metrics, benchmark),
        ...(noiseFloor !== null ? [`noise floor (ground truth against itself, same start states): ${fmt(noiseFloor)}`] : []),
        `${seconds.toFixed(1)} s in all, ${pool.size} worker${pool.size > 1 ? 's' : ''}`,
      ].join('\n');
      return {
        json: {
          method, data: dataPath, env: dataset.env ?? null, split, seed,
          trainTrajectories: fit.trainTrajectories, trainTransitions: fit.trainTransitions,
          summary: fit.summary, epochs: fit.history.length, fitSeconds,
          metrics: metrics[split] ?? null, benchmark, noiseFloor,
          testTransitions: transitionsOf(dataset, 'test').count, workers: pool.size, seconds,
          ...(f.out ? { out: f.out } : {}),
        },
        text,
      };
    } finally {
      pool.terminate();
    }
  },
};
