import { DEFAULT_MC } from '../src/core/calibrate/defaultMc.ts';
import { geneticAlgorithm, GA_DEFAULTS } from '../src/core/calibrate/ga/geneticAlgorithm.ts';
import { generateDataset } from '../src/core/data/generateDataset.ts';
import { getEnvironment } from '../src/core/envs/environments.ts';
import { compileSimulator } from '../src/core/sim/compileSimulator.ts';
import { poolEvaluator } from '../src/pool/poolEvaluator.ts';
import { loadedPool, timed } from './benchPool.ts';

export interface GaTiming {
  workers: number;
  popsize: number;
  generations: number;
  mc: number;
  candidates: number;
  simulations: number;
  seconds: number;
  simulationsPerSecond: number;
  params: Record<string, number>;
  bestFitness: number;
}

/**
 * The paper's GA on COVID (popsize 200, 10 generations, default mc; 100 training trajectories),
 * fitting the ground-truth program, on `workers` worker threads. Wall time excludes pool start-up.
 */
export async function measureGa(workers: number, generations: number = GA_DEFAULTS.generations): Promise<GaTiming> {
  const env = getEnvironment('covid');
  const data = generateDataset(env, 1, { train: 100, val: 0, test: 0 });
  const parameters = compileSimulator(env.groundTruthSource).parameters;
  const pool = await loadedPool(workers, env.groundTruthSource, data);
  try {
    const popsize = GA_DEFAULTS.popsize;
    const { value, seconds } = await timed(() =>
      geneticAlgorithm.run(parameters, poolEvaluator(pool, DEFAULT_MC), { seed: 1, popsize, generations }),
    );
    return {
      workers, popsize, generations, mc: DEFAULT_MC, candidates: popsize * (2 * generations + 1),
      simulations: value.simulations, seconds, simulationsPerSecond: value.simulations / seconds,
      params: value.params, bestFitness: value.bestFitness,
    };
  } finally {
    pool.terminate();
  }
}
