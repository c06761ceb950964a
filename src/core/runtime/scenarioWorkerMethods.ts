import type { EnvId } from '../data/Dataset.ts';
import { getEnvironment } from '../envs/environments.ts';
import { policyCell } from '../interventions/policyCell.ts';
import type { CellCost, GridCell, PolicyGrid } from '../interventions/PolicyGrid.ts';
import { resolveScenario } from '../interventions/resolveScenario.ts';
import type { Scenario } from '../interventions/Scenario.ts';
import { simulateScenario } from '../interventions/simulateScenario.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import type { CompiledSimulator, ParamValues, State } from '../sim/types.ts';
import type { Outcome } from './Outcome.ts';

/** Which program a scenario call runs, and with what parameters. */
export interface ScenarioProgram {
  /**
   * The program's source, compiled here and cached by source (a benchmark's ground truth, or the
   * studio's calibrated code); absent: the program `load`ed into this worker.
   */
  source?: string;
  /**
   * One parameter set, or one draw per rollout (e.g. from an NPE posterior): rollout r uses
   * `params[r mod n]`, so the fan shows parameter and intrinsic uncertainty together.
   */
  params: Record<string, number> | Record<string, number>[];
}

/** What both scenario calls share: where rollouts start and how they act. */
interface RolloutSetup {
  variables: string[];
  /** Steps per rollout (a scenario's or grid's own horizon wins). */
  horizon: number;
  rollouts: number;
  seed: number;
  /** Start states (rollout r starts from `initialStates[r mod n]`); absent: the program's initialState(rng). */
  initialStates?: State[];
  /** Use this benchmark's behaviour policy as the default action policy (it cannot cross the boundary as a function). */
  policyEnv?: EnvId;
}

/** A slice of rollouts of one scenario: rollouts `firstRollout .. firstRollout + rollouts − 1`. */
export interface ScenarioRolloutsRequest extends RolloutSetup {
  program: ScenarioProgram;
  /** The scenario (numbers may be expressions over `knobs` and `horizon`; resolved here). */
  scenario: Scenario;
  knobs?: Record<string, number>;
  /** Further counters to record (e.g. `turned_away`). */
  record?: string[];
  firstRollout: number;
}

/** The raw ensemble of one slice; a pool concatenates slices and computes bands on the whole. */
export interface ScenarioChunk {
  scenario: string;
  keys: string[];
  variables: string[];
  steps: number;
  firstRollout: number;
  rollouts: number;
  /** `ensemble[(r * steps + t) * keys.length + k]` for the slice's rollouts r = 0.. */
  ensemble: Float64Array;
}

/** Some cells of a policy grid on one program. */
export interface PolicyCellsRequest extends RolloutSetup {
  program: ScenarioProgram & { params: Record<string, number> };
  grid: PolicyGrid;
  cells: GridCell[];
}

/** The scenario calls of {@link SimWorkerApi}: what-if rollouts and policy-grid cells. */
export interface ScenarioWorkerApi {
  /** Rollouts of a scenario on the loaded program or on a program given by source (e.g. the ground truth). */
  scenarioRollouts(request: ScenarioRolloutsRequest): Outcome<ScenarioChunk>;
  /** Expected costs ({@link policyCell}) of some cells of a grid, in the order asked. */
  policyCells(request: PolicyCellsRequest): Outcome<CellCost[]>;
}

/** Programs compiled by source that a worker keeps (the model under study and its ground truth). */
const CACHE_SIZE = 4;

/**
 * The scenario methods of a simulation worker, merged into createSimWorkerApi.
 * @param loadedSim the program `load`ed into the worker (throws when none is).
 * @param attempt runs a call, returning a simulator failure as data (shared with the other methods).
 */
export function createScenarioWorkerMethods(
  loadedSim: (what: string) => CompiledSimulator,
  attempt: <T>(fn: () => T) => Outcome<T>,
): ScenarioWorkerApi {
  const compiled = new Map<string, CompiledSimulator>();

  function programOf(p: ScenarioProgram, what: string): CompiledSimulator {
    if (p.source === undefined) return loadedSim(what);
    let sim = compiled.get(p.source);
    if (!sim) {
      sim = compileSimulator(p.source);
      if (compiled.size >= CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
      compiled.set(p.source, sim);
    }
    return sim;
  }

  function setup(req: RolloutSetup) {
    return {
      variables: req.variables,
      horizon: req.horizon,
      rollouts: req.rollouts,
      seed: req.seed,
      initialStates: req.initialStates,
      policy: req.policyEnv ? getEnvironment(req.policyEnv).policy : undefined,
    };
  }

  return {
    scenarioRollouts(req) {
      return attempt(() => {
        const sim = programOf(req.program, 'scenarioRollouts');
        const scenario = resolveScenario(req.scenario, req.knobs ?? {}, req.scenario.horizon ?? req.horizon);
        const params: ParamValues | ParamValues[] = req.program.params;
        const r = simulateScenario(sim, params, scenario, { ...setup(req), record: req.record, firstRollout: req.firstRollout, quantiles: [] });
        return { scenario: r.scenario, keys: r.keys, variables: r.variables, steps: r.steps, firstRollout: req.firstRollout, rollouts: r.rollouts, ensemble: r.ensemble };
      });
    },

    policyCells(req) {
      return attempt(() => {
        const sim = programOf(req.program, 'policyCells');
        const opts = setup(req);
        return req.cells.map((cell) => policyCell(sim, req.program.params, req.grid, cell, opts));
      });
    },
  };
}
