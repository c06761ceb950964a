import { describe, expect, it } from 'vitest';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { parameterSchedule } from './parameterSchedule.ts';
import { resolveScenario } from './resolveScenario.ts';
import type { Intervention } from './Scenario.ts';

/** x grows by `a` each step: the increments read back the value each transition used. */
const COUNTER = compileSimulator(`
const parameters = { a: { min: 0, max: 10 }, cap: { min: 0, max: 100, init: 7, fixed: true } };
function step(state, action, params) { return { x: state.x + params.a, c: params.cap }; }`);

function schedule(interventions: Intervention[], horizon = 10) {
  return parameterSchedule(COUNTER, { a: 1 }, resolveScenario({ name: 's', interventions }), horizon);
}

describe('parameterSchedule', () => {
  it('applies a factor exactly on the transitions t = tStart..tEnd (both inclusive)', () => {
    const s = schedule([{ type: 'param', target: 'a', factor: 10, tStart: 3, tEnd: 5 }]);
    expect(s.map((p) => p.a)).toEqual([1, 1, 1, 10, 10, 10, 1, 1, 1, 1]);
  });

  it('set replaces the value; add shifts it; open windows run from 0 / to the end', () => {
    expect(schedule([{ type: 'param', target: 'a', set: 4, tStart: 8 }]).map((p) => p.a)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 4, 4]);
    expect(schedule([{ type: 'param', target: 'a', add: 2, tEnd: 1 }]).map((p) => p.a)).toEqual([3, 3, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('overlapping factors multiply in the order listed', () => {
    const s = schedule([
      { type: 'param', target: 'a', factor: 2, tStart: 0, tEnd: 5 },
      { type: 'param', target: 'a', factor: 3, tStart: 4, tEnd: 9 },
    ]);
    expect(s.map((p) => p.a)).toEqual([2, 2, 2, 2, 6, 6, 3, 3, 3, 3]);
  });

  it('shares one frozen object across consecutive equal steps', () => {
    const s = schedule([{ type: 'param', target: 'a', factor: 2, tStart: 3, tEnd: 5 }]);
    expect(s[0]).toBe(s[2]);
    expect(s[3]).toBe(s[5]);
    expect(Object.isFrozen(s[4])).toBe(true);
  });

  it('overrides a fixed parameter, starting from its init, and step sees it', () => {
    const s = schedule([{ type: 'param', target: 'cap', add: 5, tStart: 2 }]);
    expect(s[1].cap).toBeUndefined();
    expect(s[2].cap).toBe(12);
    expect(COUNTER.step({ x: 0 }, null, s[1], null as never, ['x', 'c']).c).toBe(7);
    expect(COUNTER.step({ x: 0 }, null, s[2], null as never, ['x', 'c']).c).toBe(12);
  });

  it('changes every listed alternative the program declares and names the parameters when none exists', () => {
    expect(schedule([{ type: 'param', target: ['beta', 'a'], set: 9 }])[0].a).toBe(9);
    expect(() => schedule([{ type: 'param', target: ['beta', 'transmission_rate'], set: 9 }])).toThrow(
      /scenario "s": the simulator has no parameter "beta" or "transmission_rate" to intervene on \(its parameters: a, cap\)/,
    );
  });
});
