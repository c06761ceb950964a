/**
 * A domain rule: a small JavaScript predicate that a plausible simulation satisfies at every step, such
 * as conservation of a closed population or non-negative counts (paper §4.8 "domain violations": the
 * paper only judges these qualitatively in the reflection; here they are measured and fed back).
 *
 * `check` is one JavaScript expression over:
 * - each observed variable by name (`S`, `icu_occupancy`, …: the state at time `t`),
 * - `state` and `prev`: objects of the observed variables at `t` and `t - 1`,
 * - `t`: the time step (1 for the first simulated step).
 * It is true when the rule holds, e.g. `S + I + R === prev.S + prev.I + prev.R`.
 */
export interface DomainRule {
  /** Short stable name, shown in prompts and tables (`conservation`). */
  id: string;
  /** One sentence saying what the rule means. */
  description: string;
  check: string;
}

/** How often simulated rollouts broke one rule. */
export interface RuleViolation {
  rule: string;
  description: string;
  check: string;
  /** Violations / evaluations, in [0, 1]; NaN when nothing was evaluated. */
  rate: number;
  evaluations: number;
  /** First error the check raised, when it threw (a throwing check counts as a violation). */
  error?: string;
}
