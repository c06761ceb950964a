import { describe, expect, it } from 'vitest';
import { HOSPITAL_LOCKDOWN_BEDS_GRID } from '../../core/interventions/benchmarkGrids.ts';
import { defaultGridDraft, gridFromDraft, gridToDraft } from './gridDraft.ts';

const HOSPITAL_VARS = ['icu_occupancy', 'standard_occupancy'];

describe('grid drafts', () => {
  it('a preset round-trips through the form', () => {
    const r = gridFromDraft(gridToDraft(HOSPITAL_LOCKDOWN_BEDS_GRID, 'hospital-lockdown-beds', 7), HOSPITAL_VARS, 60);
    if ('errors' in r) throw new Error(JSON.stringify(r.errors));
    const { env: _env, description: _d, x, y, ...rest } = HOSPITAL_LOCKDOWN_BEDS_GRID;
    expect(r.grid).toEqual({ ...rest, x: { name: x.name, values: x.values }, y: { name: y.name, values: y.values } });
    expect(r.rollouts).toBe(7);
    expect(defaultGridDraft('hospital').preset).toBe('hospital-lockdown-beds');
    expect(defaultGridDraft(null).preset).toBe('covid-lockdown');
  });

  it('reports each bad field: values, names, rollouts, JSON, and an unknown name in the cost', () => {
    const base = gridToDraft(HOSPITAL_LOCKDOWN_BEDS_GRID, 'hospital-lockdown-beds', 5);
    const bad = gridFromDraft({ ...base, xValues: '0, five', yName: 'tau', rollouts: '0', template: '{ nope' }, HOSPITAL_VARS, 60);
    expect('errors' in bad && Object.keys(bad.errors).sort()).toEqual(['rollouts', 'template', 'xValues', 'yName']);
    const cost = gridFromDraft({ ...base, cost: 'overfow + 10 * extra_beds' }, HOSPITAL_VARS, 60);
    expect('errors' in cost && cost.errors.cost).toMatch(/overfow is not defined \(names available: .*overflow/);
    const template = gridFromDraft({ ...base, xName: 'start' }, HOSPITAL_VARS, 60);
    expect('errors' in template && template.errors.template).toMatch(/tau is not defined/);
  });
});
