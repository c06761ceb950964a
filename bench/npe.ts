// NPE on COVID in Node: seconds per phase (simulate on the pool, train and sample with onnxruntime-web's
// Node build on WASM), at the paper's budget (1000 simulations, 10,000 samples). Printed by bench/run.ts.
import { generateDataset } from '../src/core/data/generateDataset.ts';
import { getEnvironment } from '../src/core/envs/environments.ts';
import { npeCalibrator } from '../src/core/npe/npeCalibrator.ts';
import { observedSummary, summarySpec } from '../src/core/npe/summaryStatistics.ts';
import { createOrtRuntime } from '../src/ort/createOrtRuntime.ts';
import { createNodePool } from '../src/pool/createNodePool.ts';
import { poolNpeSimulations } from '../src/pool/poolNpeSimulations.ts';

export interface NpeBench {
  simulations: number;
  epochs: number;
  provider: string;
  seconds: { simulate: number; train: number; sample: number; sbc: number };
  simulationsPerSecond: number;
  msPerEpoch: number;
  acceptance: number;
}

export async function measureNpe(workers: number, simulations: number): Promise<NpeBench> {
  const env = getEnvironment('covid');
  const dataset = generateDataset(env, 1);
  const spec = summarySpec(dataset);
  const pool = createNodePool({ size: workers });
  try {
    const [loaded] = await pool.broadcast((api) => api.load(env.groundTruthSource, dataset));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const runtime = await createOrtRuntime();
    const r = await npeCalibrator.run(loaded.parameters, poolNpeSimulations(pool, spec), {
      seed: 1, runtime, observed: observedSummary(dataset, spec), simulations, sbc: false, now: () => performance.now(),
      rounds: 1, // throughput of one round: simulations / simulate seconds, ms per epoch
    });
    const epochs = r.training?.epochs.length ?? 0;
    return {
      simulations, epochs, provider: r.training?.provider ?? '?', seconds: r.phaseSeconds,
      simulationsPerSecond: simulations / r.phaseSeconds.simulate, msPerEpoch: (1000 * r.phaseSeconds.train) / Math.max(1, epochs),
      acceptance: r.acceptance?.rate ?? NaN,
    };
  } finally {
    pool.terminate();
  }
}
