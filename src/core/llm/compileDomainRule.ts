import { parseExpressionAt } from 'acorn';
import { createRng } from '../rng/createRng.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { SimulatorError } from '../sim/SimulatorError.ts';
import type { State } from '../sim/types.ts';
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

/** Names a check cannot receive as bare variables (they are keywords, or the check's own arguments). */
const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else export extends finally for function if import in ' +
    'instanceof new return super switch this throw try typeof var void while with yield let static enum await implements ' +
    'package protected interface private public null true false undefined NaN Infinity arguments eval state prev t ctx ' +
    'parameters step initialState Math').split(' '),
);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Rules draw no randomness; the simulator form still wants an rng. */
const NO_RNG = createRng(0);

/**
 * Compiles a {@link DomainRule} through {@link compileSimulator}, so a check runs under exactly the same
 * guards as simulator programs (strict mode, no network/storage/timers, no `Math.random`) without a
 * second sandbox: the check becomes the body of a tiny program whose `step` returns `{ ok: 0 | 1 }`.
 *
 * The check must be a single JavaScript expression (checked with acorn first, so `x); evil(` cannot
 * escape the wrapper and errors point into the check). Observed variables that are valid identifiers
 * are bound by name; every variable is also reachable as `state[name]` and `prev[name]`.
 *
 * @param rule the rule.
 * @param variables observed variables of the data.
 * @throws SimulatorError (`syntax`) naming the rule when the check is not one expression.
 * @example
 * const r = compileDomainRule({ id: 'pos', description: 'no negative counts', check: 'S >= 0' }, ['S', 'I', 'R']);
 * r.test({ S: 3, I: 0, R: 0 }, { S: 4, I: 0, R: 0 }, 1); // true
 */
export function compileDomainRule(rule: DomainRule, variables: readonly string[]): CompiledDomainRule {
  const check = rule.check.trim().replace(/;+\s*$/, '');
  if (check === '') throw new SimulatorError('syntax', `Domain rule "${rule.id}": the check is empty`);
  let end: number;
  try {
    end = parseExpressionAt(check, 0, { ecmaVersion: 'latest' }).end;
  } catch (e) {
    const msg = ((e as Error).message ?? String(e)).replace(/\s*\(\d+:\d+\)$/, '');
    throw new SimulatorError('syntax', `Domain rule "${rule.id}": syntax error in the check: ${msg}`);
  }
  if (check.slice(end).trim() !== '') {
    throw new SimulatorError('syntax', `Domain rule "${rule.id}": the check must be one expression, but more follows at character ${end + 1}`);
  }
  const bindings = variables
    .filter((v) => IDENTIFIER.test(v) && !RESERVED.has(v))
    .map((v) => `const ${v} = state[${JSON.stringify(v)}];`)
    .join(' ');
  const source = `const parameters = {};
function step(ctx) {
  const state = ctx.state, prev = ctx.prev, t = ctx.t; ${bindings}
  return { ok: (${check}) ? 1 : 0 };
}`;
  let program;
  try {
    program = compileSimulator(source);
  } catch (e) {
    throw new SimulatorError('syntax', `Domain rule "${rule.id}": ${(e as Error).message}`);
  }
  const required = ['ok'];
  return {
    rule,
    test(state, prev, t) {
      try {
        return program.step({ state, prev, t } as State, null, {}, NO_RNG, required).ok === 1;
      } catch (e) {
        const msg = ((e as Error).message ?? String(e)).replace(/^step threw /, '').replace(/ at line \d+, column \d+$/, '');
        throw new SimulatorError('runtime', `Domain rule "${rule.id}" threw ${msg}`);
      }
    },
  };
}
