// `npm run bench [-- --quick] [-- --workers N] [-- --json]`: speed figures of the simulation runtime.
// Speed lives here, never in tests (style P11). Figures depend on the machine and on its load.
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { listEnvironments } from '../src/core/envs/environments.ts';
import { measureBenchmarkW1 } from './benchmarkW1Time.ts';
import { measureGa } from './gaPaper.ts';
import { measureIsolationStartup, measureIsolationThroughput } from './isolation.ts';
import { measureThroughput } from './throughput.ts';
import { measureNpe } from './npe.ts';
import { measureNpeTrainStep } from './npeTrainStep.ts';
import { measureNpeBrowser, npeBrowserRows } from './npeBrowser.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, workers: { type: 'string' }, json: { type: 'boolean' }, baselines: { type: 'boolean' }, suite: { type: 'boolean' }, isolation: { type: 'boolean' }, queue: { type: 'boolean' }, csv: { type: 'boolean' } } });
// --baselines: only the data-driven baselines bench (accuracy figures, bench/baselines.ts)
if (values.baselines) { await (await import('./baselines.ts')).runBaselinesBench(values.quick === true, values.json === true); process.exit(0); }
// --queue: only the BullMQ queue backend bench (per-job overhead, throughput with 1, 2, 4 gsim workers, bench/queue.ts)
if (values.queue) { await (await import('./queue.ts')).runQueueBench(values.quick === true, values.json === true); process.exit(0); }
// --csv: only the CSV importer's speed on a 100 MB file (bench/csvImport.ts)
if (values.csv) { (await import('./csvImport.ts')).runCsvImportBench(values.quick === true, values.json === true); process.exit(0); }
// --suite: only the calibration robustness bench (W1 / noise floor per method, bench/suiteBench.ts)
if (values.suite) { await (await import('./suiteBench.ts')).runSuiteBench(values.quick === true, values.json === true); process.exit(0); }
const quick = values.quick === true;
const workers = values.workers ? Number(values.workers) : availableParallelism();
const log = (s: string) => process.stderr.write(s + '\n');
const f = (x: number, d = 1) => x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
const k = (x: number) => `${f(x / 1000, 0)}k`;

log(`gsim bench${quick ? ' --quick' : ''}: Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} ×${availableParallelism()}, pool of ${workers}`);

const rows: string[][] = [];
const report: Record<string, unknown> = { node: process.version, cpus: availableParallelism(), workers, quick };

// 0. What process isolation costs (--isolation: only this section): throughput of one isolated worker
//    process against the same sandboxed API in this process, and worker start-up.
{
  log('isolation: start-up and throughput…');
  const startup = await measureIsolationStartup(listEnvironments()[0]);
  const isolation = [];
  for (const env of listEnvironments()) isolation.push(await measureIsolationThroughput(env, quick ? 0.3 : 1.5));
  report.isolation = { startup, throughput: isolation };
  const on = Object.entries(startup.layers).filter(([, v]) => v).map(([key]) => key).join(', ');
  rows.push([`worker process start (ms, median of 5); reload with a warm spare (ms) [layers: ${on}]`, f(startup.coldStartMs, 0), f(startup.warmReloadMs, 0), '']);
  for (const t of isolation) rows.push([`steps/s one worker, ${t.env}: in-process sandbox vs isolated process`, k(t.inProcessStepsPerSecond), k(t.isolatedStepsPerSecond), `${f(100 * t.ratio, 0)} %`]);
  if (values.isolation) {
    for (const r of rows) log(r.join(' | '));
    if (values.json) process.stdout.write(JSON.stringify(report.isolation, null, 2) + '\n');
    process.exit(0);
  }
}

// 1. Throughput of the fitness path per environment, one worker vs the pool.
const budget = quick ? 0.5 : 3;
const throughput = [];
for (const env of listEnvironments()) {
  log(`throughput: ${env.id}…`);
  const one = await measureThroughput(env, 1, budget);
  const many = await measureThroughput(env, workers, budget);
  throughput.push({ env: env.id, one, pool: many, speedup: many.stepsPerSecond / one.stepsPerSecond });
  rows.push([`simulator steps/s, ${env.id} (one-step fitness, 6,000 transitions)`, k(one.stepsPerSecond), k(many.stepsPerSecond), `${f(many.stepsPerSecond / one.stepsPerSecond, 2)}×`]);
}
report.throughput = throughput;

// 2. Benchmark W1 on the COVID test split: all 6,000 start states on the pool (a subset with --quick),
//    and a 600-state subset on one worker for the speed-up.
log('benchmark W1…');
const w1One = await measureBenchmarkW1(1, quick ? 200 : 600);
const w1Pool = await measureBenchmarkW1(workers, quick ? 600 : undefined);
report.benchmarkW1 = { one: w1One, pool: w1Pool, speedup: w1One.msPerState / w1Pool.msPerState };
rows.push([`benchmark W1 ms/state (COVID, 200 samples)`, f(w1One.msPerState, 2), f(w1Pool.msPerState, 2), `${f(w1One.msPerState / w1Pool.msPerState, 2)}×`]);
rows.push([`benchmark W1 wall time, ${w1Pool.statesUsed} of 6,000 test states (s)`, f((w1One.msPerState * w1Pool.statesUsed) / 1000) + ' (est.)', f(w1Pool.seconds), '']);

// 3. The paper's GA on COVID (popsize 200, 10 generations, default mc).
const generations = quick ? 2 : 10;
log(`GA popsize 200 × ${generations} generations…`);
const gaOne = await measureGa(1, generations);
const gaPool = await measureGa(workers, generations);
report.ga = { one: gaOne, pool: gaPool, speedup: gaPool.simulationsPerSecond / gaOne.simulationsPerSecond };
rows.push([`GA wall time (s), popsize 200 × ${generations} gen, mc ${gaPool.mc}`, f(gaOne.seconds), f(gaPool.seconds), `${f(gaOne.seconds / gaPool.seconds, 2)}×`]);
rows.push([`GA simulations/s`, k(gaOne.simulationsPerSecond), k(gaPool.simulationsPerSecond), `${f(gaPool.simulationsPerSecond / gaOne.simulationsPerSecond, 2)}×`]);
rows.push([`GA fit (pool run): ${Object.entries(gaPool.params).map(([n, v]) => `${n} ${v.toFixed(3)}`).join(', ')}`, '', `MSE ${f(gaPool.bestFitness, 2)}`, '']);

// 4. NPE engine: one ORT WASM training step (batch 200) of sbi's default MAF; single-threaded, no pool.
log('NPE training step…');
const npeSteps = await measureNpeTrainStep(quick);
report.npeTrainStep = npeSteps;
for (const r of npeSteps) rows.push([`NPE MAF train step ms/batch 200, ${r.name} (θ ${r.thetaDim}, x ${r.xDim}), ORT wasm`, f(r.msPerStep, 2), '', `${f(r.stepsPerSecond, 0)} steps/s`]);

// 4. NPE on COVID in Node (ORT on WASM): simulate on the pool, train, sample 10,000.
log('NPE on COVID…');
const npe = await measureNpe(workers, quick ? 300 : 1000);
report.npe = npe;
rows.push([`NPE seconds: simulate / train / sample, ${npe.simulations} sims, ${npe.epochs} epochs on ${npe.provider}`, '', `${f(npe.seconds.simulate)} / ${f(npe.seconds.train)} / ${f(npe.seconds.sample, 2)}`, '']);
rows.push([`NPE simulated datasets/s (100 trajectories × 60 steps each); ms per epoch`, '', `${f(npe.simulationsPerSecond, 0)}; ${f(npe.msPerEpoch)}`, '']);

// 5. NPE on COVID in the studio, in Chromium: WASM, then WebGPU where offered. On a software adapter
//    (SwiftShader here) the WebGPU run takes ~9 min at 300 sims, so it runs only with BENCH_BROWSER=all.
//    BENCH_BROWSER=0 skips the section, BENCH_BROWSER=wasm skips WebGPU.
if (process.env.BENCH_BROWSER !== '0') {
  const providers = process.env.BENCH_BROWSER === 'wasm' ? (['wasm'] as const) : (['wasm', 'webgpu'] as const);
  const npeBrowser = await measureNpeBrowser(quick ? 100 : 300, log, providers);
  report.npeBrowser = npeBrowser;
  rows.push(...npeBrowserRows(npeBrowser, f));
}

if (values.json) {
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
} else {
  const header = ['measurement', '1 worker', `pool (${workers})`, 'speed-up'];
  const all = [header, ...rows];
  const w = header.map((_, j) => Math.max(...all.map((r) => r[j].length)));
  const line = (r: string[]) => r.map((c, j) => (j === 0 ? c.padEnd(w[j]) : c.padStart(w[j]))).join('  ');
  process.stdout.write([line(header), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n') + '\n');
}
