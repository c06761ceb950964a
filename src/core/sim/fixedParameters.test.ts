import { describe, expect, it } from 'vitest';
import { createRng } from '../rng/createRng.ts';
import { compileSimulator } from './compileSimulator.ts';

const SOURCE = `const parameters = {
  rate: { min: 0, max: 5, init: 1 },
  capacity: { min: 0, max: 100, init: 20, fixed: true, description: 'beds' },
};
function step(state, action, params) { return { x: Math.min(params.capacity, state.x + params.rate) }; }`;

describe('compileSimulator fixed parameters', () => {
  it('leaves fixed parameters out of the calibrated list and lists them apart', () => {
    const sim = compileSimulator(SOURCE);
    expect(sim.parameters.map((p) => p.name)).toEqual(['rate']);
    expect(sim.fixedParameters).toEqual([{ name: 'capacity', min: 0, max: 100, init: 20, fixed: true, description: 'beds' }]);
  });

  it('step fills in a fixed parameter the caller does not pass, and uses one it does pass', () => {
    const sim = compileSimulator(SOURCE);
    const rng = createRng(1);
    expect(sim.step({ x: 19.5 }, null, Object.freeze({ rate: 1 }), rng, ['x']).x).toBe(20);
    expect(sim.step({ x: 19.5 }, null, { rate: 1, capacity: 30 }, rng, ['x']).x).toBe(20.5);
    // An unfrozen params object edited in place is merged afresh (no stale cache).
    const p: Record<string, number> = { rate: 1 };
    expect(sim.step({ x: 0 }, null, p, rng, ['x']).x).toBe(1);
    p.rate = 2;
    expect(sim.step({ x: 0 }, null, p, rng, ['x']).x).toBe(2);
  });

  it('a fixed parameter needs an init, and fixed must be a boolean', () => {
    expect(() => compileSimulator(`const parameters = { c: { min: 0, max: 1, fixed: true } }; function step(s) { return s; }`)).toThrow(/parameters.c is fixed, so it needs an init value/);
    expect(() => compileSimulator(`const parameters = { c: { min: 0, max: 1, init: 0, fixed: 'yes' } }; function step(s) { return s; }`)).toThrow(/parameters.c.fixed must be true or false/);
  });

  it('programs without fixed parameters have an empty list', () => {
    expect(compileSimulator(`const parameters = { a: { min: 0, max: 1 } }; function step(s) { return s; }`).fixedParameters).toEqual([]);
  });
});
