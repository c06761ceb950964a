/**
 * A number in a scenario, or (in a policy-search template) a JavaScript expression over the grid's
 * knobs, e.g. `"tau + 19"` or `"25 + extra_capacity"`; {@link resolveScenario} turns it into a number.
 */
export type NumberOrExpr = number | string;

/**
 * Overrides a parameter on the transitions t → t+1 with tStart ≤ t ≤ tEnd (both inclusive, whole days;
 * defaults 0 and ∞). The new value is `set` when given, else `value · factor + add` (defaults 1 and 0).
 * Overlapping overrides of one parameter apply in the order listed (two factors multiply). Values may
 * leave the prior bounds: out-of-distribution settings (lead time 7) are the point of a what-if.
 */
export interface ParamIntervention<N = NumberOrExpr> {
  type: 'param';
  /**
   * The parameter, or alternative names for the same quantity in different programs (the paper maps an
   * intervention onto "the analogous parameter" of the generated code): every listed name the program
   * declares is changed, and at least one must exist.
   */
  target: string | string[];
  set?: N;
  factor?: N;
  add?: N;
  tStart?: N;
  tEnd?: N;
}

/** Overrides state variables at time t (before the state is recorded and stepped from): `set`, then `add`. */
export interface StateIntervention<N = NumberOrExpr> {
  type: 'state';
  t: N;
  set?: Record<string, N>;
  add?: Record<string, N>;
}

/** An action policy replacing the default one (the data's behaviour policy) for the whole run. */
export type PolicySpec<N = NumberOrExpr> =
  | { kind: 'none' }
  | { kind: 'constant'; order: N }
  /** Orders `level − (inventory − backlog + pipeline_total)` when positive (the supply-chain position). */
  | { kind: 'order-up-to'; level: N };

/** Replaces the action policy. */
export interface PolicyIntervention<N = NumberOrExpr> {
  type: 'policy';
  policy: PolicySpec<N>;
}

/** One declarative change to a simulation. */
export type Intervention<N = NumberOrExpr> = ParamIntervention<N> | StateIntervention<N> | PolicyIntervention<N>;

/** A named what-if: interventions applied together to any simulator program. */
export interface Scenario<N = NumberOrExpr> {
  name: string;
  description?: string;
  interventions: Intervention<N>[];
  /** Steps to simulate; the caller's horizon when absent. */
  horizon?: number;
}

/** A scenario whose numbers are all resolved. */
export type ResolvedScenario = Scenario<number>;
