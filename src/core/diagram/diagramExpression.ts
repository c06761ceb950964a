import { parseExpressionAt, type Node } from 'acorn';

/**
 * The diagram's expression language: the subset of JavaScript expressions a rate may use. It is
 * parsed with acorn (parse only: nothing here evaluates source text, the page runs under a strict CSP)
 * and checked against a whitelist: numbers, names, `action`, unary `- + !`, arithmetic `+ - * / % **`,
 * comparisons, `&& || ??`, `?:`, and calls of `Math.<function>` (plus `Math.PI`, `Math.E`). Anything
 * else (member access, assignment, strings, arrays, calls of other functions) is refused with its offset.
 *
 * @example
 * parseDiagramExpression('1 - Math.exp(-beta * I / N)') // { ok: true, names: ['beta', 'I', 'N'], ... }
 */
export type ParsedExpression =
  | { ok: true; ast: ExprNode; names: string[] }
  | { ok: false; message: string; offset: number };

/** The whitelisted AST (acorn's ESTree nodes, narrowed). */
export type ExprNode =
  | { type: 'Literal'; value: number; start: number; end: number }
  | { type: 'Identifier'; name: string; start: number; end: number }
  | { type: 'UnaryExpression'; operator: '-' | '+' | '!'; argument: ExprNode; start: number; end: number }
  | { type: 'BinaryExpression' | 'LogicalExpression'; operator: string; left: ExprNode; right: ExprNode; start: number; end: number }
  | { type: 'ConditionalExpression'; test: ExprNode; consequent: ExprNode; alternate: ExprNode; start: number; end: number }
  | { type: 'MathConstant'; name: 'PI' | 'E'; start: number; end: number }
  | { type: 'MathCall'; name: string; args: ExprNode[]; start: number; end: number };

/** `Math` functions an expression may call. */
export const MATH_FUNCTIONS: ReadonlySet<string> = new Set([
  'abs', 'exp', 'log', 'log1p', 'expm1', 'sqrt', 'pow', 'min', 'max', 'floor', 'ceil', 'round', 'trunc', 'sign', 'tanh', 'sin', 'cos', 'atan', 'hypot',
]);

const BINARY = new Set(['+', '-', '*', '/', '%', '**', '<', '<=', '>', '>=', '===', '!==', '==', '!=']);
const LOGICAL = new Set(['&&', '||', '??']);

class ExprError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

/**
 * Parses and checks one expression.
 * @param text the expression source.
 * @returns the checked AST and the free names it reads (in order of first use), or an error with its
 *   character offset.
 */
export function parseDiagramExpression(text: string): ParsedExpression {
  if (text.trim() === '') return { ok: false, message: 'the expression is empty', offset: 0 };
  let raw: Node;
  try {
    raw = parseExpressionAt(text, 0, { ecmaVersion: 2022 });
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0;
    return { ok: false, message: (e as Error).message.replace(/\s*\(\d+:\d+\)$/, ''), offset: pos };
  }
  if (text.slice(raw.end).trim() !== '') return { ok: false, message: `unexpected text "${text.slice(raw.end).trim()}"`, offset: raw.end };
  try {
    const names: string[] = [];
    const ast = convert(raw, names);
    return { ok: true, ast, names };
  } catch (e) {
    if (e instanceof ExprError) return { ok: false, message: e.message, offset: e.offset };
    throw e;
  }
}

function convert(n: Node, names: string[]): ExprNode {
  const any = n as unknown as Record<string, unknown> & Node;
  switch (n.type) {
    case 'Literal': {
      if (typeof any.value !== 'number') throw new ExprError(`only numbers are allowed, not ${JSON.stringify(any.value)}`, n.start);
      return { type: 'Literal', value: any.value, start: n.start, end: n.end };
    }
    case 'Identifier': {
      const name = any.name as string;
      if (name === 'Math') throw new ExprError('use Math.<function>(…) or Math.PI / Math.E', n.start);
      if (!names.includes(name)) names.push(name);
      return { type: 'Identifier', name, start: n.start, end: n.end };
    }
    case 'UnaryExpression': {
      const op = any.operator as string;
      if (op !== '-' && op !== '+' && op !== '!') throw new ExprError(`the operator "${op}" is not allowed`, n.start);
      return { type: 'UnaryExpression', operator: op, argument: convert(any.argument as Node, names), start: n.start, end: n.end };
    }
    case 'BinaryExpression':
    case 'LogicalExpression': {
      const op = any.operator as string;
      if (!(n.type === 'BinaryExpression' ? BINARY : LOGICAL).has(op)) throw new ExprError(`the operator "${op}" is not allowed`, n.start);
      return { type: n.type, operator: op, left: convert(any.left as Node, names), right: convert(any.right as Node, names), start: n.start, end: n.end };
    }
    case 'ConditionalExpression':
      return {
        type: 'ConditionalExpression',
        test: convert(any.test as Node, names),
        consequent: convert(any.consequent as Node, names),
        alternate: convert(any.alternate as Node, names),
        start: n.start,
        end: n.end,
      };
    case 'ParenthesizedExpression':
      return convert(any.expression as Node, names);
    case 'MemberExpression': {
      const name = mathMember(any);
      if (name === 'PI' || name === 'E') return { type: 'MathConstant', name, start: n.start, end: n.end };
      throw new ExprError(name ? `Math.${name} is not a constant (call it, or use Math.PI / Math.E)` : 'property access is not allowed (only Math.<function>)', n.start);
    }
    case 'CallExpression': {
      const callee = any.callee as Record<string, unknown> & Node;
      const name = callee.type === 'MemberExpression' ? mathMember(callee) : null;
      if (!name || !MATH_FUNCTIONS.has(name)) {
        throw new ExprError(name ? `Math.${name} is not available` : 'only Math.<function>(…) can be called', n.start);
      }
      const args = (any.arguments as Node[]).map((a) => {
        if (a.type === 'SpreadElement') throw new ExprError('spread arguments are not allowed', a.start);
        return convert(a, names);
      });
      return { type: 'MathCall', name, args, start: n.start, end: n.end };
    }
    default:
      throw new ExprError(`${describeNode(n.type)} is not allowed in an expression`, n.start);
  }
}

/** `Math.x` (not computed, not optional) → "x", else null. */
function mathMember(m: Record<string, unknown>): string | null {
  const object = m.object as Record<string, unknown>;
  const property = m.property as Record<string, unknown>;
  if (m.computed || m.optional || object.type !== 'Identifier' || object.name !== 'Math' || property.type !== 'Identifier') return null;
  return property.name as string;
}

function describeNode(type: string): string {
  const words = type.replace(/Expression$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words === 'assignment' ? 'assignment' : `a ${words}`;
}

/**
 * Evaluates a checked expression by walking its AST (no code generation, so it runs under a strict
 * CSP). Unknown names read as NaN.
 * @param ast from {@link parseDiagramExpression}.
 * @param scope values by name.
 */
export function evaluateExpression(ast: ExprNode, scope: Readonly<Record<string, number>>): number {
  switch (ast.type) {
    case 'Literal':
      return ast.value;
    case 'Identifier':
      return scope[ast.name] ?? NaN;
    case 'MathConstant':
      return Math[ast.name];
    case 'UnaryExpression': {
      const v = evaluateExpression(ast.argument, scope);
      return ast.operator === '-' ? -v : ast.operator === '+' ? v : Number(!v);
    }
    case 'ConditionalExpression':
      return evaluateExpression(ast.test, scope) ? evaluateExpression(ast.consequent, scope) : evaluateExpression(ast.alternate, scope);
    case 'MathCall': {
      const fn = (Math as unknown as Record<string, (...a: number[]) => number>)[ast.name];
      return fn(...ast.args.map((a) => evaluateExpression(a, scope)));
    }
    case 'LogicalExpression': {
      const l = evaluateExpression(ast.left, scope);
      if (ast.operator === '&&') return l ? evaluateExpression(ast.right, scope) : l;
      if (ast.operator === '||') return l ? l : evaluateExpression(ast.right, scope);
      return Number.isNaN(l) ? evaluateExpression(ast.right, scope) : l;
    }
    case 'BinaryExpression': {
      const l = evaluateExpression(ast.left, scope);
      const r = evaluateExpression(ast.right, scope);
      switch (ast.operator) {
        case '+': return l + r;
        case '-': return l - r;
        case '*': return l * r;
        case '/': return l / r;
        case '%': return l % r;
        case '**': return l ** r;
        case '<': return Number(l < r);
        case '<=': return Number(l <= r);
        case '>': return Number(l > r);
        case '>=': return Number(l >= r);
        case '===': case '==': return Number(l === r);
        default: return Number(l !== r);
      }
    }
  }
}

/**
 * Replaces every use of the name `from` by `to` in an expression (for renames), leaving the rest of
 * the text as written. An expression that does not parse is returned unchanged.
 */
export function renameInExpression(text: string, from: string, to: string): string {
  const parsed = parseDiagramExpression(text);
  if (!parsed.ok) return text;
  const spans: [number, number][] = [];
  const visit = (n: ExprNode): void => {
    if (n.type === 'Identifier' && n.name === from) spans.push([n.start, n.end]);
    if (n.type === 'UnaryExpression') visit(n.argument);
    if (n.type === 'BinaryExpression' || n.type === 'LogicalExpression') (visit(n.left), visit(n.right));
    if (n.type === 'ConditionalExpression') (visit(n.test), visit(n.consequent), visit(n.alternate));
    if (n.type === 'MathCall') n.args.forEach(visit);
  };
  visit(parsed.ast);
  let out = text;
  for (const [s, e] of spans.sort((a, b) => b[0] - a[0])) out = out.slice(0, s) + to + out.slice(e);
  return out;
}
