import { ExprEvalError, ExprSyntaxError } from '../expr/ExprError.ts';
import { evaluateExpression, record, type ExprValue } from '../expr/evaluateExpression.ts';
import type { ExprNode } from '../expr/ExprNode.ts';
import { parseExpression } from '../expr/parseExpression.ts';
import { SimulatorError } from '../sim/SimulatorError.ts';
import type { DomainRule } from './DomainRule.ts';

/** A rule ready to evaluate. */
export interface CompiledDomainRule {
  readonly rule: DomainRule;
  /**
   * True when the rule holds for `state` after `prev` at step `t` (the check's value, made boolean).
   * @throws SimulatorError (`runtime`) when the check throws.
   */
  test(state: Readonly<Record<string, number>>, prev: Readonly<Record<string, number>>, t: number): boolean;
}

/**
 * Compiles a {@link DomainRule} with the safe expression language of `core/expr`: the check is parsed
 * into a tree and interpreted, never turned into code, so a rule can be checked on the page and in
 * the CLI without a sandbox. Observed variables are readable by name (`S >= 0`), and every variable
 * as `state.X`, `state["X"]`, `prev.X`; `t` is the step.
 *
 * @param rule the rule.
 * @param variables observed variables of the data.
 * @throws SimulatorError (`syntax`) naming the rule, the position and what was expected when the check
 * is not one expression.
 * @example
 * const r = compileDomainRule({ id: 'pos', description: 'no negative counts', check: 'S >= 0' }, ['S', 'I', 'R']);
 * r.test({ S: 3, I: 0, R: 0 }, { S: 4, I: 0, R: 0 }, 1); // true
 */
export function compileDomainRule(rule: DomainRule, variables: readonly string[]): CompiledDomainRule {
  const where = `Domain rule "${rule.id}"`;
  if (typeof rule.check !== 'string') throw new SimulatorError('syntax', `${where}: the check must be a string, got ${typeof rule.check}`);
  const check = rule.check.trim().replace(/;+\s*$/, '');
  if (check === '') throw new SimulatorError('syntax', `${where}: the check is empty`);
  let tree: ExprNode;
  try {
    tree = parseExpression(check);
  } catch (e) {
    if (!(e instanceof ExprSyntaxError)) throw e;
    if (e.trailing) throw new SimulatorError('syntax', `${where}: the check must be one expression, but ${e.message}`);
    throw new SimulatorError('syntax', `${where}: syntax error in the check: ${e.message}`);
  }
  const bound = new Set(variables);
  const available = () => ['state', 'prev', 't', ...variables].join(', ');
  return {
    rule,
    test(state, prev, t) {
      const scope = {
        lookup(name: string): ExprValue | undefined {
          if (name === 'state') return record('state', state);
          if (name === 'prev') return record('prev', prev);
          if (name === 't') return t;
          if (!bound.has(name)) return undefined;
          // A data property only: a getter on a state is never called.
          const v: unknown = Object.getOwnPropertyDescriptor(state, name)?.value;
          return typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
        },
      };
      let value: ExprValue;
      try {
        value = evaluateExpression(tree, scope);
      } catch (e) {
        if (!(e instanceof ExprEvalError)) throw e;
        const hint = e.kind === 'ReferenceError' ? ` (names available: ${available()})` : '';
        throw new SimulatorError('runtime', `${where} threw ${e.kind}: ${e.message}${hint}`);
      }
      if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
      if (typeof value === 'boolean') return value;
      throw new SimulatorError('runtime', `${where} threw TypeError: the check gave ${value.kind === 'series' ? 'a series' : `the record ${value.name}`}, not a number or a comparison`);
    },
  };
}
