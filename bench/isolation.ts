// What the process isolation of Node simulation workers costs (issue 13): fitness-path throughput of
// one isolated worker process against the same sandboxed worker API called in this process (no
// process, no IPC: the upper bound for the same code), measured in alternating rounds so machine load
// hits both alike; and the time to start a worker process and to replace one from the warm spares.
import { generateDataset } from '../src/core/data/generateDataset.ts';
import type { Environment } from '../src/core/envs/Environment.ts';
import { paramsFromUnit, paramsToUnit } from '../src/core/calibrate/unitBox.ts';
import { createRng } from '../src/core/rng/createRng.ts';
import type { SimWorkerApi } from '../src/core/runtime/createSimWorkerApi.ts';
import { compileSimulator } from '../src/core/sim/compileSimulator.ts';
import { createNodePool } from '../src/pool/createNodePool.ts';
import { createSandboxedWorkerApi } from '../src/sandbox/node/createSandboxedWorkerApi.ts';
import { isolationLayers } from '../src/sandbox/node/isolationCommand.ts';
import { sandboxBundleSource } from '../src/sandbox/node/sandboxBundle.ts';

export interface IsolationThroughput {
  env: string;
  inProcessStepsPerSecond: number;
  isolatedStepsPerSecond: number;
  /** isolated / in-process. */
  ratio: number;
}

export interface IsolationStartup {
  /** Spawn to first answer of a fresh worker process (median of `n`), ms. */
  coldStartMs: number;
  /** A newly loaded program on a 1-worker pool with its warm spare: replacement + load, ms (median). */
  warmReloadMs: number;
  layers: ReturnType<typeof isolationLayers>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Steps/s of `evaluate` over `rounds` alternating rounds of about `roundSeconds` each. */
export async function measureIsolationThroughput(env: Environment, roundSeconds: number, rounds = 3): Promise<IsolationThroughput> {
  const data = generateDataset(env, 1, { train: 100, val: 0, test: 0 });
  const parameters = compileSimulator(env.groundTruthSource).parameters;
  const rng = createRng(99);
  const truth = paramsToUnit(parameters, parameters.map((p) => env.trueParams[p.name]));
  const batch = Array.from({ length: 8 }, () => paramsFromUnit(parameters, Float64Array.from(truth, (u) => Math.max(-1, Math.min(1, u + rng.uniform(-0.1, 0.1))))) as Float64Array);

  const local = createSandboxedWorkerApi(sandboxBundleSource()) as SimWorkerApi;
  local.load(env.groundTruthSource, data);
  const pool = createNodePool({ size: 1, timeoutMs: 600_000, spares: 0 });
  try {
    const [r] = await pool.broadcast((api) => api.load(env.groundTruthSource, data));
    if (!r.ok) throw new Error(r.error.message);
    const rate = async (fitness: (seed: number) => Promise<number> | number) => {
      let steps = 0;
      const t0 = performance.now();
      for (let seed = 1; performance.now() - t0 < roundSeconds * 1000; seed++) steps += await fitness(seed);
      return steps / ((performance.now() - t0) / 1000);
    };
    local.fitness(batch, 0, 1);
    await pool.run((api) => api.fitness(batch, 0, 1));
    const inProcess: number[] = [];
    const isolated: number[] = [];
    for (let i = 0; i < rounds; i++) {
      inProcess.push(await rate((seed) => local.fitness(batch, seed, 1).simulations));
      isolated.push(await rate(async (seed) => (await pool.run((api) => api.fitness(batch, seed, 1))).simulations));
    }
    const a = median(inProcess);
    const b = median(isolated);
    return { env: env.id, inProcessStepsPerSecond: a, isolatedStepsPerSecond: b, ratio: b / a };
  } finally {
    pool.terminate();
  }
}

/** Cold start of a worker process, and reloading a program on a pool with a warm spare. */
export async function measureIsolationStartup(env: Environment, n = 5): Promise<IsolationStartup> {
  const data = generateDataset(env, 1, { train: 2, val: 0, test: 0, horizon: 5 });
  const cold: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const pool = createNodePool({ size: 1, spares: 0 });
    await pool.run((api) => api.ping());
    cold.push(performance.now() - t0);
    pool.terminate();
  }
  const pool = createNodePool({ size: 1, spares: 1 });
  const warm: number[] = [];
  try {
    await pool.broadcast((api) => api.load(env.groundTruthSource, data));
    for (let i = 0; i < n; i++) {
      await new Promise((r) => setTimeout(r, 300)); // let the spare start, as between two loop iterations
      const t0 = performance.now();
      await pool.broadcast((api) => api.load(env.groundTruthSource, data));
      warm.push(performance.now() - t0);
    }
  } finally {
    pool.terminate();
  }
  return { coldStartMs: median(cold), warmReloadMs: median(warm), layers: isolationLayers() };
}
