import { describe, expect, it } from 'vitest';
import { findScenarioPreset, SCENARIO_PRESETS } from '../../core/interventions/benchmarkScenarios.ts';
import { resolveScenario } from '../../core/interventions/resolveScenario.ts';
import { draftToScenario, interventionWindows, scenarioToDraft, validateDraft, type ScenarioDraft } from './scenarioDraft.ts';

describe('scenario drafts', () => {
  it('every benchmark preset survives the form: preset → rows → scenario resolves to the same thing', () => {
    for (const p of SCENARIO_PRESETS) {
      for (const s of p.scenarios) {
        const draft = scenarioToDraft(s, 'x');
        expect(validateDraft(draft, p.horizon)).toEqual({});
        const back = resolveScenario(draftToScenario(draft), {}, p.horizon);
        const want = resolveScenario(s, {}, p.horizon);
        // Single-name targets come back as a one-element list, which means the same.
        expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(want)));
      }
    }
  });

  it('maps problems to their fields and keeps the text as typed', () => {
    const d: ScenarioDraft = {
      id: 'a', name: ' ',
      interventions: [
        { type: 'param', target: '', mode: 'factor', value: '', tStart: '0', tEnd: '' },
        { type: 'state', t: '3', variable: 'I', mode: 'add', value: '' },
      ],
    };
    expect(validateDraft(d, 60)).toEqual({
      name: expect.stringMatching(/name/),
      'interventions.0.target': expect.stringMatching(/parameter/),
      'interventions.0.value': expect.stringMatching(/factor/),
      'interventions.1.value': expect.stringMatching(/value/),
    });
    const typo: ScenarioDraft = { id: 'b', name: 'x', interventions: [{ type: 'param', target: 'beta', mode: 'factor', value: '0.5', tStart: '5', tEnd: 'horizon -' }] };
    const errors = validateDraft(typo, 60);
    expect(Object.keys(errors)).toEqual(['interventions.0.tEnd']);
    expect(errors['interventions.0.tEnd']).toMatch(/syntax error in "horizon -"/);
    expect(draftToScenario(typo).interventions[0]).toMatchObject({ tEnd: 'horizon -', factor: 0.5, tStart: 5 });
  });

  it('expressions over the horizon resolve, and windows clip to it', () => {
    const d: ScenarioDraft = { id: 'c', name: 'late', interventions: [{ type: 'param', target: 'beta', mode: 'set', value: '0', tStart: 'horizon - 10', tEnd: '' }] };
    expect(validateDraft(d, 60)).toEqual({});
    expect(interventionWindows(resolveScenario(draftToScenario(d), {}, 60), 60)).toEqual([{ tStart: 50, tEnd: 60 }]);
    expect(interventionWindows(resolveScenario(findScenarioPreset('early-strict')!.scenarios[0], {}, 60), 60)).toEqual([{ tStart: 5, tEnd: 24 }]);
  });
});
