// The paper's Table 2 question on this project's benchmarks: test one-step W1 of the data-driven
// baselines (SINDy, MLP world model) and of the calibrated ground-truth structure at 10 / 30 / 100
// training trajectories (3 seeds), beside the noise floor; and each model's error against the truth
// under one what-if preset per benchmark (parameter interventions reach mechanistic models only).
// Run: `npm run bench -- --baselines` (or `node --import tsx bench/baselines.ts [--quick] [--json] [--env ID]…
// [--interventions]`; the last recomputes only the intervention errors).
// In-process, one thread: figures are about accuracy, not speed.
import { parseArgs } from 'node:util';
import { blackBoxScenario } from '../src/core/baselines/blackBoxScenario.ts';
import { BASELINE_INTERVENTION } from '../src/core/baselines/interventionPresets.ts';
import { BASELINE_METHODS, fitBaseline, type BaselineMethod } from '../src/core/baselines/fitBaseline.ts';
import { cmaes } from '../src/core/calibrate/cmaes/cmaes.ts';
import { localEvaluator } from '../src/core/calibrate/localEvaluator.ts';
import type { Dataset } from '../src/core/data/Dataset.ts';
import { generateDataset } from '../src/core/data/generateDataset.ts';
import { transitionsOf } from '../src/core/data/transitions.ts';
import { listEnvironments } from '../src/core/envs/environments.ts';
import type { Environment } from '../src/core/envs/Environment.ts';
import { benchmarkW1 } from '../src/core/eval/benchmarkW1.ts';
import { chooseStartStates } from '../src/core/eval/chooseStartStates.ts';
import { findScenarioPreset } from '../src/core/interventions/benchmarkScenarios.ts';
import { compareOutcomes } from '../src/core/interventions/compareOutcomes.ts';
import { resolveScenario } from '../src/core/interventions/resolveScenario.ts';
import { scenarioStartStates } from '../src/core/interventions/scenarioStartStates.ts';
import { simulateScenario } from '../src/core/interventions/simulateScenario.ts';
import type { TensorRuntime } from '../src/core/npe/TensorRuntime.ts';
import { compileSimulator } from '../src/core/sim/compileSimulator.ts';
import type { CompiledSimulator } from '../src/core/sim/types.ts';
import { createOrtRuntime } from '../src/ort/createOrtRuntime.ts';

/** Settings of one bench run. */
export interface BaselinesBenchOptions {
  sizes: number[];
  seeds: number[];
  /** Benchmark start states (seeded subset of the test split) and samples per state. */
  states: number;
  samples: number;
  /** MLP epoch cap (early stopping usually ends sooner) and CMA-ES generations for the truth's structure. */
  epochs: number;
  generations: number;
  /** Rollouts per model in the intervention comparison. */
  rollouts: number;
  envs?: string[];
  /** Only the intervention errors (models fitted once, on the largest size and first seed; no W1 table). */
  interventionsOnly?: boolean;
  log: (s: string) => void;
}

export const FULL: Omit<BaselinesBenchOptions, 'log'> = { sizes: [10, 30, 100], seeds: [1, 2, 3], states: 200, samples: 200, epochs: 150, generations: 30, rollouts: 100 };
export const QUICK: Omit<BaselinesBenchOptions, 'log'> = { sizes: [10, 100], seeds: [1], states: 50, samples: 100, epochs: 30, generations: 10, rollouts: 50 };


export type ModelName = BaselineMethod | 'truth-structure';
export const MODEL_LABELS: Record<ModelName, string> = { sindy: 'SINDy', mlp: 'MLP world model', 'truth-structure': 'GT structure, calibrated (CMA-ES)' };

export interface EnvBaselines {
  env: string;
  /** W1 per model, per training size, per seed. */
  w1: Record<ModelName, Record<number, number[]>>;
  noiseFloor: number[];
  intervention: { scenario: string; trajectories: number; dropped: number; errors: Record<ModelName, number>; truthVsTruth: number };
  seconds: number;
}

const withTrain = (data: Dataset, n: number, seed: number): Dataset => ({
  ...data,
  splits: { ...data.splits, train: Array.from(chooseStartStates(data.splits.train.length, n, seed), (i) => data.splits.train[i]) },
});

async function fitModel(model: ModelName, env: Environment, data: Dataset, n: number, seed: number, o: BaselinesBenchOptions, runtime: TensorRuntime, truth: CompiledSimulator) {
  if (model === 'truth-structure') {
    const train = transitionsOf(withTrain(data, n, seed), 'train');
    const r = await cmaes.run(truth.parameters, localEvaluator(truth, train, 2, 'energy'), { seed, generations: o.generations });
    return { sim: truth, params: r.params };
  }
  const fit = await fitBaseline(model, data, { seed, trajectories: n, runtime, mlp: { maxEpochs: o.epochs } });
  return { sim: compileSimulator(fit.source), params: {} };
}

/** Runs the bench on every benchmark (or `o.envs`). */
export async function measureBaselines(o: BaselinesBenchOptions): Promise<EnvBaselines[]> {
  const runtime = await createOrtRuntime();
  const models: ModelName[] = [...BASELINE_METHODS, 'truth-structure'];
  const out: EnvBaselines[] = [];
  for (const env of listEnvironments().filter((e) => !o.envs || o.envs.includes(e.id))) {
    const t0 = performance.now();
    const data = generateDataset(env, 1);
    const truth = compileSimulator(env.groundTruthSource);
    const test = transitionsOf(data, 'test');
    const w1 = Object.fromEntries(models.map((m) => [m, {}])) as EnvBaselines['w1'];
    const noiseFloor: number[] = [];
    const score = (sim: CompiledSimulator, params: Record<string, number>, seed: number) =>
      benchmarkW1({ candidate: sim, candidateParams: params, truth, trueParams: env.trueParams, transitions: test, states: o.states, samples: o.samples, seed }).w1;
    let largest: Partial<Record<ModelName, { sim: CompiledSimulator; params: Record<string, number> }>> = {};
    for (const seed of o.interventionsOnly ? o.seeds.slice(0, 1) : o.seeds) {
      if (!o.interventionsOnly) noiseFloor.push(score(truth, env.trueParams, seed));
      for (const n of o.interventionsOnly ? [Math.max(...o.sizes)] : o.sizes) {
        for (const m of models) {
          const t = performance.now();
          const fitted = await fitModel(m, env, data, n, seed, o, runtime, truth);
          const w = o.interventionsOnly ? NaN : score(fitted.sim, fitted.params, seed);
          (w1[m][n] ??= []).push(w);
          o.log(`${env.id} seed ${seed}, ${n} trajectories, ${m}: W1 ${w.toFixed(3)} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
          if (n === Math.max(...o.sizes) && seed === o.seeds[0]) largest = { ...largest, [m]: fitted };
        }
      }
    }
    out.push({ env: env.id, w1, noiseFloor, intervention: interventionErrors(env, largest as Record<ModelName, { sim: CompiledSimulator; params: Record<string, number> }>, truth, o), seconds: (performance.now() - t0) / 1000 });
  }
  return out;
}

/** Each model's mean per-time W1 against the truth under the benchmark's preset intervention. */
function interventionErrors(env: Environment, fitted: Record<ModelName, { sim: CompiledSimulator; params: Record<string, number> }>, truth: CompiledSimulator, o: BaselinesBenchOptions): EnvBaselines['intervention'] {
  const preset = findScenarioPreset(BASELINE_INTERVENTION[env.id])!;
  const scenario = resolveScenario(preset.scenarios[0], {}, preset.horizon);
  const seed = o.seeds[0];
  const opts = { variables: env.variables, horizon: preset.horizon, rollouts: o.rollouts, seed, initialStates: scenarioStartStates(env, o.rollouts, seed), policy: env.policy };
  const truthRun = simulateScenario(truth, env.trueParams, scenario, opts);
  // the truth against an independent run of itself: the floor of this error
  const again = simulateScenario(truth, env.trueParams, scenario, { ...opts, seed: seed + 1000, initialStates: opts.initialStates });
  const black = blackBoxScenario(scenario);
  const errors = {} as Record<ModelName, number>;
  for (const [m, f] of Object.entries(fitted) as [ModelName, { sim: CompiledSimulator; params: Record<string, number> }][]) {
    // other noise than the truth's run (as for the floor): a model sharing the truth's program must not
    // score near 0 just by replaying the same random numbers
    const run = simulateScenario(f.sim, f.params, m === 'truth-structure' ? scenario : black.scenario, { ...opts, seed: seed + 1000 });
    errors[m] = compareOutcomes(run, truthRun).meanW1;
  }
  return { scenario: scenario.name, trajectories: Math.max(...o.sizes), dropped: black.dropped.length, errors, truthVsTruth: compareOutcomes(again, truthRun).meanW1 };
}

const PAPER_TABLE2 = 'paper Table 2 (test W1, lower is better): COVID SINDy 23.9, RNN 16.7, Transformer 3.30, G-Sim-SBI 0.351; supply chain SINDy 18.2, Transformer 2.29, G-Sim-SBI 1.22; hospital SINDy 199, Transformer 199, G-Sim-SBI 5.24';

/** The figures as text tables. */
export function formatBaselines(results: EnvBaselines[], o: Omit<BaselinesBenchOptions, 'log'>): string {
  const f = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)) : NaN;
    return Number.isNaN(sd) ? m.toFixed(3) : `${m.toFixed(3)} ± ${sd.toFixed(3)}`;
  };
  const lines = [o.interventionsOnly
    ? `intervention errors: mean per-time W1 vs the truth, ${o.rollouts} rollouts, models fitted on ${Math.max(...o.sizes)} trajectories (seed ${o.seeds[0]})`
    : `test one-step W1 (${o.states} test start states, ${o.samples} samples each; mean ± sd over seeds ${o.seeds.join(', ')})`];
  for (const r of results) {
    lines.push('', `${r.env} (${r.seconds.toFixed(0)} s)`);
    if (o.interventionsOnly) {
      const iv = r.intervention;
      lines.push(`  intervention "${iv.scenario}": ${(Object.keys(iv.errors) as ModelName[]).map((m) => `${MODEL_LABELS[m]} ${iv.errors[m].toFixed(3)}`).join(' | ')} | truth vs truth ${iv.truthVsTruth.toFixed(3)}`);
      continue;
    }
    const header = ['model', ...o.sizes.map((n) => `${n} traj.`)];
    const rows = (Object.keys(r.w1) as ModelName[]).map((m) => [MODEL_LABELS[m], ...o.sizes.map((n) => f(r.w1[m][n]))]);
    rows.push(['noise floor (truth vs truth)', ...o.sizes.map(() => f(r.noiseFloor))]);
    const all = [header, ...rows];
    const w = header.map((_, j) => Math.max(...all.map((row) => row[j].length)));
    lines.push(...all.map((row) => row.map((c, j) => (j === 0 ? c.padEnd(w[j]) : c.padStart(w[j]))).join('  ')));
    const iv = r.intervention;
    lines.push(`  intervention "${iv.scenario}" (${iv.dropped} parameter intervention(s) the baselines cannot take), mean per-time W1 vs truth, models fitted on ${iv.trajectories} trajectories:`);
    lines.push(`    ${(Object.keys(iv.errors) as ModelName[]).map((m) => `${MODEL_LABELS[m]} ${iv.errors[m].toFixed(3)}`).join(' | ')} | truth vs truth ${iv.truthVsTruth.toFixed(3)}`);
  }
  lines.push('', PAPER_TABLE2);
  return lines.join('\n');
}

/** Runs the bench and prints its tables (or JSON) on stdout; progress on stderr. */
export async function runBaselinesBench(quick: boolean, json: boolean, envs?: string[], interventionsOnly = false): Promise<void> {
  const o = { ...(quick ? QUICK : FULL), envs, interventionsOnly, log: (s: string) => process.stderr.write(s + '\n') };
  const results = await measureBaselines(o);
  process.stdout.write((json ? JSON.stringify(results, null, 2) : formatBaselines(results, o)) + '\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' }, json: { type: 'boolean' }, env: { type: 'string', multiple: true }, interventions: { type: 'boolean' } } });
  await runBaselinesBench(values.quick === true, values.json === true, values.env, values.interventions === true);
}
