import type { ExprNode } from './ExprNode.ts';
import { ExprEvalError } from './ExprError.ts';
import { MATH_CONSTANTS, MATH_FUNCTIONS, reduce, type Reduction } from './exprFunctions.ts';

/** A time series an expression can reduce, index or slice. */
export interface ExprSeries {
  readonly kind: 'series';
  readonly values: ArrayLike<number>;
}

/** A record of named numbers reached with `.X` or `["X"]` (`state`, `prev`); own data properties only. */
export interface ExprRecord {
  readonly kind: 'record';
  readonly name: string;
  readonly values: object;
}

/** What an expression computes with. Booleans count as 0/1 where a number is needed. */
export type ExprValue = number | boolean | ExprSeries | ExprRecord;

/** The names an expression can read. */
export interface ExprScope {
  /** The value of a bare name, or undefined when the expression may not read it. */
  lookup(name: string): ExprValue | undefined;
}

/** Wraps a series for {@link evaluateExpression}. */
export function series(values: ArrayLike<number>): ExprSeries {
  return { kind: 'series', values };
}

/** Wraps a record (`state`, `prev`) for {@link evaluateExpression}. */
export function record(name: string, values: object): ExprRecord {
  return { kind: 'record', name, values };
}

/**
 * Evaluates a parsed expression (see parseExpression) over `scope`. A tree walk with no loops of its
 * own: its cost is bounded by the tree's size times the longest series (a reduction or a slice). It
 * calls no function the text names except the fixed tables in exprFunctions, reads only own data
 * properties of records (never a getter, never the prototype: `state.constructor` is a missing name)
 * and never creates a function, so it cannot run code.
 * @throws ExprEvalError for an unknown name (`ReferenceError`), a value of the wrong kind (`TypeError`)
 * or an index outside a series (`RangeError`).
 * @example
 * evaluateExpression(parseExpression('sum(x) + 1'), { lookup: (n) => (n === 'x' ? series([1, 2]) : undefined) }); // 4
 */
export function evaluateExpression(node: ExprNode, scope: ExprScope): ExprValue {
  switch (node.type) {
    case 'number':
    case 'boolean':
      return node.value;
    case 'string':
      // The parser allows strings only as a record key, which 'index' reads itself.
      throw new ExprEvalError('TypeError', 'a string is not a value here', node.pos);
    case 'name': {
      const v = scope.lookup(node.name);
      if (v === undefined) throw new ExprEvalError('ReferenceError', `${node.name} is not defined`, node.pos);
      return v;
    }
    case 'array': {
      const out = new Float64Array(node.items.length);
      node.items.forEach((item, k) => (out[k] = toNumber(evaluateExpression(item, scope), item.pos, 'an array element')));
      return series(out);
    }
    case 'unary': {
      const v = evaluateExpression(node.arg, scope);
      if (node.op === '!') return !truthy(v, node.arg.pos);
      const x = toNumber(v, node.arg.pos, `unary ${node.op}`);
      return node.op === '-' ? -x : x;
    }
    case 'binary':
      return binary(node.op, toNumber(evaluateExpression(node.left, scope), node.left.pos, `"${node.op}"`), toNumber(evaluateExpression(node.right, scope), node.right.pos, `"${node.op}"`));
    case 'logical': {
      const left = evaluateExpression(node.left, scope);
      const holds = truthy(left, node.left.pos);
      if (node.op === '&&' ? !holds : holds) return left;
      return evaluateExpression(node.right, scope);
    }
    case 'conditional':
      return evaluateExpression(truthy(evaluateExpression(node.test, scope), node.test.pos) ? node.then : node.otherwise, scope);
    case 'member':
      return member(node, scope);
    case 'index':
      return index(node, scope);
    case 'call':
      return call(node, scope);
  }
}

function binary(op: string, a: number, b: number): number | boolean {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '%': return a % b;
    case '**': return a ** b;
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
    // Values are numbers (booleans as 0/1), so loose and strict equality agree.
    case '==': case '===': return a === b;
    default: return a !== b;
  }
}

function member(node: Extract<ExprNode, { type: 'member' }>, scope: ExprScope): ExprValue {
  if (node.object.type === 'name' && node.object.name === 'Math') return MATH_CONSTANTS[node.property];
  const object = evaluateExpression(node.object, scope);
  if (typeof object === 'object' && object.kind === 'record') return recordEntry(object, node.property, node.pos);
  if (typeof object === 'object' && node.property === 'length') return object.values.length;
  throw new ExprEvalError('TypeError', `${describe(object)} has no .${node.property} (a series has .length and .slice(…); state and prev have the variables)`, node.pos);
}

function index(node: Extract<ExprNode, { type: 'index' }>, scope: ExprScope): ExprValue {
  const object = evaluateExpression(node.object, scope);
  if (typeof object === 'object' && object.kind === 'record') {
    if (node.index.type !== 'string') throw new ExprEvalError('TypeError', `${object.name}[…] takes a quoted name, e.g. ${object.name}["beds in use"]`, node.index.pos);
    return recordEntry(object, node.index.value, node.pos);
  }
  if (typeof object !== 'object') throw new ExprEvalError('TypeError', `${describe(object)} cannot be indexed (only a series can)`, node.pos);
  if (node.index.type === 'string') throw new ExprEvalError('TypeError', 'a series is indexed by a number, e.g. x[0]', node.index.pos);
  const i = toNumber(evaluateExpression(node.index, scope), node.index.pos, 'an index');
  const n = object.values.length;
  if (!Number.isInteger(i) || i < 0 || i >= n) throw new ExprEvalError('RangeError', `index ${i} is outside a series of length ${n} (0 to ${n - 1})`, node.index.pos);
  return element(object.values, i, node.pos);
}

function call(node: Extract<ExprNode, { type: 'call' }>, scope: ExprScope): ExprValue {
  if (node.namespace === 'Math') {
    const args = node.args.map((a) => toNumber(evaluateExpression(a, scope), a.pos, `Math.${node.callee}`));
    return MATH_FUNCTIONS[node.callee].fn(...args);
  }
  if (node.callee === 'slice') {
    const target = evaluateExpression(node.target!, scope);
    if (typeof target !== 'object' || target.kind !== 'series') throw new ExprEvalError('TypeError', `.slice(…) needs a series, got ${describe(target)}`, node.pos);
    const bounds = node.args.map((a) => toNumber(evaluateExpression(a, scope), a.pos, '.slice(…)'));
    return series(slice(target.values, bounds[0], bounds[1]));
  }
  const arg = evaluateExpression(node.args[0], scope);
  if (typeof arg === 'object' && arg.kind === 'series') return reduce(node.callee as Reduction, arg.values);
  const x = toNumber(arg, node.args[0].pos, `${node.callee}(…)`);
  return node.callee === 'count' ? (x ? 1 : 0) : x;
}

/** Array.prototype.slice's bounds (negative counts from the end), on a copy. */
function slice(values: ArrayLike<number>, start = 0, end = values.length): Float64Array {
  const n = values.length;
  const clamp = (k: number) => (Number.isNaN(k) ? 0 : k < 0 ? Math.max(n + Math.trunc(k), 0) : Math.min(Math.trunc(k), n));
  const from = clamp(start);
  const to = clamp(end);
  const out = new Float64Array(Math.max(to - from, 0));
  for (let k = from; k < to; k++) out[k - from] = values[k];
  return out;
}

/** An own data property of a record; accessors and inherited names (`constructor`, `__proto__`) read as missing. */
function recordEntry(r: ExprRecord, key: string, pos: number): number | boolean {
  const d = Object.getOwnPropertyDescriptor(r.values, key);
  if (d && !('value' in d)) throw new ExprEvalError('TypeError', `${r.name}[${JSON.stringify(key)}] is an accessor, not a plain number`, pos);
  if (!d) {
    const names = Object.keys(r.values).slice(0, 50).join(', ');
    throw new ExprEvalError('TypeError', `${r.name} has no ${JSON.stringify(key)} (it has: ${names || 'nothing'})`, pos);
  }
  if (typeof d.value === 'number' || typeof d.value === 'boolean') return d.value;
  throw new ExprEvalError('TypeError', `${r.name}[${JSON.stringify(key)}] is ${typeof d.value}, not a number`, pos);
}

function element(values: ArrayLike<number>, i: number, pos: number): number {
  const v: unknown = values[i];
  if (typeof v !== 'number') throw new ExprEvalError('TypeError', `element ${i} of the series is ${typeof v}, not a number`, pos);
  return v;
}

function toNumber(v: ExprValue, pos: number, where: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const hint = v.kind === 'series' ? ' (reduce it first, e.g. sum(x), last(x) or x[0])' : ` (use ${v.name}.X or ${v.name}["X"])`;
  throw new ExprEvalError('TypeError', `${where} needs a number, got ${describe(v)}${hint}`, pos);
}

function truthy(v: ExprValue, pos: number): boolean {
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (typeof v === 'boolean') return v;
  throw new ExprEvalError('TypeError', `a condition needs a number or a comparison, got ${describe(v)}`, pos);
}

function describe(v: ExprValue): string {
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `the boolean ${v}`;
  return v.kind === 'series' ? `a series of length ${v.values.length}` : `the record ${v.name}`;
}
