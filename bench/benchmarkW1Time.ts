import { generateDataset } from '../src/core/data/generateDataset.ts';
import { getEnvironment } from '../src/core/envs/environments.ts';
import { poolBenchmarkW1 } from '../src/pool/poolBenchmarkW1.ts';
import { loadedPool, timed } from './benchPool.ts';

export interface BenchmarkW1Timing {
  env: string;
  workers: number;
  statesUsed: number;
  statesTotal: number;
  samples: number;
  seconds: number;
  msPerState: number;
  w1: number;
}

/**
 * Wall time of the benchmark W1 (decision B3: 200 samples per start state from each simulator, exact
 * OT) on the COVID test split (100 trajectories × 60 = 6,000 start states, or a seeded subset), for
 * the ground truth against itself at its true parameters, on `workers` worker threads.
 */
export async function measureBenchmarkW1(workers: number, states: number | undefined): Promise<BenchmarkW1Timing> {
  const env = getEnvironment('covid');
  const data = generateDataset(env, 1, { train: 1, val: 0, test: 100 });
  const pool = await loadedPool(workers, env.groundTruthSource, data);
  try {
    const { value, seconds } = await timed(() =>
      poolBenchmarkW1(pool, { dataset: data, params: env.trueParams, truthSource: env.groundTruthSource, trueParams: env.trueParams, states, seed: 1 }),
    );
    return {
      env: env.id, workers, statesUsed: value.statesUsed, statesTotal: 6000, samples: value.samples,
      seconds, msPerState: (seconds * 1000) / value.statesUsed, w1: value.w1,
    };
  } finally {
    pool.terminate();
  }
}
