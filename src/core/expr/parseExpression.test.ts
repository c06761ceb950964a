import { describe, expect, it } from 'vitest';
import { ExprSyntaxError } from './ExprError.ts';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, parseExpression } from './parseExpression.ts';

/** The syntax error a text gives (fails the test when it parses). */
function syntaxError(text: string): ExprSyntaxError {
  try {
    parseExpression(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ExprSyntaxError);
    return e as ExprSyntaxError;
  }
  throw new Error(`${JSON.stringify(text)} parsed`);
}

describe('parseExpression', () => {
  it('gives operators JavaScript precedence and associativity', () => {
    expect(parseExpression('1 + 2 * 3')).toMatchObject({ type: 'binary', op: '+', right: { type: 'binary', op: '*' } });
    expect(parseExpression('a - b - c')).toMatchObject({ op: '-', left: { op: '-', left: { name: 'a' } }, right: { name: 'c' } });
    expect(parseExpression('2 ** 3 ** 2')).toMatchObject({ op: '**', left: { value: 2 }, right: { op: '**' } });
    expect(parseExpression('a < b && c || d')).toMatchObject({ type: 'logical', op: '||', left: { type: 'logical', op: '&&', left: { op: '<' } } });
    expect(parseExpression('a ? b : c ? d : e')).toMatchObject({ type: 'conditional', otherwise: { type: 'conditional' } });
    expect(parseExpression('-x ** 2 === 1'.replace('-x', '(-x)'))).toMatchObject({ op: '===', left: { op: '**', left: { type: 'unary', op: '-' } } });
  });

  it('reads numbers in every decimal form', () => {
    for (const [text, value] of [['3', 3], ['0.5', 0.5], ['.5', 0.5], ['5.', 5], ['1e-6', 1e-6], ['2E+3', 2000]] as const) {
      expect(parseExpression(text)).toEqual({ type: 'number', pos: 0, value });
    }
    expect(syntaxError('0x10').message).toMatch(/a number cannot be followed by "x"/);
  });

  it('parses a parenthesised expression to its end (issue 19 item 6)', () => {
    expect(parseExpression('(horizon - 10)')).toMatchObject({ type: 'binary', op: '-', left: { name: 'horizon' }, right: { value: 10 } });
  });

  it('parses members, indexing, calls and array literals', () => {
    expect(parseExpression('state["beds in use"]')).toMatchObject({ type: 'index', object: { name: 'state' }, index: { type: 'string', value: 'beds in use' } });
    expect(parseExpression('prev.S')).toMatchObject({ type: 'member', property: 'S' });
    expect(parseExpression('v.slice(1).length')).toMatchObject({ type: 'member', property: 'length', object: { type: 'call', callee: 'slice', target: { name: 'v' } } });
    expect(parseExpression('Math.max(0, x, 2)')).toMatchObject({ type: 'call', namespace: 'Math', callee: 'max', args: [{}, {}, {}] });
    expect(parseExpression('Math.PI')).toMatchObject({ type: 'member', property: 'PI' });
    expect(parseExpression('mean([2, 4])')).toMatchObject({ type: 'call', callee: 'mean', args: [{ type: 'array', items: [{ value: 2 }, { value: 4 }] }] });
    expect(parseExpression('a[i - 1]')).toMatchObject({ type: 'index', index: { op: '-' } });
  });

  it('checks calls: known functions only, with their argument counts', () => {
    expect(syntaxError('sum(a, b)').message).toBe('sum(…) takes 1 argument, got 2 at character 4');
    expect(syntaxError('Math.atan2(1)').message).toBe('Math.atan2(…) takes 2 arguments, got 1 at character 11');
    expect(syntaxError('Math.max()').message).toBe('Math.max(…) takes at least 1 argument, got 0 at character 9');
    expect(syntaxError('a.slice(1, 2, 3)').message).toMatch(/slice\(…\) takes 0 to 2 arguments, got 3/);
    expect(syntaxError('Math.abs').message).toMatch(/Math.abs must be called/);
    expect(syntaxError('Math.foo(1)').message).toMatch(/Math.foo is not available \(Math functions: abs, .*; constants: PI, E/);
    expect(syntaxError('a.map(1)').message).toMatch(/\.map\(…\) cannot be called \(only sum, mean, max, min, first, last, count, Math.<fn>\(…\) and series.slice\(…\)\)/);
    expect(syntaxError('(a)(1)').message).toMatch(/only sum, .* can be called at character 4/);
    expect(syntaxError('Math').message).toMatch(/Math can only be used as Math.<fn>\(…\)/);
  });

  it('names the position and what was expected', () => {
    expect(syntaxError('horizon -').message).toBe('expected a number, a name, "(" or "[" at character 10, found the end of the expression');
    expect(syntaxError('(a + 1').message).toBe('expected ")" at character 7, found the end of the expression');
    expect(syntaxError('a ? b').message).toBe('expected ":" of a ?: conditional at character 6, found the end of the expression');
    expect(syntaxError('-a ** 2').message).toMatch(/a unary - before \*\* needs parentheses/);
    const trailing = syntaxError('a); evil(');
    expect(trailing).toMatchObject({ trailing: true, pos: 1, message: 'more follows at character 2' });
    expect(syntaxError('"unterminated').message).toBe('unterminated string');
  });

  it('refuses text longer than the limit before reading it, and nesting deeper than the limit', () => {
    const long = syntaxError('1+'.repeat(MAX_EXPRESSION_LENGTH));
    expect(long.message).toBe(`the expression is ${2 * MAX_EXPRESSION_LENGTH} characters long; at most ${MAX_EXPRESSION_LENGTH} are allowed`);
    expect(parseExpression('('.repeat(MAX_EXPRESSION_DEPTH - 1) + '1' + ')'.repeat(MAX_EXPRESSION_DEPTH - 1))).toMatchObject({ value: 1 });
    expect(syntaxError('('.repeat(MAX_EXPRESSION_DEPTH + 1) + '1' + ')'.repeat(MAX_EXPRESSION_DEPTH + 1)).message).toMatch(/nested more than 64 levels deep at character 65/);
    expect(syntaxError('-'.repeat(100) + '1').message).toMatch(/nested more than 64 levels deep/);
    expect(syntaxError('2**'.repeat(100) + '1').message).toMatch(/nested more than 64 levels deep/);
    expect(syntaxError('['.repeat(100) + ']'.repeat(100)).message).toMatch(/nested more than 64 levels deep/);
    // A long flat chain is not nesting: it parses (its depth is bounded by the length limit).
    expect(parseExpression(Array.from({ length: 300 }, (_, i) => `a${i}`).join('+'))).toMatchObject({ type: 'binary' });
  });
});
