import { describe, expect, it } from 'vitest';
import { getEnvironment } from '../envs/environments.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { GRID_PRESETS } from './benchmarkGrids.ts';
import { findScenarioPreset, SCENARIO_PRESETS } from './benchmarkScenarios.ts';
import { COVID_LOCKDOWN_PANELS, LOCKDOWN_ALPHAS } from './covidLockdownPanels.ts';
import { knobValues } from './policyCell.ts';
import { parameterSchedule } from './parameterSchedule.ts';
import { resolveScenario } from './resolveScenario.ts';

describe('benchmark presets', () => {
  it('the COVID lockdown presets are the ten Fig. 2 panels with the paper\'s alphas', () => {
    expect(COVID_LOCKDOWN_PANELS).toHaveLength(10);
    const alphas = new Set(COVID_LOCKDOWN_PANELS.flatMap((p) => p.interventions.map((iv) => (iv.type === 'param' ? iv.factor : undefined))));
    for (const a of alphas) expect(LOCKDOWN_ALPHAS).toContain(a);
  });

  it('every scenario and every grid cell resolves against its ground truth', () => {
    for (const preset of SCENARIO_PRESETS) {
      const env = getEnvironment(preset.env);
      const sim = compileSimulator(env.groundTruthSource);
      for (const s of preset.scenarios) expect(() => parameterSchedule(sim, env.trueParams, resolveScenario(s, {}, preset.horizon), preset.horizon)).not.toThrow();
    }
    for (const grid of GRID_PRESETS) {
      const env = getEnvironment(grid.env);
      const sim = compileSimulator(env.groundTruthSource);
      const s = resolveScenario(grid.scenario, knobValues(grid, { i: grid.x.values.length - 1, j: grid.y.values.length - 1 }), grid.horizon);
      expect(parameterSchedule(sim, env.trueParams, s, grid.horizon!)).toHaveLength(grid.horizon!);
    }
  });

  it('finds a preset by id or a single scenario by name', () => {
    expect(findScenarioPreset('supply-chain-lead-times')!.scenarios).toHaveLength(6);
    expect(findScenarioPreset('late-strict')!.scenarios.map((s) => s.name)).toEqual(['late-strict']);
    expect(findScenarioPreset('nope')).toBeUndefined();
  });
});
