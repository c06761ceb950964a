import { GRID_PRESETS } from '../../core/interventions/benchmarkGrids.ts';
import { compileExpression } from '../../core/interventions/compileExpression.ts';
import type { PolicyGrid } from '../../core/interventions/PolicyGrid.ts';
import { resolveScenario } from '../../core/interventions/resolveScenario.ts';
import type { DraftErrors } from './scenarioDraft.ts';

/**
 * The policy-search form as typed: two knobs (name + comma-separated values), the cost expression,
 * and the rest of the grid (scenario template over the knobs, recorded counters, defines, horizon) as
 * JSON text. Kept as text so an invalid entry is shown with its error and never lost.
 */
export interface GridDraft {
  /** The preset it started from (`hospital-lockdown-beds`…), or '' for one's own. */
  preset: string;
  xName: string;
  xValues: string;
  yName: string;
  yValues: string;
  cost: string;
  /** JSON of `{ scenario, record?, define?, horizon? }`. */
  template: string;
  /** Rollouts per cell. */
  rollouts: string;
}

/** The form filled from a preset grid. */
export function gridToDraft(g: PolicyGrid, preset: string, rollouts: number): GridDraft {
  return {
    preset,
    xName: g.x.name, xValues: g.x.values.join(', '),
    yName: g.y.name, yValues: g.y.values.join(', '),
    cost: g.cost,
    template: JSON.stringify({ scenario: g.scenario, record: g.record, define: g.define, horizon: g.horizon }, null, 2),
    rollouts: String(rollouts),
  };
}

/** The default form for a benchmark (its preset grid), else the COVID grid as an example. */
export function defaultGridDraft(env: string | null): GridDraft {
  const g = GRID_PRESETS.find((p) => p.env === env) ?? GRID_PRESETS.find((p) => p.env === 'covid')!;
  return gridToDraft(g, g.name, 10);
}

function values(text: string): number[] | null {
  const parts = text.split(',').map((x) => x.trim()).filter(Boolean);
  const nums = parts.map(Number);
  return parts.length > 0 && nums.every(Number.isFinite) ? nums : null;
}

/**
 * The grid a draft describes, or the errors by field (`xName`, `xValues`, `yName`, `yValues`, `cost`,
 * `template`, `rollouts`). The cost and defines are compiled and tried on dummy series (all ones), so
 * a typo such as `peek` is reported here, with the names available, not after a long run.
 * @param variables the observed variables (the series a cost may use besides `record`).
 */
export function gridFromDraft(d: GridDraft, variables: readonly string[], horizon: number): { grid: PolicyGrid; rollouts: number } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  const name = /^[A-Za-z_$][\w$]*$/;
  if (!name.test(d.xName.trim())) errors.xName = 'A knob name is an identifier, e.g. tau.';
  if (!name.test(d.yName.trim())) errors.yName = 'A knob name is an identifier, e.g. extra_beds.';
  if (!errors.xName && d.xName.trim() === d.yName.trim()) errors.yName = 'The two knobs need different names.';
  const xs = values(d.xValues);
  const ys = values(d.yValues);
  if (!xs) errors.xValues = 'Comma-separated numbers, e.g. 0, 5, 10.';
  if (!ys) errors.yValues = 'Comma-separated numbers, e.g. 0, 5, 10.';
  const rollouts = Number(d.rollouts);
  if (!Number.isInteger(rollouts) || rollouts < 1 || rollouts > 10_000) errors.rollouts = 'A whole number from 1 to 10000.';
  let t: { scenario?: PolicyGrid['scenario']; record?: string[]; define?: Record<string, string>; horizon?: number } = {};
  try {
    t = JSON.parse(d.template);
    if (!t || typeof t !== 'object' || !t.scenario || !Array.isArray(t.scenario.interventions)) throw new Error('needs "scenario": { "name", "interventions": [...] }');
    if (t.record !== undefined && (!Array.isArray(t.record) || t.record.some((r) => typeof r !== 'string'))) throw new Error('"record" must be a list of state keys');
  } catch (e) {
    errors.template = `Grid JSON: ${(e as Error).message}`;
  }
  if (Object.keys(errors).length > 0) return { errors };
  const grid: PolicyGrid = {
    name: d.preset || 'custom grid',
    x: { name: d.xName.trim(), values: xs! },
    y: { name: d.yName.trim(), values: ys! },
    scenario: t.scenario!, record: t.record, define: t.define, cost: d.cost, horizon: t.horizon,
  };
  const h = grid.horizon ?? horizon;
  const knobs = { [grid.x.name]: xs![0], [grid.y.name]: ys![0] };
  try {
    resolveScenario(grid.scenario, knobs, h);
  } catch (e) {
    return { errors: { template: (e as Error).message } };
  }
  // A dry run of the defines and the cost on series of ones, to catch unknown names early.
  const series = new Float64Array(h + 1).fill(1);
  const scope: Record<string, number | Float64Array> = { ...knobs, horizon: h };
  for (const v of [...variables, ...(grid.record ?? [])]) scope[v] = series;
  try {
    for (const [k, expr] of Object.entries(grid.define ?? {})) scope[k] = compileExpression(expr, Object.keys(scope), `define "${k}"`)(scope);
  } catch (e) {
    return { errors: { template: (e as Error).message } };
  }
  try {
    compileExpression(d.cost, Object.keys(scope), 'cost expression')(scope);
  } catch (e) {
    return { errors: { cost: (e as Error).message } };
  }
  return { grid, rollouts };
}
