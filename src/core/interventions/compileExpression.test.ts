import { describe, expect, it } from 'vitest';
import { SimulatorError } from '../sim/SimulatorError.ts';
import { compileExpression } from './compileExpression.ts';

describe('compileExpression', () => {
  it('evaluates an expression over numbers and series with the helpers', () => {
    const f = compileExpression('sum(backlog) + 10 * extra + max(I) - mean([2, 4]) + last(I) + count(I)', ['backlog', 'extra', 'I'], 'cost');
    expect(f({ backlog: new Float64Array([1, 2, 3]), extra: 2, I: [5, 9, 1] })).toBe(6 + 20 + 9 - 3 + 1 + 3);
  });

  it('maps booleans to 0/1 and allows a trailing semicolon and Math', () => {
    expect(compileExpression('x > 1;', ['x'], 'c')({ x: 2 })).toBe(1);
    expect(compileExpression('Math.max(0, x)', ['x'], 'c')({ x: -3 })).toBe(0);
  });

  it('reports a syntax error with the label and the text', () => {
    expect(() => compileExpression('overflow + * 2', ['overflow'], 'cost expression')).toThrow(/cost expression: syntax error in "overflow \+ \* 2"/);
    expect(() => compileExpression('a); evil(', ['a'], 'cost expression')).toThrow(/must be one expression, but more follows at character 2/);
    expect(() => compileExpression('  ', [], 'cost expression')).toThrow(/cost expression is empty/);
  });

  it('names the unknown variable and the names available', () => {
    const f = compileExpression('overflw + 1', ['overflow', 'tau'], 'cost expression');
    expect(() => f({ overflow: 1, tau: 2 })).toThrow(/cost expression "overflw \+ 1" threw ReferenceError: overflw is not defined \(names available: overflow, tau; helpers: sum/);
  });

  it('rejects a non-finite or non-numeric result, a string, and Math.random', () => {
    expect(() => compileExpression('x / 0', ['x'], 'cost expression')({ x: 1 })).toThrow(/cost expression "x \/ 0" gave Infinity; expected a finite number/);
    expect(() => compileExpression('x', ['x'], 'cost expression')({ x: [1, 2] })).toThrow(/cost expression "x" gave a series \(reduce it/);
    expect(() => compileExpression('"a"', [], 'cost expression')).toThrow(/syntax error in "\\"a\\"": strings are only allowed as a name in state\["…"\]/);
    expect(() => compileExpression('Math.random()', [], 'cost expression')).toThrow(SimulatorError);
    expect(() => compileExpression('Math.random()', [], 'cost expression')).toThrow(/Math.random is not available \(expressions draw no randomness\) at character 6/);
  });

  it('parses a parenthesised expression to its end (issue 19 item 6)', () => {
    expect(compileExpression('(horizon - 10)', ['horizon'], 'tStart')({ horizon: 60 })).toBe(50);
    expect(compileExpression(' ((horizon - 10)) ; ', ['horizon'], 'tStart')({ horizon: 60 })).toBe(50);
  });

  it('reads only the names it was given, own values only', () => {
    const f = compileExpression('toString + 1', ['x'], 'cost expression');
    expect(() => f({ x: 1 })).toThrow(/threw ReferenceError: toString is not defined \(names available: x;/);
    const g = compileExpression('x + 1', ['x'], 'cost expression');
    expect(() => g(Object.create({ x: 1 }))).toThrow(/x is not defined/);
  });

  it('names the position and the kind of value for a type error', () => {
    expect(() => compileExpression('1 + x', ['x'], 'cost expression')({ x: [1] })).toThrow(
      /cost expression "1 \+ x" threw TypeError: "\+" needs a number, got a series of length 1 \(reduce it first.*\) at character 5/,
    );
  });
});
