import type { Dataset, SplitName } from '../data/Dataset.ts';
import { chooseStartStates } from '../eval/chooseStartStates.ts';
import { rolloutEnsemble } from '../eval/rolloutEnsemble.ts';
import { createRng } from '../rng/createRng.ts';
import { deriveSeed } from '../rng/deriveSeed.ts';
import type { CompiledSimulator } from '../sim/types.ts';
import { compileDomainRule, type CompiledDomainRule } from './compileDomainRule.ts';
import type { DomainRule, RuleViolation } from './DomainRule.ts';

/** Options of {@link ruleViolationRates}. */
export interface RuleViolationOptions {
  sim: CompiledSimulator;
  params: Readonly<Record<string, number>>;
  dataset: Dataset;
  rules: readonly DomainRule[];
  /** Split whose trajectories are replayed (default 'val'). */
  split?: SplitName;
  /** Rollouts per trajectory (default 10). */
  rollouts?: number;
  /** At most this many trajectories (default 20); above it a seeded subset `deriveSeed(seed, 5)`. */
  maxTrajectories?: number;
  seed: number;
}

/**
 * How often simulated rollouts break each domain rule: from the initial state of each chosen trajectory
 * of the split, `rollouts` simulations replay its actions ({@link rolloutEnsemble}, stream
 * `deriveSeed(seed, 4, trajectoryIndex)`), and every rule is tested at every simulated step t ≥ 1 on
 * the observed variables (`state` at t, `prev` at t − 1). Rate = violations / tests.
 *
 * A rule whose check does not compile gets rate NaN and its error; a check that throws counts as a
 * violation, and its first error is kept. A program that throws propagates its SimulatorError (the
 * iteration fails, as in validationMetrics). Rules see observed variables only, not hidden structure.
 * Cost: trajectories · rollouts · T simulator steps plus as many tests per rule.
 *
 * @example
 * ruleViolationRates({ sim, params, dataset, rules: defaultDomainRules('covid'), seed: 1 });
 * // [{ rule: 'conservation', rate: 0, … }, { rule: 'non-negative', rate: 0, … }]
 */
export function ruleViolationRates(opts: RuleViolationOptions): RuleViolation[] {
  const split = opts.split ?? 'val';
  const rollouts = opts.rollouts ?? 10;
  if (!Number.isInteger(rollouts) || rollouts < 1) throw new RangeError(`ruleViolationRates: rollouts must be a positive integer, got ${rollouts}`);
  const variables = opts.dataset.variables;
  const dim = variables.length;
  const compiled: (CompiledDomainRule | string)[] = opts.rules.map((rule) => {
    try {
      return compileDomainRule(rule, variables);
    } catch (e) {
      return (e as Error).message;
    }
  });
  const violations = new Float64Array(opts.rules.length);
  const errors: (string | undefined)[] = opts.rules.map(() => undefined);
  let tests = 0;

  const trajs = opts.dataset.splits[split];
  const chosen = chooseStartStates(trajs.length, opts.maxTrajectories ?? 20, deriveSeed(opts.seed, 5));
  const frozenParams = Object.freeze({ ...opts.params });
  for (const k of chosen) {
    const tr = trajs[k];
    const steps = tr.states.length;
    const ens = rolloutEnsemble(opts.sim, frozenParams, tr, variables, rollouts, createRng(deriveSeed(opts.seed, 4, k)));
    for (let r = 0; r < rollouts; r++) {
      let prev = rowAt(ens, (r * steps) * dim, variables);
      for (let t = 1; t < steps; t++) {
        const state = rowAt(ens, (r * steps + t) * dim, variables);
        tests++;
        compiled.forEach((c, i) => {
          if (typeof c === 'string') return;
          let ok = false;
          try {
            ok = c.test(state, prev, t);
          } catch (e) {
            errors[i] ??= (e as Error).message;
          }
          if (!ok) violations[i]++;
        });
        prev = state;
      }
    }
  }
  return opts.rules.map((rule, i) => {
    const c = compiled[i];
    const broken = typeof c === 'string';
    const out: RuleViolation = {
      rule: rule.id, description: rule.description, check: rule.check,
      rate: broken || tests === 0 ? NaN : violations[i] / tests, evaluations: broken ? 0 : tests,
    };
    const error = broken ? c : errors[i];
    if (error !== undefined) out.error = error;
    return out;
  });
}

function rowAt(ens: Float64Array, base: number, variables: readonly string[]): Record<string, number> {
  const row: Record<string, number> = {};
  for (let j = 0; j < variables.length; j++) row[variables[j]] = ens[base + j];
  return row;
}
