import type { CompiledSimulator, ParamValues } from '../sim/types.ts';
import { compileExpression, type ExpressionValue } from './compileExpression.ts';
import type { CellCost, GridCell, PolicyGrid } from './PolicyGrid.ts';
import { resolveScenario } from './resolveScenario.ts';
import { simulateScenario, type SimulateScenarioOptions } from './simulateScenario.ts';

/** What {@link policyCell} needs besides the program, its parameters and the grid. */
export type PolicyCellOptions = Omit<SimulateScenarioOptions, 'record' | 'quantiles'>;

/**
 * Expected cost of one grid cell: resolves the scenario template with the cell's knob values, runs
 * `rollouts` rollouts and evaluates the cost expression on each. Every cell uses the same seed (common
 * random numbers), so differences between cells are not drowned in noise. O(rollouts · horizon) steps.
 * @throws SimulatorError when the program fails, or an expression is invalid, throws, names an unknown
 * variable or gives a non-finite number (the message names the expression and the names available).
 * @example
 * policyCell(sim, trueParams, grid, { i: 0, j: 2 }, { variables, horizon: 60, rollouts: 50, seed: 1 }).mean;
 */
export function policyCell(sim: CompiledSimulator, params: ParamValues, grid: PolicyGrid, cell: GridCell, opts: PolicyCellOptions): CellCost {
  const knobs = knobValues(grid, cell);
  const horizon = grid.horizon ?? grid.scenario.horizon ?? opts.horizon;
  const scenario = resolveScenario(grid.scenario, knobs, horizon);
  const result = simulateScenario(sim, params, scenario, { ...opts, horizon, record: grid.record });
  const scalars: Record<string, number> = { ...knobs, horizon };
  const seriesNames = result.keys;
  const defines = Object.entries(grid.define ?? {});
  const compiledDefines: [string, ReturnType<typeof compileExpression>][] = [];
  const known = [...seriesNames, ...Object.keys(scalars)];
  for (const [name, expr] of defines) {
    compiledDefines.push([name, compileExpression(expr, known, `define "${name}"`)]);
    known.push(name);
  }
  const cost = compileExpression(grid.cost, known, 'cost expression');

  const { rollouts: n, steps, keys, ensemble } = result;
  const dim = keys.length;
  const costs = new Float64Array(n);
  const defineSums: Record<string, number> = Object.fromEntries(defines.map(([name]) => [name, 0]));
  for (let r = 0; r < n; r++) {
    const values: Record<string, ExpressionValue> = { ...scalars };
    keys.forEach((key, k) => {
      const series = new Float64Array(steps);
      for (let t = 0; t < steps; t++) series[t] = ensemble[(r * steps + t) * dim + k];
      values[key] = series;
    });
    for (const [name, fn] of compiledDefines) {
      const v = fn(values);
      values[name] = v;
      defineSums[name] += v / n;
    }
    costs[r] = cost(values);
  }
  let mean = 0;
  for (let r = 0; r < n; r++) mean += costs[r] / n;
  let ss = 0;
  for (let r = 0; r < n; r++) ss += (costs[r] - mean) ** 2;
  const stdError = n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0;
  return { mean, stdError, defines: defineSums };
}

/** The knob values of a cell, by knob name. */
export function knobValues(grid: PolicyGrid, cell: GridCell): Record<string, number> {
  const x = grid.x.values[cell.i];
  const y = grid.y.values[cell.j];
  if (x === undefined || y === undefined) throw new RangeError(`policyCell: cell (${cell.i}, ${cell.j}) is outside the ${grid.x.values.length} × ${grid.y.values.length} grid`);
  return { [grid.x.name]: x, [grid.y.name]: y };
}
