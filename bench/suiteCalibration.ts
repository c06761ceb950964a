// Calibration robustness (issue #14): for each suite environment and each benchmark, the exact one-step
// test W1 of the fitted ground-truth structure divided by the noise floor (truth against itself, same
// sizes), for GA, CMA-ES and NPE with their default settings, over seeds. Printed by `npm run bench -- --suite`.
import type { Calibrator } from '../src/core/calibrate/Calibrator.ts';
import { cmaes } from '../src/core/calibrate/cmaes/cmaes.ts';
import { DEFAULT_MC } from '../src/core/calibrate/defaultMc.ts';
import { geneticAlgorithm } from '../src/core/calibrate/ga/geneticAlgorithm.ts';
import type { FitnessKind } from '../src/core/calibrate/oneStepFitness.ts';
import type { Dataset } from '../src/core/data/Dataset.ts';
import { generateDataset } from '../src/core/data/generateDataset.ts';
import { listEnvironments } from '../src/core/envs/environments.ts';
import { suiteDataset } from '../src/core/envs/suite/suiteDataset.ts';
import { listSuiteEnvironments } from '../src/core/envs/suite/suiteEnvironments.ts';
import { npeCalibrator } from '../src/core/npe/npeCalibrator.ts';
import { observedSummary, summarySpec } from '../src/core/npe/summaryStatistics.ts';
import { createOrtRuntime } from '../src/ort/createOrtRuntime.ts';
import type { NodeSimPool } from '../src/pool/createNodePool.ts';
import { poolBenchmarkW1 } from '../src/pool/poolBenchmarkW1.ts';
import { poolEvaluator } from '../src/pool/poolEvaluator.ts';
import { poolNpeSimulations } from '../src/pool/poolNpeSimulations.ts';

export type SuiteMethod = 'ga' | 'cmaes' | 'npe';

/** A ground truth the suite bench can fit: a suite environment or a built-in benchmark. */
export interface SuiteCase {
  id: string;
  source: string;
  trueParams: Record<string, number>;
  dataset(seed: number): Dataset;
}

export function suiteCases(): SuiteCase[] {
  return [
    ...listSuiteEnvironments().map((e) => ({ id: e.id, source: e.groundTruthSource, trueParams: e.trueParams, dataset: (s: number) => suiteDataset(e, s) })),
    ...listEnvironments().map((e) => ({ id: e.id, source: e.groundTruthSource, trueParams: e.trueParams, dataset: (s: number) => generateDataset(e, s) })),
  ];
}

export interface SuiteRun {
  ratio: number;
  w1: number;
  floor: number;
  seconds: number;
  params: Record<string, number>;
  candidates?: number;
  stoppedBy?: string;
}

export interface SuiteRunOptions {
  fitness?: FitnessKind;
  mc?: number;
  /** Test start states and samples per state of the W1 (the issue: 300 × 200). */
  states: number;
  samples: number;
  npeSimulations?: number;
  npeRounds?: 1 | 2;
  budget?: 'converge' | 'paper';
  generations?: number;
}

const CALIBRATORS: Record<'ga' | 'cmaes', Calibrator> = { ga: geneticAlgorithm, cmaes };

/** Fits one case at one seed with one method on the pool, then scores W1 / floor on the test split. */
export async function runSuiteCase(pool: NodeSimPool, c: SuiteCase, method: SuiteMethod, seed: number, o: SuiteRunOptions): Promise<SuiteRun> {
  const dataset = c.dataset(seed);
  const [loaded] = await pool.broadcast((api) => api.load(c.source, dataset));
  if (!loaded.ok) throw new Error(`${c.id}: ${loaded.error.message}`);
  const t0 = performance.now();
  let params: Record<string, number>;
  let extra: Partial<SuiteRun> = {};
  if (method === 'npe') {
    const spec = summarySpec(dataset);
    const r = await npeCalibrator.run(loaded.parameters, poolNpeSimulations(pool, spec), {
      seed, runtime: await createOrtRuntime(), observed: observedSummary(dataset, spec), simulations: o.npeSimulations, sbc: false, now: () => performance.now(),
      // The CLI's defaults: two rounds, the point estimate picked by the same fitness GA and CMA-ES use.
      evaluator: poolEvaluator(pool, o.mc ?? DEFAULT_MC, { fitness: o.fitness ?? 'energy' }), rounds: o.npeRounds,
    });
    params = r.params;
    extra = { candidates: r.trainingSet.requested, stoppedBy: r.pointEstimate.kind === 'fitness-pick' ? `pick: ${r.pointEstimate.chosen}` : 'posterior mean' };
  } else {
    const r = await CALIBRATORS[method].run(loaded.parameters, poolEvaluator(pool, o.mc ?? DEFAULT_MC, { fitness: o.fitness ?? 'energy' }), {
      seed, budget: o.budget, generations: o.generations, now: () => performance.now(),
    });
    params = r.params;
    const ext = r.search?.capExtensions ? `, cap extended ${r.search.capExtensions}× to ${r.search.maxCandidates}` : '';
    extra = { candidates: r.search?.candidates, stoppedBy: `${r.search?.stoppedBy}${ext}${r.search?.stillImproving ? ', still improving' : ''}` };
  }
  const seconds = (performance.now() - t0) / 1000;
  const w1Opts = { dataset, truthSource: c.source, trueParams: c.trueParams, states: o.states, samples: o.samples, seed: seed + 1000 };
  const w1 = (await poolBenchmarkW1(pool, { ...w1Opts, params })).w1;
  const floor = (await poolBenchmarkW1(pool, { ...w1Opts, params: c.trueParams })).w1;
  return { ratio: w1 / floor, w1, floor, seconds, params, ...extra };
}

/** Mean and sample standard deviation. */
export function meanStd(xs: readonly number[]): { mean: number; std: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const std = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, std };
}
