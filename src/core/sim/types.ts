import type { Rng } from '../rng/Rng.ts';

/**
 * A simulator state: a plain JSON object. Observed variables are top-level finite numbers; a
 * simulator may also carry hidden structure (the supply chain's `pipeline` list, the hospital's
 * `patients`) that metrics never compare.
 */
export type State = Record<string, unknown>;

/** The action applied at a step: a number (e.g. units ordered) or null when the environment has none. */
export type Action = number | null;

/** One numerical parameter ω of a simulator program, with its uniform prior / search box. */
export interface ParameterSpec {
  name: string;
  min: number;
  max: number;
  /** The program's own guess (the LLM's hard-coded value); the box midpoint when absent. */
  init?: number;
  description?: string;
  /**
   * A fixed setting (e.g. a ward capacity): not calibrated, so it is left out of
   * {@link CompiledSimulator.parameters}, and `step` receives `init` unless the caller passes a value
   * (interventions do, e.g. extra beds). Requires `init`.
   */
  fixed?: boolean;
}

/** Parameter values by name, as `step` receives them. */
export type ParamValues = Readonly<Record<string, number>>;

/** The raw step function a program defines. */
export type StepFn = (state: State, action: Action, params: ParamValues, rng: Rng) => State;

/**
 * A simulator program after compilation: its parameters in declaration order and a step function
 * that validates what the program returns.
 */
export interface CompiledSimulator {
  /** Source text the simulator was compiled from (kept for hashing and error positions). */
  readonly source: string;
  readonly parameters: readonly ParameterSpec[];
  /**
   * Parameters declared with `fixed: true`, in declaration order: not calibrated; `step` fills in their
   * `init` when `params` lacks them, so calibrators and metrics never see them, while interventions can
   * override them by passing a value. Empty for most programs.
   */
  readonly fixedParameters: readonly ParameterSpec[];
  /** Optional `initialState(rng)` the program defines, for rollouts from scratch. */
  readonly initialState?: (rng: Rng) => State;
  /**
   * One transition. Throws {@link SimulatorError} when the program throws, or when the returned state
   * lacks a required variable or holds a non-finite value for it.
   * @param required observed variables the next state must carry as finite numbers.
   */
  step(state: State, action: Action, params: ParamValues, rng: Rng, required: readonly string[]): State;
}
