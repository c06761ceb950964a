import { describe, expect, it } from 'vitest';
import { createOrtRuntime } from '../../ort/createOrtRuntime.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { createBaselineSession } from './baselineSession.ts';
import { linearSystemDataset } from './test/linearSystem.ts';

const data = linearSystemDataset(20, 30, 4);

describe('createBaselineSession', () => {
  it('session.cancel() stops the MLP fit in progress with an AbortError; the next fit runs normally', async () => {
    const session = createBaselineSession(() => createOrtRuntime());
    const epochs: number[] = [];
    const run = session.fit('mlp', data, { seed: 1, maxEpochs: 500 }, (e) => {
      epochs.push(e.epoch);
      if (e.epoch === 1) session.cancel();
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(epochs).toEqual([1]);
    const sindy = await session.fit('sindy', data, { seed: 1, trajectories: 5 });
    expect(sindy.trainTrajectories).toBe(5);
    expect(compileSimulator(sindy.source).parameters).toEqual([]);
    expect(await session.provider()).toBe('wasm');
  });

  it('createBaselineSession(makeRuntime, yieldToEvents) awaits the yield after every minibatch, where a cancel message can land', async () => {
    let calls = 0;
    const session = createBaselineSession(() => createOrtRuntime(), async () => {
      calls++;
      if (calls === 2) session.cancel(); // what the worker's message handler does between minibatches
    });
    const epochs: number[] = [];
    // 20 trajectories × 30 steps = 600 transitions: 3 minibatches of 200 per epoch
    await expect(session.fit('mlp', data, { seed: 1, maxEpochs: 500 }, (e) => epochs.push(e.epoch))).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(2);
    expect(epochs).toEqual([]);
  });
});
