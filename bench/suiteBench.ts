// `npm run bench -- --suite [--quick] [--json]`: calibration robustness (issue #14). For each suite
// environment and each benchmark, W1 / noise floor of the fitted ground-truth structure for GA, CMA-ES
// and NPE with default settings, mean ± std over seeds, and wall time. Rows print as they finish.
// Env: BENCH_SUITE_SEEDS (default 5; --quick 2), BENCH_SUITE_ONLY (comma-separated ids),
// BENCH_SUITE_FIRST_SEED (default 1: seeds FIRST .. FIRST + SEEDS - 1), BENCH_SUITE_METHODS (default ga,cmaes,npe), BENCH_SUITE_STATES / BENCH_SUITE_SAMPLES (default 300 × 200;
// --quick 100 × 100), BENCH_WORKERS (pool size, default all cores), BENCH_SUITE_NPE_ROUNDS (1 or 2; default
// the calibrator's), BENCH_SUITE_NPE_SIMS (simulations per round; default the calibrator's). For NPE the "candidates" column is the simulations run, the last the point estimate.
import { availableParallelism } from 'node:os';
import { createNodePool } from '../src/pool/createNodePool.ts';
import { meanStd, runSuiteCase, suiteCases, type SuiteMethod, type SuiteRun } from './suiteCalibration.ts';

export async function runSuiteBench(quick: boolean, json: boolean): Promise<void> {
  const env = process.env;
  const seeds = Number(env.BENCH_SUITE_SEEDS ?? (quick ? 2 : 5));
  const firstSeed = Number(env.BENCH_SUITE_FIRST_SEED ?? 1);
  if (!Number.isInteger(firstSeed) || firstSeed < 1) throw new Error(`BENCH_SUITE_FIRST_SEED must be a positive integer, got ${env.BENCH_SUITE_FIRST_SEED}`);
  const only = env.BENCH_SUITE_ONLY?.split(',');
  const methods = (env.BENCH_SUITE_METHODS ?? 'ga,cmaes,npe').split(',') as SuiteMethod[];
  const states = Number(env.BENCH_SUITE_STATES ?? (quick ? 100 : 300));
  const samples = Number(env.BENCH_SUITE_SAMPLES ?? (quick ? 100 : 200));
  const workers = Number(env.BENCH_WORKERS ?? availableParallelism());
  const npeRounds = env.BENCH_SUITE_NPE_ROUNDS === '1' ? 1 : env.BENCH_SUITE_NPE_ROUNDS === '2' ? 2 : undefined;
  const npeSimulations = env.BENCH_SUITE_NPE_SIMS ? Number(env.BENCH_SUITE_NPE_SIMS) : undefined;
  if (npeSimulations !== undefined && !(Number.isInteger(npeSimulations) && npeSimulations >= 20)) throw new Error(`BENCH_SUITE_NPE_SIMS must be an integer of at least 20, got ${env.BENCH_SUITE_NPE_SIMS}`);
  const log = (s: string) => process.stderr.write(s + '\n');
  log(`gsim bench --suite: seeds ${firstSeed}–${firstSeed + seeds - 1}, W1 on ${states} test states × ${samples} samples, methods ${methods.join(', ')}, pool of ${workers}`);
  const pool = createNodePool({ size: workers });
  const report: Record<string, Record<string, { ratio: { mean: number; std: number }; seconds: { mean: number; std: number }; runs: SuiteRun[] }>> = {};
  const header = ['environment', 'method', 'W1 / floor', 'wall s', 'worst', 'candidates'];
  if (!json) process.stdout.write(header.join('\t') + '\n');
  try {
    for (const c of suiteCases().filter((c) => !only || only.includes(c.id))) {
      report[c.id] = {};
      for (const m of methods) {
        const runs: SuiteRun[] = [];
        for (let s = firstSeed; s < firstSeed + seeds; s++) {
          const r = await runSuiteCase(pool, c, m, s, { states, samples, ...(npeRounds ? { npeRounds } : {}), ...(npeSimulations ? { npeSimulations } : {}) });
          log(`  ${c.id} ${m} seed ${s}: W1/floor ${r.ratio.toFixed(3)} in ${r.seconds.toFixed(1)} s${r.stoppedBy ? ` (${r.candidates} candidates, ${r.stoppedBy})` : ''}`);
          runs.push(r);
        }
        const ratio = meanStd(runs.map((r) => r.ratio));
        const seconds = meanStd(runs.map((r) => r.seconds));
        report[c.id][m] = { ratio, seconds, runs };
        if (!json) {
          const cand = runs[0].candidates === undefined ? '' : meanStd(runs.map((r) => r.candidates ?? 0)).mean.toFixed(0);
          process.stdout.write([c.id, m, `${ratio.mean.toFixed(3)} ± ${ratio.std.toFixed(3)}`, `${seconds.mean.toFixed(1)} ± ${seconds.std.toFixed(1)}`, Math.max(...runs.map((r) => r.ratio)).toFixed(3), cand].join('\t') + '\n');
        }
      }
    }
  } finally {
    pool.terminate();
  }
  if (json) process.stdout.write(JSON.stringify({ seeds, states, samples, workers, report }, null, 2) + '\n');
}
