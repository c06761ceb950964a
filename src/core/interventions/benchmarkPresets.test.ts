import { describe, expect, it } from 'vitest';
import { getEnvironment } from '../envs/environments.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { GRID_PRESETS } from './benchmarkGrids.ts';
import { findScenarioPreset, SCENARIO_PRESETS } from './benchmarkScenarios.ts';
import { COVID_LOCKDOWN_PANELS, LOCKDOWN_ALPHAS } from './covidLockdownPanels.ts';
import { knobValues, policyCell } from './policyCell.ts';
import { parameterSchedule } from './parameterSchedule.ts';
import { resolveScenario } from './resolveScenario.ts';
import { scenarioStartStates } from './scenarioStartStates.ts';
import { simulateScenario } from './simulateScenario.ts';

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

  it('every scenario and every grid corner runs on its benchmark\'s starter program (a new project\'s own model)', () => {
    for (const preset of SCENARIO_PRESETS) {
      const env = getEnvironment(preset.env);
      const sim = compileSimulator(env.starterSource);
      const init = Object.fromEntries(sim.parameters.map((p) => [p.name, p.init ?? p.min]));
      const opts = { variables: env.variables, record: preset.record, horizon: preset.horizon, rollouts: 2, seed: 1, initialStates: scenarioStartStates(env, 2, 1) };
      for (const s of preset.scenarios) expect(simulateScenario(sim, init, resolveScenario(s, {}, preset.horizon), opts).steps).toBe(preset.horizon + 1);
    }
    for (const grid of GRID_PRESETS) {
      const env = getEnvironment(grid.env);
      const sim = compileSimulator(env.starterSource);
      const init = Object.fromEntries(sim.parameters.map((p) => [p.name, p.init ?? p.min]));
      const opts = { variables: env.variables, horizon: grid.horizon!, rollouts: 2, seed: 1, initialStates: scenarioStartStates(env, 2, 1) };
      for (const cell of [{ i: 0, j: 0 }, { i: grid.x.values.length - 1, j: grid.y.values.length - 1 }]) {
        expect(Number.isFinite(policyCell(sim, init, grid, cell, opts).mean)).toBe(true);
      }
    }
  });

  it('hospital wave presets run long enough to cover the wave (it ends on day 79)', () => {
    const hospital = SCENARIO_PRESETS.find((p) => p.id === 'hospital-wave')!;
    const lastWaveDay = Math.max(...hospital.scenarios.flatMap((s) => s.interventions.map((iv) => (iv.type === 'param' && typeof iv.tEnd === 'number' ? iv.tEnd : 0))));
    expect(hospital.horizon).toBeGreaterThan(lastWaveDay);
  });

  it('finds a preset by id or a single scenario by name', () => {
    expect(findScenarioPreset('supply-chain-lead-times')!.scenarios).toHaveLength(6);
    expect(findScenarioPreset('late-strict')!.scenarios.map((s) => s.name)).toEqual(['late-strict']);
    expect(findScenarioPreset('nope')).toBeUndefined();
  });
});
