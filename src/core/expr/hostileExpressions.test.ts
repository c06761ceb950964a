import { afterEach, describe, expect, it } from 'vitest';
import { compileExpression } from '../interventions/compileExpression.ts';
import { compileDomainRule } from '../llm/compileDomainRule.ts';
import { SimulatorError } from '../sim/SimulatorError.ts';

/** Set by any payload that manages to run; no case may set it. */
const CANARY = '__gsimExprPwned';
const PAYLOAD = `globalThis.${CANARY} = 1`;

/** Each hostile text and the message that refuses it (at parse time, or for a missing name when evaluated). */
const HOSTILE: readonly [string, string, RegExp][] = [
  ['constructor chain', `constructor.constructor("${PAYLOAD}")()`, /\.constructor\(…\) cannot be called \(only sum, mean/],
  ['constructor of a value', `x.constructor.constructor("${PAYLOAD}")()`, /\.constructor\(…\) cannot be called/],
  ['__proto__', 'x.__proto__', /has no .__proto__/],
  ['Function call', `Function("${PAYLOAD}")()`, /"Function" is not allowed in an expression at character 1/],
  ['new Function', `new Function("${PAYLOAD}")`, /"new" is not allowed/],
  ['eval', `eval("${PAYLOAD}")`, /"eval" is not allowed/],
  ['this', 'this.constructor', /"this" is not allowed/],
  ['globalThis', 'globalThis', /"globalThis" is not allowed/],
  ['template literal', '`${1}`', /template literals are not allowed at character 1/],
  ['tagged template', 'x`a`', /template literals are not allowed/],
  ['arrow function', '(() => 1)()', /arrow functions are not allowed/],
  ['function expression', '(function () { return 1; })()', /"function" is not allowed/],
  ['assignment', 'a=1', /assignment is not allowed \(compare with ==\)/],
  ['compound assignment', 'a += 1', /assignment is not allowed/],
  ['comma sequence (issue 19)', '0 + (Function("x")(), 5)', /"Function" is not allowed/],
  ['comma sequence', '0 + (x, 5)', /comma sequences are not allowed at character 7/],
  ['comma at top level', 'x, 1', /more follows at character 2 \(comma sequences are not allowed\)/],
  ['statement after', `1; ${PAYLOAD}`, /more follows at character 2 \(only one expression is allowed/],
  ['object literal', '({}).constructor', /object literals and blocks are not allowed/],
  ['string method', '"a".constructor', /strings are only allowed as a name in state/],
  ['optional chaining', 'x?.length', /optional chaining is not allowed/],
  ['nullish', 'x ?? 1', /the \?\? operator is not allowed/],
  ['typeof', 'typeof x', /"typeof" is not allowed/],
  ['import', 'import("data:text/javascript,1")', /"import" is not allowed/],
  ['await', 'await 1', /"await" is not allowed/],
  ['Math.random', 'Math.random()', /Math.random is not available/],
  ['Math.constructor', 'Math.constructor("x")', /Math.constructor is not available/],
  ['sum.call', 'sum.call(1)', /\.call\(…\) cannot be called/],
  ['unicode escape name', '\\u0061', /escapes are not allowed in names/],
  ['increment', 'x++', /expected a number, a name/],
  ['spread', 'Math.max(...x)', /expected a number, a name/],
  ['very deep nesting', '('.repeat(10000) + '1' + ')'.repeat(10000), /characters long; at most 2000 are allowed/],
  ['deep nesting under the length limit', '('.repeat(900) + '1' + ')'.repeat(900), /nested more than 64 levels deep/],
  ['deep unary chain', '!'.repeat(1500) + '1', /nested more than 64 levels deep/],
  ['1 MB text', 'x+'.repeat(500_000) + '1', /is 1000001 characters long; at most 2000 are allowed/],
];

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[CANARY];
});

describe('hostile expressions', () => {
  it.each(HOSTILE)('%s is refused with a clear error and runs nothing (cost expression)', (_, text, message) => {
    let error: unknown;
    try {
      compileExpression(text, ['x', 'a'], 'cost expression')({ x: [1, 2], a: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SimulatorError);
    expect((error as Error).message).toMatch(/^cost expression/);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message.length).toBeLessThan(1200);
    expect((globalThis as Record<string, unknown>)[CANARY]).toBeUndefined();
  });

  it.each(HOSTILE)('%s is refused with a clear error and runs nothing (domain rule)', (_, text) => {
    const s = { x: 1, a: 1 };
    expect(() => compileDomainRule({ id: 'h', description: 'hostile', check: text }, ['x', 'a']).test(s, s, 1)).toThrow(/^Domain rule "h"/);
    expect((globalThis as Record<string, unknown>)[CANARY]).toBeUndefined();
  });

  it('a state whose names are JavaScript internals reads them as plain names', () => {
    const s = JSON.parse('{"constructor": 1, "__proto__": 2, "toString": 3}') as Record<string, number>;
    const r = compileDomainRule({ id: 'own', description: 'own names', check: 'state.constructor + state["__proto__"] + toString === 6' }, ['toString']);
    expect(r.test(s, s, 1)).toBe(true);
  });
});
