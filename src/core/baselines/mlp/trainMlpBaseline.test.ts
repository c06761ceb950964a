import { beforeAll, describe, expect, it } from 'vitest';
import { createOrtRuntime } from '../../../ort/createOrtRuntime.ts';
import type { TensorRuntime } from '../../npe/TensorRuntime.ts';
import { createRng } from '../../rng/createRng.ts';
import { compileSimulator } from '../../sim/compileSimulator.ts';
import type { CompiledSimulator } from '../../sim/types.ts';
import { linearStep, linearSystemDataset } from '../test/linearSystem.ts';
import { mlpProgram } from './mlpProgram.ts';
import { trainMlpBaseline, type MlpModel } from './trainMlpBaseline.ts';

// The ORT runtime is the Node build of onnxruntime-web (WASM), the one the CLI uses.
let runtime: TensorRuntime;
beforeAll(async () => {
  runtime = await createOrtRuntime();
});

const data = linearSystemDataset(100, 60, 3);

/** Mean and sd of `n` one-step draws of variable j from (x, y) under action a. */
function moments(sim: CompiledSimulator, x: number, y: number, a: number, j: number, n = 4000): { mean: number; sd: number } {
  const rng = createRng(7);
  const v = Array.from({ length: n }, () => sim.step({ x, y }, a, {}, rng, ['x', 'y'])[j === 0 ? 'x' : 'y'] as number);
  const mean = v.reduce((s, b) => s + b, 0) / n;
  return { mean, sd: Math.sqrt(v.reduce((s, b) => s + (b - mean) ** 2, 0) / (n - 1)) };
}

describe('trainMlpBaseline', () => {
  let model: MlpModel;
  let sim: CompiledSimulator;
  beforeAll(async () => {
    model = await trainMlpBaseline(runtime, data, { seed: 1, components: 1, maxEpochs: 60 });
    sim = compileSimulator(mlpProgram(model));
  }, 120_000);

  it('trainMlpBaseline(linear system) learns the one-step mean and noise scale at an interior state', () => {
    expect(model.provider).toBe('wasm');
    expect(model.history.length).toBeGreaterThan(5);
    expect(model.history.at(-1)!.bestValLoss).toBeLessThan(model.history[0].valLoss);
    const exact = linearStep(10, 5, 0.5);
    for (const j of [0, 1]) {
      const m = moments(sim, 10, 5, 0.5, j);
      expect(Math.abs(m.mean - exact.mean[j]), `mean of variable ${j}`).toBeLessThan(0.1 * exact.sd[j] + 0.03);
      expect(Math.abs(m.sd - exact.sd[j]) / exact.sd[j], `sd of variable ${j}`).toBeLessThan(0.15);
    }
  });

  it('trainMlpBaseline(linear system) recovers the coefficients as slopes of its predicted mean', () => {
    const slope = (j: number, dxy: [number, number], da: number, h: number) =>
      (moments(sim, 10 + dxy[0] * h, 5 + dxy[1] * h, 0 + da * h, j).mean - moments(sim, 10 - dxy[0] * h, 5 - dxy[1] * h, 0 - da * h, j).mean) / (2 * h);
    // d(next x)/dx = 1 − 0.1, d(next x)/da = 0.3, d(next y)/dy = 1 − 0.2, d(next y)/da = 0
    expect(Math.abs(slope(0, [1, 0], 0, 3) - 0.9)).toBeLessThan(0.03);
    expect(Math.abs(slope(0, [0, 0], 1, 0.5) - 0.3)).toBeLessThan(0.06);
    expect(Math.abs(slope(1, [0, 1], 0, 2) - 0.8)).toBeLessThan(0.05);
    expect(Math.abs(slope(1, [0, 0], 1, 0.5))).toBeLessThan(0.1);
  });

  it('trainMlpBaseline stops with an AbortError when its signal fires, reporting the epochs it ran', async () => {
    const controller = new AbortController();
    const epochs: number[] = [];
    const run = trainMlpBaseline(runtime, data, {
      seed: 2, maxEpochs: 500, signal: controller.signal,
      onEpoch: (e) => { epochs.push(e.epoch); if (e.epoch === 2) controller.abort(); },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(epochs).toEqual([1, 2]);
  });

  it('trainMlpBaseline rejects bad options with a message naming them', async () => {
    await expect(trainMlpBaseline(runtime, data, { seed: 1, components: 0 })).rejects.toThrow(/components must be a positive integer/);
    const empty = { ...data, splits: { ...data.splits, train: [] } };
    await expect(trainMlpBaseline(runtime, empty, { seed: 1 })).rejects.toThrow(/at least 2 transitions/);
  });
});
