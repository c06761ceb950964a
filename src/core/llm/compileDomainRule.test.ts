import { describe, expect, it } from 'vitest';
import { SimulatorError } from '../sim/SimulatorError.ts';
import { compileDomainRule } from './compileDomainRule.ts';

const VARS = ['S', 'I', 'R'];
const rule = (check: string) => ({ id: 'r', description: 'test rule', check });

describe('compileDomainRule', () => {
  it('compileDomainRule(rule, variables) binds variables, prev and t', () => {
    const conservation = compileDomainRule(rule('S + I + R === prev.S + prev.I + prev.R && t >= 1'), VARS);
    expect(conservation.test({ S: 5, I: 3, R: 2 }, { S: 6, I: 3, R: 1 }, 1)).toBe(true);
    expect(conservation.test({ S: 5, I: 3, R: 3 }, { S: 6, I: 3, R: 1 }, 1)).toBe(false);
    expect(compileDomainRule(rule('state.S >= 0'), VARS).test({ S: -1, I: 0, R: 0 }, { S: 0, I: 0, R: 0 }, 2)).toBe(false);
  });

  it('compileDomainRule(rule, variables) makes the value boolean and tolerates a trailing semicolon', () => {
    const r = compileDomainRule(rule('I;'), VARS);
    expect(r.test({ S: 0, I: 0, R: 0 }, { S: 0, I: 0, R: 0 }, 1)).toBe(false);
    expect(r.test({ S: 0, I: 2, R: 0 }, { S: 0, I: 0, R: 0 }, 1)).toBe(true);
  });

  it('compileDomainRule(rule, variables) leaves names that are not identifiers to state[...]', () => {
    const r = compileDomainRule(rule('state["beds in use"] <= 5'), ['beds in use', 'delete']);
    expect(r.test({ 'beds in use': 6, delete: 0 }, { 'beds in use': 0, delete: 0 }, 1)).toBe(false);
  });

  it('compileDomainRule(rule, variables) rejects a check that is not one expression, naming the rule', () => {
    expect(() => compileDomainRule(rule('S >= 0); function step() { return {}; } (1'), VARS)).toThrow(/Domain rule "r": the check must be one expression/);
    expect(() => compileDomainRule(rule('S >= '), VARS)).toThrow(/Domain rule "r": syntax error in the check/);
    expect(() => compileDomainRule(rule('  '), VARS)).toThrow(SimulatorError);
  });

  it('compileDomainRule(rule, variables) refuses what is not in the expression language (no Math.random, no fetch)', () => {
    expect(() => compileDomainRule(rule('Math.random() < 2'), VARS)).toThrow(/Domain rule "r": syntax error in the check: Math\.random is not available/);
    expect(() => compileDomainRule(rule('fetch("x")'), VARS)).toThrow(/Domain rule "r": syntax error in the check: fetch\(…\) is not a function available here \(functions: sum, mean/);
  });

  it('compileDomainRule(rule, variables) parses a parenthesised check to its end (issue 19 item 6)', () => {
    expect(compileDomainRule(rule('(S - 10)'), VARS).test({ S: 10, I: 0, R: 0 }, { S: 0, I: 0, R: 0 }, 1)).toBe(false);
    expect(compileDomainRule(rule('(t >= 1)'), VARS).test({ S: 10, I: 0, R: 0 }, { S: 0, I: 0, R: 0 }, 1)).toBe(true);
  });

  it('compileDomainRule(rule, variables) reads own data properties only: prototype names are missing, getters are not called', () => {
    const s = { S: 1, I: 0, R: 0 };
    expect(() => compileDomainRule(rule('state.constructor'), VARS).test(s, s, 1)).toThrow(/threw TypeError: state has no "constructor" \(it has: S, I, R\)/);
    expect(() => compileDomainRule(rule('prev["__proto__"]'), VARS).test(s, s, 1)).toThrow(/prev has no "__proto__"/);
    let called = false;
    const withGetter = Object.defineProperty({ I: 0, R: 0 }, 'S', { enumerable: true, get: () => ((called = true), 1) }) as Record<string, number>;
    expect(() => compileDomainRule(rule('state.S > 0'), VARS).test(withGetter, s, 1)).toThrow(/state\["S"\] is an accessor, not a plain number/);
    expect(() => compileDomainRule(rule('S > 0'), VARS).test(withGetter, s, 1)).toThrow(/threw ReferenceError: S is not defined \(names available: state, prev, t, S, I, R\)/);
    expect(called).toBe(false);
  });

  it('compileDomainRule(rule, variables) reports a throwing check as a runtime SimulatorError without a wrapper position', () => {
    try {
      compileDomainRule(rule('prev.missing.x > 0'), VARS).test({ S: 0, I: 0, R: 0 }, { S: 0, I: 0, R: 0 }, 1);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SimulatorError);
      expect((e as SimulatorError).code).toBe('runtime');
      expect((e as Error).message).toMatch(/^Domain rule "r" threw TypeError: /);
      expect((e as Error).message).not.toMatch(/line \d+/);
    }
  });
});
