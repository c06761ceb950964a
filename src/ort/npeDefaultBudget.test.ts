import { describe, expect, it } from 'vitest';
import { npeCalibrator } from '../core/npe/npeCalibrator.ts';
import type { SummarySimulator } from '../core/npe/simulateSummaries.ts';
import { createRng } from '../core/rng/createRng.ts';
import { deriveSeed } from '../core/rng/deriveSeed.ts';
import type { ParameterSpec } from '../core/sim/types.ts';
import { createOrtRuntime } from './createOrtRuntime.ts';

// NPE's default budget follows the number of free parameters (defaultNpeSimulations): the paper's 1,000
// per round up to 4 parameters, 250 per parameter above. A toy model x = θ + noise keeps it fast.
const simulate: SummarySimulator = async (thetas, seed, firstIndex) => ({
  x: thetas.map((t, i) => {
    const rng = createRng(deriveSeed(seed, firstIndex + i));
    return Float64Array.from(t, (v) => v + 0.05 * rng.normal());
  }),
  simulations: thetas.length, failures: 0,
});
const box = (n: number): ParameterSpec[] => Array.from({ length: n }, (_, k) => ({ name: `p${k}`, min: 0, max: 1 }));

describe('NPE default simulations', () => {
  const runtime = createOrtRuntime({ numThreads: 1, detectWebGpu: async () => false });
  const run = async (n: number, simulations?: number) =>
    npeCalibrator.run(box(n), simulate, {
      seed: 2, runtime: await runtime, observed: new Float64Array(n).fill(0.5), samples: 50, sbc: false, rounds: 1,
      train: { maxEpochs: 1 }, now: () => performance.now(), ...(simulations ? { simulations } : {}),
    });

  it('stays at the paper’s 1,000 for 3 parameters and grows to 250 per parameter for 6', async () => {
    expect((await run(3)).trainingSet.requested).toBe(1000);
    expect((await run(6)).trainingSet.requested).toBe(1500);
  }, 60_000);

  it('an explicit budget wins over the default', async () => {
    expect((await run(6, 120)).trainingSet.requested).toBe(120);
  }, 60_000);
});
