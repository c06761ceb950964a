import type { Dataset, SplitName } from '../core/data/Dataset.ts';
import { transitionsOf } from '../core/data/transitions.ts';
import { getEnvironment } from '../core/envs/environments.ts';
import type { BenchmarkW1Result } from '../core/eval/combineBenchmarkW1.ts';
import type { ValidationMetrics } from '../core/eval/validationMetrics.ts';
import { SimulatorError } from '../core/sim/SimulatorError.ts';
import { createTruthPool, type NodeSimPool } from '../pool/createNodePool.ts';
import { poolBenchmarkW1 } from '../pool/poolBenchmarkW1.ts';
import { usageError } from './CliError.ts';
import { fmt, table } from './formatText.ts';

/** Start states the CLI's benchmark W1 uses unless `--states` says otherwise (a seeded subset). */
export const DEFAULT_BENCHMARK_STATES = 1000;

/** `--states K|all`: the benchmark's start-state count (undefined = all). */
export function statesFlag(value: string | undefined): number | undefined {
  if (value === 'all') return undefined;
  if (value === undefined) return DEFAULT_BENCHMARK_STATES;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw usageError(`--states must be an integer in 1..1000000 or "all", got ${JSON.stringify(value)}`);
  return n;
}

/** The benchmark W1 as the CLI reports it. */
export type BenchmarkReport = Omit<BenchmarkW1Result, 'stateIndices' | 'perStateW1'> & {
  split: 'test';
  /** Start states the split holds (statesUsed of them were scored). */
  statesTotal: number;
  seed: number;
};

export interface DiagnoseOptions {
  dataset: Dataset;
  params: Record<string, number>;
  /** Splits to compute data-only metrics on. */
  splits: SplitName[];
  /** Benchmark start states (undefined = all), and samples per state from each simulator. */
  states: number | undefined;
  samples: number;
  seed: number;
  signal: AbortSignal;
}

/**
 * Validation metrics on each split and, when the data came from a built-in ground truth, the benchmark
 * W1 on its test split — all at once on the pool (one worker per split's metrics, the benchmark spread
 * over all of them). Empty splits are skipped (null).
 */
export async function diagnose(
  pool: NodeSimPool,
  o: DiagnoseOptions,
): Promise<{ metrics: Partial<Record<SplitName, ValidationMetrics | null>>; benchmark: BenchmarkReport | null }> {
  const call = { signal: o.signal };
  const metricsP = o.splits.map(async (split) => {
    if (o.dataset.splits[split].length === 0) return [split, null] as const;
    const r = await pool.run((api) => api.validation({ params: o.params, split, seed: o.seed }), call);
    if (!r.ok) throw SimulatorError.fromJSON(r.error);
    return [split, r.value] as const;
  });
  const env = o.dataset.env ? getEnvironment(o.dataset.env) : undefined;
  const statesTotal = transitionsOf(o.dataset, 'test').count;
  // The truth's half of the benchmark runs on processes that never ran the candidate, so a program that
  // broke out of its realm cannot forge the score it is judged by.
  const truthPool = env && statesTotal > 0 ? createTruthPool(pool.size) : undefined;
  const benchmarkP =
    env && statesTotal > 0
      ? poolBenchmarkW1(pool, {
          truthPool,
          dataset: o.dataset,
          params: o.params,
          truthSource: env.groundTruthSource,
          trueParams: env.trueParams,
          split: 'test',
          states: o.states,
          samples: o.samples,
          seed: o.seed,
          signal: o.signal,
        }).then(({ stateIndices: _s, perStateW1: _p, ...rest }): BenchmarkReport => ({ ...rest, split: 'test', statesTotal, seed: o.seed }))
      : Promise.resolve(null);
  try {
    const [metrics, benchmark] = await Promise.all([Promise.all(metricsP), benchmarkP]);
    return { metrics: Object.fromEntries(metrics), benchmark };
  } finally {
    truthPool?.terminate();
  }
}

/** Text block: metrics per split as a table, then the benchmark line. */
export function formatDiagnostics(metrics: Partial<Record<SplitName, ValidationMetrics | null>>, benchmark: BenchmarkReport | null): string {
  const splits = Object.entries(metrics).filter(([, m]) => m) as [SplitName, ValidationMetrics][];
  const lines: string[] = [];
  if (splits.length > 0) {
    const vars = Object.keys(splits[0][1].perVariableMse);
    lines.push(
      table(
        ['split', 'energy score', 'one-step MSE', 'rollout W1', ...vars.map((v) => `MSE ${v}`), 'transitions'],
        splits.map(([s, m]) => [s, fmt(m.energyScore), fmt(m.mse), fmt(m.rolloutW1), ...vars.map((v) => fmt(m.perVariableMse[v])), `${m.transitions}/${m.transitionsTotal}`]),
      ),
    );
  }
  for (const [s, m] of Object.entries(metrics)) if (!m) lines.push(`(split ${s} is empty: no metrics)`);
  if (benchmark) {
    const per = Object.entries(benchmark.perVariableW1).map(([k, v]) => `${k} ${fmt(v)}`).join(', ');
    const used = benchmark.statesUsed === benchmark.statesTotal ? `all ${benchmark.statesTotal}` : `${benchmark.statesUsed} of ${benchmark.statesTotal} (seeded subset, seed ${benchmark.seed})`;
    lines.push(
      `benchmark W1 vs ground truth (test split): ${fmt(benchmark.w1)} ± ${fmt(benchmark.w1StdError)}  [per variable: ${per}; MMD² ${fmt(benchmark.mmd)}]`,
      `  start states: ${used}, ${benchmark.samples} samples each from both simulators`,
    );
  } else {
    lines.push('benchmark W1: not available (the dataset has no "env": no ground truth to compare with)');
  }
  return lines.join('\n');
}
