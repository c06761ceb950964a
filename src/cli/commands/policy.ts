import { GRID_PRESETS } from '../../core/interventions/benchmarkGrids.ts';
import type { PolicyGrid } from '../../core/interventions/PolicyGrid.ts';
import { policyRegret } from '../../core/interventions/policyRegret.ts';
import type { PolicySearchResult } from '../../core/interventions/policySearch.ts';
import { scenarioStartStates } from '../../core/interventions/scenarioStartStates.ts';
import { poolPolicySearch } from '../../pool/poolPolicySearch.ts';
import { readText } from '../readSimulator.ts';
import { checkRolloutBudget, MAX_ROLLOUTS } from '../rolloutBudget.ts';
import { CliError, usageError } from '../CliError.ts';
import type { Command } from '../Command.ts';
import { fmt, pairs, table } from '../formatText.ts';
import { POOL_FLAGS, POOL_USAGE } from '../openPool.ts';
import { withScenarioPool } from '../openScenarioPool.ts';
import { intFlag, parseFlags, required } from '../parseFlags.ts';
import { interventionSetup } from './interventionSetup.ts';
import { poolExecutor, type Executor } from '../queuePools.ts';

const USAGE = `Usage: gsim policy --sim FILE.js|gt:ENV [--env ENV] [--params JSON] --grid PRESET|FILE.json
                  [--rollouts N] [--seed N] [--workers N] [--timeout S] [--json]

Grid search over two intervention knobs: the expected cost of every cell over N rollouts, on the
simulator and (for a benchmark) on its ground truth, the optimum of each, and the regret of the
simulator's optimum evaluated in the truth.
  --grid      a preset (${GRID_PRESETS.map((g) => g.name).join(', ')}) or a JSON file
              { "name", "x": { "name", "values" }, "y": {...}, "scenario": {...}, "record"?, "define"?, "cost", "horizon"? }
              where scenario numbers may be expressions over the knobs and the cost is a JavaScript
              expression over the knobs, horizon, the defines and the recorded series (sum, mean, max, …)
  --rollouts  rollouts per cell (default 20)
  --seed      seed (default 1; every cell uses the same noise)
  (--sim, --env, --params as in gsim whatif)
Cells run on the worker pool:
${POOL_USAGE}`;

/** `gsim policy`: policy search on the model and the truth. */
export const policyCommand: Command = {
  usage: USAGE,
  async run(ctx) {
    const f = parseFlags('policy', ctx.argv, {
      sim: { type: 'string' }, env: { type: 'string' }, params: { type: 'string' }, grid: { type: 'string' },
      rollouts: { type: 'string' }, seed: { type: 'string' }, ...POOL_FLAGS,
    });
    const rollouts = intFlag(f.rollouts, 'rollouts', 20, 1, MAX_ROLLOUTS);
    const seed = intFlag(f.seed, 'seed', 1, 0, 2 ** 32 - 1);
    const setup = await interventionSetup('policy', f, ctx.cwd, ctx.signal);
    const grid = readGrid(required(f.grid, 'grid', 'policy'), ctx.cwd);
    const gridEnv = (grid as { env?: string }).env;
    if (gridEnv && gridEnv !== setup.env.id) ctx.warn(`grid ${grid.name} was designed for ${gridEnv}, running it on ${setup.env.id}`);
    const horizon = grid.horizon ?? grid.scenario.horizon ?? setup.env.horizon;
    checkRolloutBudget(rollouts, horizon, setup.env.variables.length, `grid "${grid.name}"`);
    const opts = { grid, variables: setup.env.variables, horizon, rollouts, seed, initialStates: scenarioStartStates(setup.env, rollouts, seed), policyEnv: setup.env.id };
    const cells = grid.x.values.length * grid.y.values.length;
    const t0 = performance.now();
    // On the pool, so a program that never returns ends at --timeout instead of hanging the command.
    let executor: Executor | undefined;
    const { model, truth } = await withScenarioPool(f, async (pools) => {
      executor = poolExecutor(pools.model);
      const run = (source: string, params: Record<string, number>, what: 'model' | 'truth') =>
        poolPolicySearch(pools[what], {
          ...opts, program: { source, params }, signal: ctx.signal, label: what === 'truth' ? 'ground truth' : undefined,
          onProgress: ctx.stderr.isTTY ? (done, total) => void ctx.stderr.write(`\r${what}: cell ${done}/${total}`) : undefined,
        });
      const m = await run(setup.model.source, setup.params, 'model');
      const t = setup.modelIsTruth || m.cancelled ? null : await run(setup.truth.source, setup.env.trueParams, 'truth');
      return { model: m, truth: t };
    });
    if (ctx.stderr.isTTY) ctx.stderr.write('\n');
    const regret = truth ? policyRegret(model, truth) : null;
    const cancelled = model.cancelled || (truth?.cancelled ?? false);
    const seconds = (performance.now() - t0) / 1000;
    const json = {
      sim: setup.simLabel, env: setup.env.id, grid: grid.name, description: grid.description ?? null, cost: grid.cost, define: grid.define ?? {},
      params: setup.params, defaulted: setup.defaulted, horizon, rollouts, seed, cells,
      xName: grid.x.name, yName: grid.y.name, xValues: grid.x.values, yValues: grid.y.values,
      model: searchJson(model), truth: truth ? searchJson(truth) : null, regret, cancelled, seconds, executor,
    };
    const text = [
      `${setup.simLabel}: ${grid.name} (${cells} cells × ${rollouts} rollouts, ${horizon} steps, seed ${seed})`,
      `parameters: ${pairs(setup.params)}`,
      `cost = ${grid.cost}`,
      heatmap('model', model),
      ...(truth ? [heatmap('truth', truth)] : []),
      ...(regret ? [`regret of the model's optimum in the truth: ${fmt(regret.regret)} (${fmt(100 * regret.relativeRegret)} %)`] : []),
      ...(cancelled ? ['cancelled: the cells not run are empty'] : []),
      `${seconds.toFixed(1)} s`,
    ].join('\n');
    return { json, text, exitCode: cancelled ? 130 : 0 };
  },
};

function searchJson(r: PolicySearchResult) {
  return { mean: r.mean, stdError: r.stdError, defines: r.defines, optimum: r.optimum, cellsDone: r.cellsDone };
}

/** The cost matrix as a table: rows y, columns x; the optimum starred. */
function heatmap(label: string, r: PolicySearchResult): string {
  const rows = r.yValues.map((y, j) => [`${r.yName} = ${y}`, ...r.xValues.map((_, i) => fmt(r.mean[i][j]) + (r.optimum?.i === i && r.optimum?.j === j ? '*' : ''))]);
  const best = r.optimum ? `optimum ${r.xName} = ${r.optimum.x}, ${r.yName} = ${r.optimum.y}: cost ${fmt(r.optimum.cost)}` : 'no optimum';
  return `${label} expected cost (${best})\n${table(['', ...r.xValues.map((x) => `${r.xName} = ${x}`)], rows)}`;
}

/** A preset name or a JSON grid file. */
function readGrid(spec: string, cwd: string): PolicyGrid {
  const preset = GRID_PRESETS.find((g) => g.name === spec);
  if (preset) return preset;
  if (!spec.endsWith('.json')) throw usageError(`unknown grid "${spec}": expected a .json file or one of ${GRID_PRESETS.map((g) => g.name).join(', ')}`);
  let grid: PolicyGrid;
  try {
    grid = JSON.parse(readText(spec, cwd, '--grid', 16 * 1024 * 1024)) as PolicyGrid;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read --grid file "${spec}": ${(e as Error).message}`);
  }
  for (const axis of ['x', 'y'] as const) {
    const a = grid?.[axis];
    if (!a || typeof a.name !== 'string' || !Array.isArray(a.values) || a.values.length === 0 || a.values.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
      throw usageError(`--grid file "${spec}": "${axis}" must be { "name": string, "values": [numbers] }`);
    }
  }
  if (typeof grid.cost !== 'string') throw usageError(`--grid file "${spec}": "cost" must be an expression string`);
  if (!grid.scenario || !Array.isArray(grid.scenario.interventions)) throw usageError(`--grid file "${spec}": "scenario" must be { "name", "interventions": [...] }`);
  grid.name ??= spec;
  return grid;
}
