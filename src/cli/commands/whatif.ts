import { findScenarioPreset, SCENARIO_PRESETS, type ScenarioPreset } from '../../core/interventions/benchmarkScenarios.ts';
import type { OutcomeComparison } from '../../core/interventions/compareOutcomes.ts';
import type { Scenario } from '../../core/interventions/Scenario.ts';
import { scenarioOutcomes, summarizeOutcomes } from '../../core/interventions/scenarioOutcomes.ts';
import type { ScenarioResult } from '../../core/interventions/simulateScenario.ts';
import { compareOutcomes } from '../../core/interventions/compareOutcomes.ts';
import { SimulatorError } from '../../core/sim/SimulatorError.ts';
import { poolScenarios } from '../../pool/poolScenarios.ts';
import { readText } from '../readSimulator.ts';
import { checkRolloutBudget, MAX_HORIZON, MAX_ROLLOUTS } from '../rolloutBudget.ts';
import { CliError, usageError } from '../CliError.ts';
import type { Command } from '../Command.ts';
import { fmt, pairs, table } from '../formatText.ts';
import { POOL_FLAGS, POOL_USAGE } from '../openPool.ts';
import { withScenarioPool } from '../openScenarioPool.ts';
import { intFlag, optionalIntFlag, parseFlags, required } from '../parseFlags.ts';
import { interventionSetup } from './interventionSetup.ts';
import { scenarioStartStates } from '../../core/interventions/scenarioStartStates.ts';
import { poolExecutor, type Executor } from '../queuePools.ts';

const USAGE = `Usage: gsim whatif --sim FILE.js|gt:ENV [--env ENV] [--params JSON] --scenario NAME|FILE.json
                   [--rollouts N] [--seed N] [--horizon T] [--workers N] [--timeout S] [--json]

Runs what-if scenarios (interventions) on a simulator and, for a benchmark, on its ground truth from
the same start states and seeds, and compares them: mean curves, outcome summaries (peak, final,
total per variable) and W1 between the two outcome distributions.
  --sim       a simulator program, or gt:ENV (then --env may be left out and there is no comparison)
  --env       covid | supply-chain | hospital: the truth, start states and behaviour policy
  --params    the program's parameters (e.g. calibrated ones); missing ones as in gsim evaluate
  --scenario  a preset (${SCENARIO_PRESETS.map((p) => p.id).join(', ')}), one scenario of a preset
              by name (e.g. late-strict, lead-time-4), or a JSON file: a scenario
              { "name", "interventions": [...] }, a list of them, or { "horizon", "record", "scenarios" }
  --rollouts  rollouts per scenario (default 100)
  --seed      seed (default 1)
  --horizon   steps (default: the preset's, else the environment's)
Rollouts run on the worker pool:
${POOL_USAGE}`;

/** The variable the text table summarises per benchmark (JSON has them all). */
const KEY_VARIABLE: Record<string, string> = { covid: 'I', 'supply-chain': 'backlog', hospital: 'standard_occupancy' };

/** `gsim whatif`: scenarios on the model and the truth. */
export const whatifCommand: Command = {
  usage: USAGE,
  async run(ctx) {
    const f = parseFlags('whatif', ctx.argv, {
      sim: { type: 'string' }, env: { type: 'string' }, params: { type: 'string' }, scenario: { type: 'string' },
      rollouts: { type: 'string' }, seed: { type: 'string' }, horizon: { type: 'string' }, ...POOL_FLAGS,
    });
    const rollouts = intFlag(f.rollouts, 'rollouts', 100, 1, MAX_ROLLOUTS);
    const seed = intFlag(f.seed, 'seed', 1, 0, 2 ** 32 - 1);
    const horizonFlag = optionalIntFlag(f.horizon, 'horizon', 1, MAX_HORIZON);
    const setup = await interventionSetup('whatif', f, ctx.cwd, ctx.signal);
    const preset = readScenarios(required(f.scenario, 'scenario', 'whatif'), ctx.cwd, setup.env.horizon);
    if (preset.env && preset.env !== setup.env.id) ctx.warn(`scenario preset ${preset.id} was designed for ${preset.env}, running it on ${setup.env.id}`);
    const horizon = horizonFlag ?? preset.horizon;
    const variables = setup.env.variables;
    for (const sc of preset.scenarios) checkRolloutBudget(rollouts, sc.horizon ?? horizon, variables.length + (preset.record?.length ?? 0), `scenario "${sc.name}"`);
    const initialStates = scenarioStartStates(setup.env, rollouts, seed);
    const t0 = performance.now();
    // On the pools, so a program that never returns ends at --timeout instead of hanging the command.
    // The truth runs on a pool of its own (same seeds and start states, so the comparison is unchanged).
    let executor: Executor | undefined;
    const results = await withScenarioPool(f, async (pools) => {
      executor = poolExecutor(pools.model);
      const common = { scenarios: preset.scenarios, variables, record: preset.record, horizon, rollouts, seed, initialStates, policyEnv: setup.env.id, signal: ctx.signal };
      const [model, truth] = await Promise.all([
        poolScenarios(pools.model, { ...common, model: { source: setup.model.source, params: setup.params } }),
        setup.modelIsTruth
          ? null
          : poolScenarios(pools.truth, { ...common, model: { source: setup.truth.source, params: setup.env.trueParams } }).catch((e: unknown) => {
              throw e instanceof SimulatorError ? new SimulatorError(e.code, `ground truth: ${e.message}`) : e;
            }),
      ]);
      return model.map((m, i) => {
        const t = truth ? truth[i].model : null;
        return { scenario: m.scenario, model: m.model, truth: t, comparison: t ? compareOutcomes(m.model, t) : null };
      });
    });
    const seconds = (performance.now() - t0) / 1000;
    const json = {
      sim: setup.simLabel, env: setup.env.id, scenarioSet: preset.id, params: setup.params, defaulted: setup.defaulted,
      horizon, rollouts, seed, executor,
      scenarios: results.map((r) => ({
        name: r.scenario.name, description: r.scenario.description ?? null, interventions: r.scenario.interventions,
        model: curves(r.model), truth: r.truth ? curves(r.truth) : null, comparison: r.comparison ? comparisonJson(r.comparison) : null,
      })),
      meanW1: results.some((r) => r.comparison) ? results.reduce((a, r) => a + (r.comparison?.meanW1 ?? 0), 0) / results.length : null,
      seconds,
    };
    const keyVar = KEY_VARIABLE[setup.env.id] ?? variables[0];
    const counter = preset.record?.[0];
    const text = [
      `${setup.simLabel} on ${preset.title} (${rollouts} rollouts, ${horizon} steps, seed ${seed})`,
      `parameters: ${pairs(setup.params)}`,
      table(
        ['scenario', `peak ${keyVar} model`, 'truth', `final ${keyVar} model`, 'truth', ...(counter ? [`total ${counter} model`, 'truth'] : []), 'mean W1', `peak W1 (${keyVar})`],
        results.map((r) => {
          const mAll = summarizeOutcomes(scenarioOutcomes(r.model));
          const tAll = r.truth ? summarizeOutcomes(scenarioOutcomes(r.truth)) : undefined;
          const [m, t] = [mAll[keyVar], tAll?.[keyVar]];
          return [r.scenario.name, fmt(m.peak.mean), t ? fmt(t.peak.mean) : '-', fmt(m.final.mean), t ? fmt(t.final.mean) : '-',
            ...(counter ? [fmt(mAll[counter].total.mean), tAll ? fmt(tAll[counter].total.mean) : '-'] : []),
            r.comparison ? fmt(r.comparison.meanW1) : '-', r.comparison ? fmt(r.comparison.perVariable[keyVar].peakW1) : '-'];
        }),
      ),
      `${seconds.toFixed(1)} s`,
    ].join('\n');
    return { json, text };
  },
};

/** Mean and 5–95 % band per recorded key, and outcome summaries. */
function curves(r: ScenarioResult) {
  const dim = r.keys.length;
  const q = (qi: number, k: number) => Array.from({ length: r.steps }, (_, t) => r.bands[(qi * r.steps + t) * dim + k]);
  const lo = r.quantiles.indexOf(0.05);
  const hi = r.quantiles.indexOf(0.95);
  return {
    mean: Object.fromEntries(r.keys.map((key, k) => [key, Array.from({ length: r.steps }, (_, t) => r.mean[t * dim + k])])),
    q05: Object.fromEntries(r.keys.map((key, k) => [key, q(lo, k)])),
    q95: Object.fromEntries(r.keys.map((key, k) => [key, q(hi, k)])),
    outcomes: summarizeOutcomes(scenarioOutcomes(r)),
  };
}

function comparisonJson(c: OutcomeComparison) {
  return { meanW1: c.meanW1, perVariable: c.perVariable };
}

/** A preset or scenario name, or a JSON file holding a scenario, a list, or a preset-like object. */
function readScenarios(spec: string, cwd: string, envHorizon: number): ScenarioPreset {
  const found = findScenarioPreset(spec);
  if (found) return found;
  if (!spec.endsWith('.json')) {
    const names = SCENARIO_PRESETS.flatMap((p) => [p.id, ...p.scenarios.map((s) => s.name)]);
    throw usageError(`unknown scenario "${spec}": expected a .json file or one of ${names.join(', ')}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readText(spec, cwd, '--scenario', 16 * 1024 * 1024));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read --scenario file "${spec}": ${(e as Error).message}`);
  }
  const obj = parsed as { scenarios?: Scenario[]; horizon?: number; record?: string[]; env?: string; interventions?: unknown };
  const scenarios = Array.isArray(parsed) ? (parsed as Scenario[]) : Array.isArray(obj?.scenarios) ? obj.scenarios : [parsed as Scenario];
  if (scenarios.length === 0) throw usageError(`--scenario file "${spec}" holds no scenarios`);
  return {
    id: spec, env: (obj?.env as ScenarioPreset['env']) ?? ('' as ScenarioPreset['env']), title: spec, description: '',
    horizon: typeof obj?.horizon === 'number' ? obj.horizon : envHorizon, record: Array.isArray(obj?.record) ? obj.record : undefined, scenarios,
  };
}
