import type { Dataset } from '../../core/data/Dataset.ts';
import type { Environment } from '../../core/envs/Environment.ts';
import { SimulatorError } from '../../core/sim/SimulatorError.ts';
import { poolBenchmarkW1 } from '../../pool/poolBenchmarkW1.ts';
import { datasetForWorkers } from '../../sandbox/browser/encodedDataset.ts';
import { createDatasetPromiseCache } from '../lib/createDatasetPromiseCache.ts';
import { createModelRunPool, getTruthPool } from '../lib/simPools.ts';
import type { BenchmarkFloor } from '../model/RunRecord.ts';

/** What the floor is computed with: the run's benchmark W1 settings, so the two are comparable. */
export interface FloorBudget {
  states: number;
  samples: number;
  seed: number;
}

// One floor per dataset and budget: it does not depend on the run, so a session pays for it once.
const cached = createDatasetPromiseCache<BenchmarkFloor>(4);

/**
 * The benchmark W1 of the ground truth against itself (other random draws, the same test start
 * states): the W1 no simulator can beat, which tells a reader what a good benchmark W1 is. Runs on
 * throwaway workers that load the truth as the candidate (the run pool keeps the run's program), with
 * the truth's half on the truth pool as for a run. Cached per dataset and budget; a failure is not.
 */
export function benchmarkNoiseFloor(dataset: Dataset, env: Environment, budget: FloorBudget): Promise<BenchmarkFloor> {
  const key = `${env.id}|${budget.states}|${budget.samples}|${budget.seed}`;
  return cached(dataset, key, async () => {
    const pool = createModelRunPool();
    try {
      // The dataset worker's bytes, as ensureRunProgram sends them: one buffer copy per worker, not a
      // clone of the object graph (the hospital's 33 MB clone was a second-long main-thread task).
      const payload = await datasetForWorkers(dataset);
      const [loaded] = await pool.broadcast((api) => api.load(env.groundTruthSource, payload as Dataset));
      if (!loaded.ok) throw SimulatorError.fromJSON(loaded.error);
      const w = await poolBenchmarkW1(pool, {
        dataset, params: env.trueParams, truthSource: env.groundTruthSource, trueParams: env.trueParams, truthPool: getTruthPool(),
        split: 'test', states: budget.states, samples: budget.samples, seed: budget.seed,
      });
      return { w1: w.w1, perVariable: dataset.variables.map((name) => ({ name, w1: w.perVariableW1[name] })) };
    } finally {
      pool.terminate();
    }
  });
}
