import { parseExpressionAt } from 'acorn';
import { createRng } from '../rng/createRng.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { SimulatorError } from '../sim/SimulatorError.ts';
import type { State } from '../sim/types.ts';

/** A value an expression can see: a number (a knob, a derived quantity) or a time series. */
export type ExpressionValue = number | ArrayLike<number>;

/** A compiled expression: values by name in, a finite number out. */
export type CompiledExpression = (values: Readonly<Record<string, ExpressionValue>>) => number;

/** Reductions over time series that expressions may call, e.g. `sum(turned_away)`, `max(I)`. */
export const EXPRESSION_HELPERS = ['sum', 'mean', 'max', 'min', 'first', 'last', 'count'] as const;

const HELPERS_SOURCE = `
function sum(a) { if (typeof a === 'number') return a; let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s; }
function mean(a) { return typeof a === 'number' ? a : (a.length ? sum(a) / a.length : NaN); }
function max(a) { if (typeof a === 'number') return a; let m = -Infinity; for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i]; return m; }
function min(a) { if (typeof a === 'number') return a; let m = Infinity; for (let i = 0; i < a.length; i++) if (a[i] < m) m = a[i]; return m; }
function first(a) { return typeof a === 'number' ? a : a[0]; }
function last(a) { return typeof a === 'number' ? a : a[a.length - 1]; }
function count(a) { if (typeof a === 'number') return a ? 1 : 0; let c = 0; for (let i = 0; i < a.length; i++) if (a[i]) c++; return c; }
`;

/** Names an expression cannot receive as bare variables (keywords, helpers, the wrapper's own names). */
const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else export extends finally for function if import in ' +
    'instanceof new return super switch this throw try typeof var void while with yield let static enum await implements ' +
    'package protected interface private public null true false undefined NaN Infinity arguments eval ctx __values ' +
    'parameters step initialState Math ' + EXPRESSION_HELPERS.join(' ')).split(' '),
);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Expressions draw no randomness; the simulator form still wants an rng. */
const NO_RNG = createRng(0);

/**
 * Compiles a one-line JavaScript expression (a policy-search cost, a knob-dependent scenario number)
 * through {@link compileSimulator}, as compileDomainRule does, so it runs under the same guards as
 * simulator programs (strict mode, no network, storage, timers or `Math.random`) without a second
 * sandbox. Each name in `names` that is an identifier is bound as a variable; all values are also
 * reachable as `__values[name]` (for names that are not identifiers). The helpers {@link EXPRESSION_HELPERS} reduce time series (`sum(backlog)`).
 *
 * @param expression the expression text (one expression; a trailing `;` is allowed).
 * @param names the names the expression may use (values are passed at each call).
 * @param label how messages name the expression, e.g. `cost expression` or `scenario "x" tEnd`.
 * @throws SimulatorError (`syntax`) naming `label` when the text is not one valid expression.
 * @example
 * const cost = compileExpression('sum(backlog) + 10 * extra', ['backlog', 'extra'], 'cost');
 * cost({ backlog: [1, 2], extra: 3 }); // 33
 */
export function compileExpression(expression: string, names: readonly string[], label: string): CompiledExpression {
  if (typeof expression !== 'string') throw new SimulatorError('syntax', `${label} must be a string expression, got ${typeof expression}`);
  const text = expression.trim().replace(/;+\s*$/, '');
  if (text === '') throw new SimulatorError('syntax', `${label} is empty`);
  let end: number;
  try {
    end = parseExpressionAt(text, 0, { ecmaVersion: 'latest' }).end;
  } catch (e) {
    const msg = ((e as Error).message ?? String(e)).replace(/\s*\(\d+:\d+\)$/, '');
    throw new SimulatorError('syntax', `${label}: syntax error in ${JSON.stringify(text)}: ${msg}`);
  }
  if (text.slice(end).trim() !== '') {
    throw new SimulatorError('syntax', `${label} must be one expression, but more follows at character ${end + 1} of ${JSON.stringify(text)}`);
  }
  const bound = names.filter((n) => IDENTIFIER.test(n) && !RESERVED.has(n));
  const bindings = bound.map((n) => `const ${n} = __values[${JSON.stringify(n)}];`).join(' ');
  const source = `const parameters = {};${HELPERS_SOURCE}
function step(ctx) {
  const __values = ctx; ${bindings}
  return { ok: 1, value: (${text}) };
}`;
  let program;
  try {
    program = compileSimulator(source);
  } catch (e) {
    throw new SimulatorError('syntax', `${label}: ${(e as Error).message}`);
  }
  const available = () => [...names].sort().join(', ') || '(none)';
  return (values) => {
    let out: State;
    try {
      out = program.step(values as unknown as State, null, {}, NO_RNG, ['ok']);
    } catch (e) {
      const msg = ((e as Error).message ?? String(e)).replace(/^step threw /, '').replace(/ at line \d+, column \d+$/, '');
      const hint = /ReferenceError/.test(msg) ? ` (names available: ${available()}; helpers: ${EXPRESSION_HELPERS.join(', ')})` : '';
      throw new SimulatorError('runtime', `${label} ${JSON.stringify(text)} threw ${msg}${hint}`);
    }
    const value = out.value;
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new SimulatorError('invalid-state', `${label} ${JSON.stringify(text)} gave ${typeof value === 'number' ? String(value) : typeof value}; expected a finite number`);
    }
    return value;
  };
}
