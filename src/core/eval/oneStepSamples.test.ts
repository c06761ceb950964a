import { describe, expect, it } from 'vitest';
import { getEnvironment } from '../envs/environments.ts';
import { createRng } from '../rng/createRng.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { SimulatorError } from '../sim/SimulatorError.ts';
import { oneStepSamples } from './oneStepSamples.ts';

const covid = getEnvironment('covid');
const sim = compileSimulator(covid.groundTruthSource);
const start = { S: 950, I: 40, R: 10 };

describe('oneStepSamples', () => {
  it('oneStepSamples(sim, state, ...) packs n next-state observations row-major, each from the start state', () => {
    const out = oneStepSamples(sim, start, null, covid.trueParams, covid.variables, 50, createRng(1));
    expect(out).toHaveLength(150);
    const rng = createRng(1);
    for (let i = 0; i < 50; i++) {
      const next = sim.step(start, null, covid.trueParams, rng, covid.variables);
      expect([out[3 * i], out[3 * i + 1], out[3 * i + 2]]).toEqual([next.S, next.I, next.R]);
      expect(out[3 * i] + out[3 * i + 1] + out[3 * i + 2]).toBe(1000);
    }
  });

  it('oneStepSamples(sim, state, ...) is deterministic for a seed', () => {
    const a = oneStepSamples(sim, start, null, covid.trueParams, covid.variables, 20, createRng(7));
    const b = oneStepSamples(sim, start, null, covid.trueParams, covid.variables, 20, createRng(7));
    expect(a).toEqual(b);
  });

  it('oneStepSamples(sim, state, ..., 0, rng) is empty', () => {
    expect(oneStepSamples(sim, start, null, covid.trueParams, covid.variables, 0, createRng(1))).toHaveLength(0);
  });

  it('oneStepSamples(sim, state, ...) propagates a SimulatorError from the program', () => {
    const broken = compileSimulator(`const parameters = { a: { min: 0, max: 1 } };
function step(state) { return { S: state.S, I: NaN, R: 0 }; }`);
    expect(() => oneStepSamples(broken, start, null, { a: 0.5 }, covid.variables, 3, createRng(1))).toThrow(SimulatorError);
  });
});
