import { describe, expect, it } from 'vitest';
import { ExprEvalError } from './ExprError.ts';
import { evaluateExpression, record, series, type ExprValue } from './evaluateExpression.ts';
import { parseExpression } from './parseExpression.ts';

const VALUES: Record<string, ExprValue> = {
  a: 2, b: 3, yes: true, x: series(new Float64Array([4, 1, 9, 0])),
  state: record('state', { S: 5, 'beds in use': 7 }), prev: record('prev', { S: 6 }),
};
const scope = { lookup: (name: string) => (Object.hasOwn(VALUES, name) ? VALUES[name] : undefined) };
const run = (text: string) => evaluateExpression(parseExpression(text), scope);
function evalError(text: string): ExprEvalError {
  try {
    run(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ExprEvalError);
    return e as ExprEvalError;
  }
  throw new Error(`${JSON.stringify(text)} evaluated`);
}

describe('evaluateExpression', () => {
  it('computes arithmetic, comparisons and logic as JavaScript does on numbers', () => {
    for (const text of ['1 + 2 * 3', '(1 + 2) * 3', '2 ** 3 ** 2', '7 % 4', '-a + +b', '1e-6 * 1e6', '10 / 4', '(-a) ** 2', '2 ** -1']) {
      expect(run(text)).toBe(new Function(`const a = 2, b = 3; return ${text};`)());
    }
    expect(run('a < b')).toBe(true);
    expect(run('a >= b')).toBe(false);
    expect(run('a == 2 && b != 2 && a === 2 && b !== 2')).toBe(true);
    expect(run('0 || a')).toBe(2);
    expect(run('a && 0')).toBe(0);
    expect(run('!a')).toBe(false);
    expect(run('a > b ? 10 : 20')).toBe(20);
  });

  it('uses booleans as 0/1 where a number is needed', () => {
    expect(run('yes + 1')).toBe(2);
    expect(run('(a < b) * 10')).toBe(10);
  });

  it('reduces, indexes and slices series', () => {
    expect([run('sum(x)'), run('mean(x)'), run('max(x)'), run('min(x)'), run('first(x)'), run('last(x)'), run('count(x)')]).toEqual([14, 3.5, 9, 0, 4, 0, 3]);
    expect(run('x[2]')).toBe(9);
    expect(run('x.length')).toBe(4);
    expect(run('sum(x.slice(1, 3))')).toBe(10);
    expect(run('sum(x.slice(-2))')).toBe(9);
    expect(run('mean([2, 4])')).toBe(3);
    expect(run('sum(a)')).toBe(2);
    expect(run('count(0)')).toBe(0);
    expect(run('mean(x.slice(4))')).toBeNaN();
  });

  it('reads records by .X and ["X"], and calls Math functions and constants', () => {
    expect(run('state.S - prev.S')).toBe(-1);
    expect(run('state["beds in use"]')).toBe(7);
    expect(run('Math.max(0, a, b)')).toBe(3);
    expect(run('Math.abs(-a)')).toBe(2);
    expect(run('Math.PI')).toBe(Math.PI);
  });

  it('computes with the Math captured at load, not a Math replaced later', () => {
    const original = Math.max;
    Math.max = () => 42;
    try {
      expect(run('Math.max(1, 2)')).toBe(2);
    } finally {
      Math.max = original;
    }
  });

  it('names unknown names, wrong kinds and bad indices, with positions', () => {
    expect(evalError('a + nope')).toMatchObject({ kind: 'ReferenceError', message: 'nope is not defined', pos: 4 });
    expect(evalError('x + 1')).toMatchObject({ kind: 'TypeError', message: expect.stringMatching(/^"\+" needs a number, got a series of length 4 \(reduce it first/) });
    expect(evalError('state + 1').message).toMatch(/got the record state \(use state.X or state\["X"\]\)/);
    expect(evalError('x[4]')).toMatchObject({ kind: 'RangeError', message: 'index 4 is outside a series of length 4 (0 to 3)' });
    expect(evalError('x[0.5]').kind).toBe('RangeError');
    expect(evalError('a[0]').message).toMatch(/the number 2 cannot be indexed/);
    expect(evalError('a.length').message).toMatch(/the number 2 has no .length/);
    expect(evalError('x.foo').message).toMatch(/a series of length 4 has no .foo/);
    expect(evalError('state.T').message).toBe('state has no "T" (it has: S, beds in use)');
    expect(evalError('state[0]').message).toMatch(/state\[…\] takes a quoted name/);
    expect(evalError('x["S"]').message).toMatch(/a series is indexed by a number/);
    expect(evalError('a.slice(1)').message).toMatch(/\.slice\(…\) needs a series, got the number 2/);
    expect(evalError('x ? 1 : 2').message).toMatch(/a condition needs a number or a comparison, got a series/);
  });
});
