import { describe, expect, it } from 'vitest';
import { blackBoxScenario } from './blackBoxScenario.ts';

describe('blackBoxScenario', () => {
  it('blackBoxScenario(scenario) keeps state and policy interventions and lists the parameter ones it drops', () => {
    const r = blackBoxScenario({
      name: 'mixed',
      interventions: [
        { type: 'param', target: 'beta', factor: 0.1, tStart: 5, tEnd: 20 },
        { type: 'state', t: 0, set: { I: 50 } },
        { type: 'policy', policy: { kind: 'constant', order: 5 } },
      ],
    });
    expect(r.scenario.interventions.map((iv) => iv.type)).toEqual(['state', 'policy']);
    expect(r.dropped).toEqual([{ type: 'param', target: 'beta', factor: 0.1, tStart: 5, tEnd: 20 }]);
    expect(r.scenario.name).toBe('mixed');
  });
});
