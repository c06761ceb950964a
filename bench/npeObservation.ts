// `node --import tsx bench/npeObservation.ts [--sims N] [--seeds K] [--envs covid,supply-chain]
// [--horizon H]`: what should NPE condition on? Compares the statistics of short replays from every
// observed train state (this project's choice) with the paper's flattened single trajectory on the
// benchmarks: posterior-mean parameter error (in units of the
// prior width), 5–95 % coverage of the truth and the posterior-mean simulator's benchmark test W1.
import { parseArgs } from 'node:util';
import { generateDataset } from '../src/core/data/generateDataset.ts';
import { listEnvironments } from '../src/core/envs/environments.ts';
import { npeCalibrator } from '../src/core/npe/npeCalibrator.ts';
import { observedSummary, summarySpec, type SummaryKind } from '../src/core/npe/summaryStatistics.ts';
import { createOrtRuntime } from '../src/ort/createOrtRuntime.ts';
import { createNodePool } from '../src/pool/createNodePool.ts';
import { poolBenchmarkW1 } from '../src/pool/poolBenchmarkW1.ts';
import { poolNpeSimulations } from '../src/pool/poolNpeSimulations.ts';

const { values } = parseArgs({ options: { sims: { type: 'string' }, seeds: { type: 'string' }, workers: { type: 'string' }, envs: { type: 'string' }, horizon: { type: 'string' } } });
const sims = Number(values.sims ?? 300);
const seeds = Number(values.seeds ?? 2);
const envIds = values.envs?.split(',');
const horizon = values.horizon === undefined ? undefined : Number(values.horizon);
const pool = createNodePool({ size: Number(values.workers ?? 2) });
const runtime = await createOrtRuntime();
const rows: string[] = [];
try {
  for (const env of listEnvironments().filter((e) => !envIds || envIds.includes(e.id))) {
    for (const kind of ['statistics', 'trajectory'] as SummaryKind[]) {
      const err: number[] = [], cover: number[] = [], w1: number[] = [];
      for (let seed = 1; seed <= seeds; seed++) {
        const dataset = generateDataset(env, seed);
        const spec = summarySpec(dataset, kind, 'train', horizon);
        const [loaded] = await pool.broadcast((api) => api.load(env.groundTruthSource, dataset));
        if (!loaded.ok) throw new Error(loaded.error.message);
        const r = await npeCalibrator.run(loaded.parameters, poolNpeSimulations(pool, spec), {
          seed, runtime, observed: observedSummary(dataset, spec), simulations: sims, samples: 2000, sbc: false,
          rounds: 1, // compares what one round learns from each summary kind
        });
        const p = r.posterior!;
        loaded.parameters.forEach((q, k) => {
          const t = env.trueParams[q.name];
          err.push(Math.abs(p.mean[k] - t) / (q.max - q.min));
          cover.push(t >= p.q05[k] && t <= p.q95[k] ? 1 : 0);
        });
        const b = await poolBenchmarkW1(pool, { dataset, params: r.params, truthSource: env.groundTruthSource, trueParams: env.trueParams, split: 'test', states: 300, samples: 100, seed: 1 });
        w1.push(b.w1);
        const means = loaded.parameters.map((q, k) => `${q.name} ${p.mean[k].toFixed(3)} [${p.q05[k].toFixed(2)}, ${p.q95[k].toFixed(2)}]`).join(', ');
        process.stderr.write(`${env.id} ${kind} seed ${seed}: W1 ${b.w1.toFixed(3)}; ${means}\n`);
      }
      const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
      const sd = (a: number[]) => Math.sqrt(a.reduce((s, x) => s + (x - mean(a)) ** 2, 0) / Math.max(1, a.length - 1));
      rows.push(`${env.id.padEnd(13)} ${kind.padEnd(11)} param error ${mean(err).toFixed(4)}  coverage ${mean(cover).toFixed(2)}  test W1 ${mean(w1).toFixed(3)} ± ${sd(w1).toFixed(3)}`);
    }
  }
} finally {
  pool.terminate();
}
process.stdout.write(`NPE observation choice, ${sims} simulations, ${seeds} seeds, horizon ${horizon ?? 'default'} (param error = |mean − truth| / prior width, averaged)\n${rows.join('\n')}\n`);
