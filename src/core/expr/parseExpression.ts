import type { BinaryOp, ExprNode } from './ExprNode.ts';
import { ExprSyntaxError } from './ExprError.ts';
import { hasEntry, MATH_CONSTANTS, MATH_FUNCTIONS, REDUCTIONS } from './exprFunctions.ts';
import { tokenizeExpression, type ExprToken } from './tokenizeExpression.ts';

/** Longest expression accepted, in characters: a hostile 1 MB text is refused before it is read. */
export const MAX_EXPRESSION_LENGTH = 2000;
/** Deepest nesting accepted (parentheses, brackets, calls, unary operators, `?:`, `**`), so parsing and evaluation cannot overflow the stack. */
export const MAX_EXPRESSION_DEPTH = 64;

/**
 * Words that are JavaScript but not expressions here; refused at once so `this`, `new Function(…)` or
 * `typeof x` read as "not allowed" rather than as an unknown name.
 */
const KEYWORDS = new Set(
  ('break case catch class const continue debugger default delete do else export extends finally for function if import in ' +
    'instanceof new return super switch this throw try typeof var void while with yield let static enum await async implements ' +
    'package protected interface private public null undefined arguments eval globalThis Function').split(' '),
);

const EQUALITY: readonly BinaryOp[] = ['==', '!=', '===', '!=='];
const RELATIONAL: readonly BinaryOp[] = ['<', '<=', '>', '>='];
const ADDITIVE: readonly BinaryOp[] = ['+', '-'];
const MULTIPLICATIVE: readonly BinaryOp[] = ['*', '/', '%'];

/** The calls an expression may make, for messages. */
export const CALLABLE = `${REDUCTIONS.join(', ')}, Math.<fn>(…) and series.slice(…)`;

/**
 * Parses one expression of the safe expression language: decimal numbers, `true`/`false`, names,
 * `state.X` / `prev.X` / `state["X"]`, series indexing `a[i]`, `a.length`, `a.slice(i, j)`, array
 * literals `[1, 2]`, the reductions `sum mean max min first last count`, `Math.<fn>(…)` and Math
 * constants, `+ - * / % **`, comparisons, `&& || !`, `?:` and parentheses. There is nothing else:
 * no assignment, no functions, no strings outside `state["…"]`, no property access beyond the above,
 * so no text can reach code. Calls are checked here (name and argument count), so `Function("…")()`
 * or Math's random() never parses.
 * @param text the expression, at most {@link MAX_EXPRESSION_LENGTH} characters.
 * @throws ExprSyntaxError with the 0-based position and what was expected (`trailing` when a complete
 * expression is followed by more text).
 * @example
 * parseExpression('(horizon - 10)'); // { type: 'binary', op: '-', … }
 */
export function parseExpression(text: string): ExprNode {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new ExprSyntaxError(`the expression is ${text.length} characters long; at most ${MAX_EXPRESSION_LENGTH} are allowed`, MAX_EXPRESSION_LENGTH);
  }
  return new Parser(tokenizeExpression(text)).parseAll();
}

class Parser {
  private i = 0;
  private depth = 0;

  constructor(private readonly tokens: ExprToken[]) {}

  parseAll(): ExprNode {
    const node = this.conditional();
    const next = this.peek();
    if (next.kind !== 'end') {
      const why = next.text === ',' ? ' (comma sequences are not allowed)' : next.kind === 'invalid' ? ` (${next.message})` : '';
      throw new ExprSyntaxError(`more follows at character ${next.pos + 1}${why}`, next.pos, true);
    }
    return node;
  }

  private peek(): ExprToken {
    return this.tokens[this.i];
  }

  private isPunct(text: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === text;
  }

  private take(): ExprToken {
    return this.tokens[this.i++];
  }

  private expect(text: string, what: string): void {
    if (!this.isPunct(text)) this.fail(`expected ${what}`);
    this.i++;
  }

  private fail(expected: string, token = this.peek()): never {
    // Text that is no token at all (`=>`, `=`, a backtick) is the real problem even where parsing
    // failed earlier, as in `(() => 1)`.
    const invalid = this.tokens[this.tokens.length - 2];
    if (invalid?.kind === 'invalid' && (token === invalid || expected.startsWith('expected'))) throw new ExprSyntaxError(`${invalid.message} at character ${invalid.pos + 1}`, invalid.pos);
    const found = token.kind === 'end' ? 'the end of the expression' : JSON.stringify(token.text);
    const tail = expected.startsWith('expected') ? `, found ${found}` : '';
    throw new ExprSyntaxError(`${expected} at character ${token.pos + 1}${tail}`, token.pos);
  }

  /** Runs `parse` one level deeper, refusing past {@link MAX_EXPRESSION_DEPTH}. */
  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_EXPRESSION_DEPTH) {
      const t = this.peek();
      throw new ExprSyntaxError(`nested more than ${MAX_EXPRESSION_DEPTH} levels deep at character ${t.pos + 1}`, t.pos);
    }
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private conditional(): ExprNode {
    return this.nested(() => {
      const test = this.logical('||');
      if (!this.isPunct('?')) return test;
      this.i++;
      const then = this.conditional();
      this.expect(':', '":" of a ?: conditional');
      const otherwise = this.conditional();
      return { type: 'conditional', pos: test.pos, test, then, otherwise };
    });
  }

  private logical(op: '||' | '&&'): ExprNode {
    const operand = () => (op === '||' ? this.logical('&&') : this.binary(0));
    let left = operand();
    while (this.isPunct(op)) {
      this.i++;
      left = { type: 'logical', pos: left.pos, op, left, right: operand() };
    }
    return left;
  }

  /** Left-associative binary levels: equality, relational, additive, multiplicative. */
  private binary(level: number): ExprNode {
    const ops = [EQUALITY, RELATIONAL, ADDITIVE, MULTIPLICATIVE][level];
    const operand = () => (level === 3 ? this.unary() : this.binary(level + 1));
    let left = operand();
    for (;;) {
      const t = this.peek();
      const op = t.kind === 'punct' ? ops.find((o) => o === t.text) : undefined;
      if (!op) return left;
      this.i++;
      left = { type: 'binary', pos: left.pos, op, left, right: operand() };
    }
  }

  /** Unary operators and `**` (right-associative; as in JavaScript, `-a ** b` must be parenthesised). */
  private unary(): ExprNode {
    const t = this.peek();
    if (t.kind === 'punct' && (t.text === '-' || t.text === '+' || t.text === '!')) {
      this.i++;
      const arg = this.nested(() => this.prefixed());
      if (this.isPunct('**')) this.fail(`a unary ${t.text} before ** needs parentheses, e.g. (${t.text}a) ** b`);
      return { type: 'unary', pos: t.pos, op: t.text, arg };
    }
    const base = this.postfix();
    if (!this.isPunct('**')) return base;
    this.i++;
    const exponent = this.nested(() => this.unary());
    return { type: 'binary', pos: base.pos, op: '**', left: base, right: exponent };
  }

  /** An operand of a unary operator: more unary operators, then a postfix expression (no `**`). */
  private prefixed(): ExprNode {
    const t = this.peek();
    if (t.kind === 'punct' && (t.text === '-' || t.text === '+' || t.text === '!')) {
      this.i++;
      return { type: 'unary', pos: t.pos, op: t.text, arg: this.nested(() => this.prefixed()) };
    }
    return this.postfix();
  }

  private postfix(): ExprNode {
    let node = this.primary();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct') return node;
      if (t.text === '.') {
        this.i++;
        const name = this.take();
        if (name.kind !== 'name') this.fail('expected a property name after "."', name);
        node = this.member(node, name);
      } else if (t.text === '[') {
        this.i++;
        const index = this.nested(() => this.indexKey());
        this.expect(']', '"]"');
        node = { type: 'index', pos: node.pos, object: node, index };
      } else if (t.text === '(') {
        this.fail(`only ${CALLABLE} can be called`);
      } else {
        return node;
      }
    }
  }

  /** `object.name`, or the call `object.name(…)`: a Math function, a Math constant, `.slice(…)` or a plain property. */
  private member(object: ExprNode, name: ExprToken): ExprNode {
    const property = name.text;
    const isMath = object.type === 'name' && object.name === 'Math';
    const called = this.isPunct('(');
    if (isMath) {
      if (property === 'random') this.fail(`Math.${property} is not available (expressions draw no randomness)`, name);
      if (called && hasEntry(MATH_FUNCTIONS, property)) {
        const arity = MATH_FUNCTIONS[property].arity;
        const args = this.args(`Math.${property}`, arity, arity === Infinity ? 1 : arity);
        return { type: 'call', pos: object.pos, callee: property, namespace: 'Math', args };
      }
      if (!called && hasEntry(MATH_CONSTANTS, property)) return { type: 'member', pos: object.pos, object, property };
      if (!called && hasEntry(MATH_FUNCTIONS, property)) this.fail(`Math.${property} must be called, e.g. Math.${property}(x)`, name);
      this.fail(`Math.${property} is not available (Math functions: ${Object.keys(MATH_FUNCTIONS).join(', ')}; constants: ${Object.keys(MATH_CONSTANTS).join(', ')})`, name);
    }
    if (called) {
      if (property !== 'slice') this.fail(`.${property}(…) cannot be called (only ${CALLABLE})`, name);
      const args = this.args('slice', 2, 0);
      return { type: 'call', pos: object.pos, callee: 'slice', target: object, args };
    }
    return { type: 'member', pos: object.pos, object, property };
  }

  /** The inside of `[…]`: a string key (`state["beds in use"]`) or a number expression. */
  private indexKey(): ExprNode {
    const t = this.peek();
    if (t.kind === 'string' && this.tokens[this.i + 1]?.text === ']') {
      this.i++;
      return { type: 'string', pos: t.pos, value: t.value };
    }
    return this.conditional();
  }

  /** `(a, b, …)` with between `min` and `max` arguments. */
  private args(callee: string, max: number, min: number): ExprNode[] {
    const open = this.peek();
    this.expect('(', '"("');
    const args: ExprNode[] = [];
    if (!this.isPunct(')')) {
      for (;;) {
        args.push(this.conditional());
        if (!this.isPunct(',')) break;
        this.i++;
      }
    }
    this.expect(')', args.length ? '"," or ")"' : '")"');
    if (args.length < min || args.length > max) {
      const want = max === Infinity ? `at least ${min}` : min === max ? `${min}` : `${min} to ${max}`;
      throw new ExprSyntaxError(`${callee}(…) takes ${want} argument${/(^| )1$/.test(want) ? '' : 's'}, got ${args.length} at character ${open.pos + 1}`, open.pos);
    }
    return args;
  }

  private primary(): ExprNode {
    const t = this.take();
    switch (t.kind) {
      case 'number':
        return { type: 'number', pos: t.pos, value: t.value };
      case 'string':
        return this.fail('strings are only allowed as a name in state["…"] or prev["…"]', t);
      case 'name':
        return this.name(t);
      case 'punct':
        if (t.text === '(') {
          const inner = this.conditional();
          if (this.isPunct(',')) this.fail('comma sequences are not allowed');
          this.expect(')', '")"');
          return inner;
        }
        if (t.text === '[') return this.arrayLiteral(t);
        return this.fail('expected a number, a name, "(" or "["', t);
      case 'end':
      case 'invalid':
        return this.fail('expected a number, a name, "(" or "["', t);
    }
  }

  private name(t: ExprToken): ExprNode {
    const name = t.text;
    if (name === 'true' || name === 'false') return { type: 'boolean', pos: t.pos, value: name === 'true' };
    if (KEYWORDS.has(name)) this.fail(`"${name}" is not allowed in an expression`, t);
    if (this.isPunct('(')) {
      if (!(REDUCTIONS as readonly string[]).includes(name)) this.fail(`${name}(…) is not a function available here (functions: ${CALLABLE})`, t);
      const args = this.args(name, 1, 1);
      return { type: 'call', pos: t.pos, callee: name, args };
    }
    if (name === 'Math' && !this.isPunct('.')) this.fail('Math can only be used as Math.<fn>(…) or a Math constant such as Math.PI', t);
    return { type: 'name', pos: t.pos, name };
  }

  private arrayLiteral(open: ExprToken): ExprNode {
    const items: ExprNode[] = [];
    if (!this.isPunct(']')) {
      for (;;) {
        items.push(this.conditional());
        if (!this.isPunct(',')) break;
        this.i++;
      }
    }
    this.expect(']', items.length ? '"," or "]"' : '"]"');
    return { type: 'array', pos: open.pos, items };
  }
}
