import { ExprEvalError, ExprSyntaxError } from '../expr/ExprError.ts';
import { evaluateExpression, series, type ExprValue } from '../expr/evaluateExpression.ts';
import { REDUCTIONS } from '../expr/exprFunctions.ts';
import type { ExprNode } from '../expr/ExprNode.ts';
import { parseExpression } from '../expr/parseExpression.ts';
import { SimulatorError } from '../sim/SimulatorError.ts';

/** A value an expression can see: a number (a knob, a derived quantity) or a time series. */
export type ExpressionValue = number | ArrayLike<number>;

/** A compiled expression: values by name in, a finite number out. */
export type CompiledExpression = (values: Readonly<Record<string, ExpressionValue>>) => number;

/** Reductions over time series that expressions may call, e.g. `sum(turned_away)`, `max(I)`. */
export const EXPRESSION_HELPERS = REDUCTIONS;

/**
 * Compiles a one-line expression (a policy-search cost, a knob-dependent scenario number) with the safe
 * expression language of `core/expr`: it is parsed into a tree and interpreted, never turned into
 * code, so a hostile text (`constructor.constructor("…")()`) is a syntax error, on the page as in a
 * worker or the CLI. Each name in `names` is readable by name; the helpers {@link EXPRESSION_HELPERS}
 * reduce time series (`sum(backlog)`), `Math.<fn>(…)` and Math constants are there, `Math.random` is not.
 *
 * @param expression the expression text (one expression; a trailing `;` is allowed).
 * @param names the names the expression may use (values are passed at each call).
 * @param label how messages name the expression, e.g. `cost expression` or `scenario "x" tEnd`.
 * @throws SimulatorError (`syntax`) naming `label`, the position and what was expected when the text
 * is not one valid expression.
 * @example
 * const cost = compileExpression('sum(backlog) + 10 * extra', ['backlog', 'extra'], 'cost');
 * cost({ backlog: [1, 2], extra: 3 }); // 33
 */
export function compileExpression(expression: string, names: readonly string[], label: string): CompiledExpression {
  if (typeof expression !== 'string') throw new SimulatorError('syntax', `${label} must be a string expression, got ${typeof expression}`);
  const text = expression.trim().replace(/;+\s*$/, '');
  if (text === '') throw new SimulatorError('syntax', `${label} is empty`);
  const quoted = quote(text);
  let tree: ExprNode;
  try {
    tree = parseExpression(text);
  } catch (e) {
    if (!(e instanceof ExprSyntaxError)) throw e;
    if (e.trailing) throw new SimulatorError('syntax', `${label} must be one expression, but ${e.message} of ${quoted}`);
    throw new SimulatorError('syntax', `${label}: syntax error in ${quoted}: ${e.message}`);
  }
  const allowed = new Set(names);
  const available = () => [...names].sort().join(', ') || '(none)';
  return (values) => {
    const scope = {
      lookup(name: string): ExprValue | undefined {
        if (!allowed.has(name) || !Object.prototype.hasOwnProperty.call(values, name)) return undefined;
        const v = values[name];
        return typeof v === 'number' ? v : series(v);
      },
    };
    let value: ExprValue;
    try {
      value = evaluateExpression(tree, scope);
    } catch (e) {
      if (!(e instanceof ExprEvalError)) throw e;
      const hint = e.kind === 'ReferenceError' ? ` (names available: ${available()}; helpers: ${EXPRESSION_HELPERS.join(', ')})` : ` at character ${e.pos + 1}`;
      throw new SimulatorError('runtime', `${label} ${quoted} threw ${e.kind}: ${e.message}${hint}`);
    }
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      const got = typeof value === 'number' ? String(value) : value.kind === 'series' ? 'a series (reduce it, e.g. sum(x) or last(x))' : `the record ${value.name}`;
      throw new SimulatorError('invalid-state', `${label} ${quoted} gave ${got}; expected a finite number`);
    }
    return value;
  };
}

/** The text for a message, cut short so a long hostile text does not flood it. */
function quote(text: string): string {
  return JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}
