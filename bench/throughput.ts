import { generateDataset } from '../src/core/data/generateDataset.ts';
import type { Environment } from '../src/core/envs/Environment.ts';
import { createRng } from '../src/core/rng/createRng.ts';
import { poolEvaluator } from '../src/pool/poolEvaluator.ts';
import { compileSimulator } from '../src/core/sim/compileSimulator.ts';
import { paramsFromUnit, paramsToUnit } from '../src/core/calibrate/unitBox.ts';
import { loadedPool, timed } from './benchPool.ts';

export interface ThroughputResult {
  env: string;
  workers: number;
  candidates: number;
  steps: number;
  seconds: number;
  stepsPerSecond: number;
}

/**
 * Simulator throughput of the fitness path: one-step MSE over the 100 training trajectories (6,000
 * transitions, mc 1) for batches of 8 candidates per worker near the true parameters, repeated for
 * `budgetSeconds`, on `workers` worker threads. Steps/s counts simulator steps (the `simulations` the calibrators report).
 */
export async function measureThroughput(env: Environment, workers: number, budgetSeconds: number): Promise<ThroughputResult> {
  const candidates = 8 * workers;
  const data = generateDataset(env, 1, { train: 100, val: 0, test: 0 });
  const parameters = compileSimulator(env.groundTruthSource).parameters;
  // Candidates near the truth (±10% of the box), like a GA population late in a run: a step's cost
  // depends on the parameters (binomial and Poisson draws scale with the counts they produce).
  const rng = createRng(99);
  const truth = paramsToUnit(parameters, parameters.map((p) => env.trueParams[p.name]));
  const batch = Array.from({ length: candidates }, () => {
    const unit = Float64Array.from(truth, (u) => Math.max(-1, Math.min(1, u + rng.uniform(-0.1, 0.1))));
    return paramsFromUnit(parameters, unit) as Float64Array;
  });
  const pool = await loadedPool(workers, env.groundTruthSource, data);
  try {
    const evaluate = poolEvaluator(pool, 1);
    await evaluate(batch.slice(0, workers), 1); // warm-up: JIT-compile the program in every worker
    // Whole batches until the time budget is spent, so fast and slow simulators are timed alike.
    let steps = 0;
    let seconds = 0;
    let scored = 0;
    for (let round = 0; seconds < budgetSeconds; round++) {
      const r = await timed(() => evaluate(batch, 7 + round));
      steps += r.value.simulations;
      seconds += r.seconds;
      scored += batch.length;
    }
    return { env: env.id, workers, candidates: scored, steps, seconds, stepsPerSecond: steps / seconds };
  } finally {
    pool.terminate();
  }
}
