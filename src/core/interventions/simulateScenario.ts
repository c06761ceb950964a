import type { Trajectory } from '../data/Dataset.ts';
import { DEFAULT_QUANTILES, quantileBands } from '../eval/quantileBands.ts';
import { createRng } from '../rng/createRng.ts';
import { deriveSeed } from '../rng/deriveSeed.ts';
import { SimulatorError } from '../sim/SimulatorError.ts';
import type { Action, CompiledSimulator, ParamValues, State } from '../sim/types.ts';
import type { CancelSignal } from '../util/CancelSignal.ts';
import { deepFreeze } from '../util/deepFreeze.ts';
import { parameterSchedule } from './parameterSchedule.ts';
import type { ResolvedScenario, StateIntervention } from './Scenario.ts';
import { scenarioPolicy, type ScenarioPolicy } from './scenarioPolicy.ts';

/** Options of {@link simulateScenario}. */
export interface SimulateScenarioOptions {
  /** Observed variables: the state keys every step must return as finite numbers. */
  variables: readonly string[];
  /**
   * Further numeric state keys to record for outcomes and costs (e.g. the hospital's `turned_away`).
   * They are counters: a key missing from the start state reads 0; every later state must carry it.
   */
  record?: readonly string[];
  /** Steps per rollout; a scenario's own horizon wins. */
  horizon: number;
  rollouts: number;
  seed: number;
  /** Start states, used in turn (rollout r starts from `initialStates[r mod n]`). */
  initialStates?: readonly State[];
  /** Alternatively: start from these trajectories' first states and replay their actions (open loop). */
  trajectories?: readonly Trajectory[];
  /** Default action policy (e.g. the environment's behaviour policy); a policy intervention replaces it. */
  policy?: ScenarioPolicy;
  /** Quantiles of the bands (default 5 %, 50 %, 95 %). */
  quantiles?: readonly number[];
  /** Checked between rollouts; a cancelled run throws an `AbortError`. */
  signal?: CancelSignal;
  /**
   * Global index of the first rollout (default 0): a pool runs rollouts `firstRollout ..
   * firstRollout + rollouts − 1` on each worker and concatenates the ensembles, which then equal one
   * in-process run (seeds, start states and parameter draws are all indexed by the global rollout).
   */
  firstRollout?: number;
}

/** Rollouts of one scenario, packed for plots and comparisons. */
export interface ScenarioResult {
  scenario: string;
  /** Recorded keys: the observed variables, then `record`. */
  keys: string[];
  variables: string[];
  /** States per rollout: horizon + 1 (time 0 is the start state, after any state intervention at t = 0). */
  steps: number;
  rollouts: number;
  /** `ensemble[(r * steps + t) * keys.length + k]`. */
  ensemble: Float64Array;
  /** Mean over rollouts, `mean[t * keys.length + k]`. */
  mean: Float64Array;
  quantiles: number[];
  /** {@link quantileBands} of the ensemble over all keys: `bands[(q * steps + t) * keys.length + k]`. */
  bands: Float64Array;
}

/**
 * Simulates a scenario: `rollouts` runs of `horizon` steps with the scenario's parameter overrides
 * (on transitions t → t+1, tStart ≤ t ≤ tEnd), state overrides (at time t, before the state is recorded
 * and stepped from) and policy, recording the observed variables and `record` keys at every time.
 *
 * Rollout r draws the simulator's noise from `deriveSeed(seed, r)` and the policy's from
 * `deriveSeed(seed, r, 1)`, so two scenarios (or a model and the truth) run with the same seed share
 * their start states and as much noise as their programs allow (common random numbers).
 * `params` is one parameter set, or a list of draws (e.g. from an NPE posterior) of which rollout r
 * uses `params[r mod n]`.
 * O(rollouts · horizon) steps.
 * @throws SimulatorError when the program fails or a recorded key is missing; `AbortError` when cancelled.
 * @example
 * const r = simulateScenario(sim, { beta: 0.5, gamma: 0.1 }, lockdown, { variables: ['S', 'I', 'R'], horizon: 60, rollouts: 100, seed: 1 });
 */
export function simulateScenario(
  sim: CompiledSimulator, params: ParamValues | readonly ParamValues[], scenario: ResolvedScenario, opts: SimulateScenarioOptions,
): ScenarioResult {
  const horizon = scenario.horizon ?? opts.horizon;
  if (!Number.isInteger(horizon) || horizon < 0) throw new RangeError(`simulateScenario: horizon must be a non-negative integer, got ${horizon}`);
  if (!Number.isInteger(opts.rollouts) || opts.rollouts < 1) throw new RangeError(`simulateScenario: rollouts must be a positive integer, got ${opts.rollouts}`);
  const variables = [...opts.variables];
  const keys = [...variables, ...(opts.record ?? []).filter((k) => !variables.includes(k))];
  const dim = keys.length;
  const steps = horizon + 1;
  // One parameter set, or one draw per rollout (a posterior): rollout r uses draws[r mod n], so the
  // fan then carries parameter uncertainty on top of the simulator's own noise.
  const draws: readonly ParamValues[] = isDrawList(params) ? params : [params];
  if (draws.length === 0) throw new RangeError('simulateScenario: the list of parameter draws is empty');
  const schedules = new Map<number, ParamValues[]>();
  const scheduleOf = (r: number): ParamValues[] => {
    const d = r % draws.length;
    let s = schedules.get(d);
    if (!s) schedules.set(d, (s = parameterSchedule(sim, draws[d], scenario, horizon)));
    return s;
  };
  scheduleOf(0);
  const first = opts.firstRollout ?? 0;
  if (!Number.isInteger(first) || first < 0) throw new RangeError(`simulateScenario: firstRollout must be a non-negative integer, got ${first}`);
  const stateChanges = scenario.interventions.filter((iv): iv is StateIntervention<number> => iv.type === 'state');
  const policyIv = scenario.interventions.filter((iv) => iv.type === 'policy').at(-1);
  const override = policyIv?.type === 'policy' ? scenarioPolicy(policyIv.policy) : undefined;
  const starts = opts.trajectories?.length ? opts.trajectories.map((tr) => tr.states[0]) : opts.initialStates;
  const ensemble = new Float64Array(opts.rollouts * steps * dim);

  for (let r = 0; r < opts.rollouts; r++) {
    if (opts.signal?.aborted) throw abortError();
    const g = first + r;
    const schedule = scheduleOf(g);
    const rng = createRng(deriveSeed(opts.seed, g));
    const policyRng = createRng(deriveSeed(opts.seed, g, 1));
    const trajectory = opts.trajectories?.length ? opts.trajectories[g % opts.trajectories.length] : undefined;
    let state: State;
    if (starts?.length) state = starts[g % starts.length];
    else if (sim.initialState) state = sim.initialState(createRng(deriveSeed(opts.seed, g, 2)));
    else throw new SimulatorError('definition', `scenario "${scenario.name}": no start states given and the program defines no initialState(rng)`);
    // Frozen so a program that edits its input cannot leak one rollout into the next.
    state = deepFreeze(applyStateChanges(state, stateChanges, 0));
    let base = r * steps * dim;
    record(state, 0, base);
    for (let t = 0; t < horizon; t++) {
      const action: Action = override
        ? override(state, t, policyRng)
        : trajectory
          ? (trajectory.actions[t] ?? null)
          : opts.policy
            ? opts.policy(state, t, policyRng)
            : null;
      state = sim.step(state, action, schedule[t], rng, variables);
      if (stateChanges.length) state = applyStateChanges(state, stateChanges, t + 1);
      base += dim;
      record(state, t + 1, base);
    }
  }

  function record(state: State, t: number, at: number): void {
    for (let k = 0; k < dim; k++) {
      const v = state[keys[k]];
      if (typeof v === 'number' && Number.isFinite(v)) ensemble[at + k] = v;
      else if (v === undefined && t === 0 && k >= variables.length) ensemble[at + k] = 0;
      else {
        throw new SimulatorError(
          'invalid-state',
          `scenario "${scenario.name}": the state at time ${t} has ${v === undefined ? 'no' : `a non-numeric (${String(v)})`} "${keys[k]}"` +
            (k >= variables.length ? ' (recorded for outcomes and costs: the program must return it as a number)' : ''),
        );
      }
    }
  }

  const mean = new Float64Array(steps * dim);
  for (let r = 0; r < opts.rollouts; r++) for (let i = 0; i < steps * dim; i++) mean[i] += ensemble[r * steps * dim + i] / opts.rollouts;
  const quantiles = [...(opts.quantiles ?? DEFAULT_QUANTILES)];
  return {
    scenario: scenario.name, keys, variables, steps, rollouts: opts.rollouts, ensemble, mean, quantiles,
    bands: quantileBands(ensemble, opts.rollouts, steps, dim, quantiles),
  };
}

function isDrawList(p: ParamValues | readonly ParamValues[]): p is readonly ParamValues[] {
  return Array.isArray(p);
}

/** The state with the state interventions at time t applied (a copy; the input is left alone). */
function applyStateChanges(state: State, changes: readonly StateIntervention<number>[], t: number): State {
  let out: State | undefined;
  for (const c of changes) {
    if (c.t !== t) continue;
    out ??= { ...state };
    for (const [k, v] of Object.entries(c.set ?? {})) out[k] = v;
    for (const [k, v] of Object.entries(c.add ?? {})) out[k] = (typeof out[k] === 'number' ? (out[k] as number) : 0) + v;
  }
  return out ?? state;
}

function abortError(): Error {
  const e = new Error('cancelled');
  e.name = 'AbortError';
  return e;
}
