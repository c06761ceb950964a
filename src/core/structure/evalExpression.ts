import { addDeps, constant, copyValue, joinDeps, mergeValue, readOf, type Deps, type FlowValue } from './flowValues.ts';
import { allDeps, declare, lookup, noteRange, readBinding, writeBinding, type Flow, type Frame } from './flowState.ts';
import type { AstNode } from './programOutline.ts';

/** Array and collection methods that change their receiver: `pipeline.push(x)` makes pipeline depend on x. */
const MUTATORS = new Set(['push', 'unshift', 'splice', 'fill', 'set', 'add', 'sort', 'reverse', 'copyWithin']);

/** The abstract value of an expression: what it depends on and what is known of its shape. */
export function evalExpr(node: AstNode, frame: Frame, flow: Flow): FlowValue {
  switch (node.type) {
    case 'Literal':
    case 'ThisExpression':
    case 'Super':
    case 'MetaProperty':
    case 'ClassExpression':
      return constant();
    case 'Identifier':
      return identifier(node, frame, flow);
    case 'TemplateLiteral':
      return joinDeps(...node.expressions.map((e: AstNode) => use(e, frame, flow)));
    case 'TaggedTemplateExpression':
      return joinDeps(use(node.tag, frame, flow), ...node.quasi.expressions.map((e: AstNode) => use(e, frame, flow)));
    case 'ArrayExpression':
      return joinDeps(...node.elements.filter(Boolean).map((e: AstNode) => use(e.type === 'SpreadElement' ? e.argument : e, frame, flow)));
    case 'ObjectExpression':
      return objectLiteral(node, frame, flow);
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return { deps: new Map(), fn: { node, scope: frame.scope } };
    case 'UnaryExpression':
    case 'AwaitExpression':
    case 'YieldExpression':
    case 'SpreadElement':
      return node.argument ? joinDeps(use(node.argument, frame, flow)) : constant();
    case 'BinaryExpression':
    case 'LogicalExpression':
      return joinDeps(use(node.left, frame, flow), use(node.right, frame, flow));
    case 'ConditionalExpression': {
      const out = copyValue(evalExpr(node.consequent, frame, flow));
      mergeValue(out, evalExpr(node.alternate, frame, flow));
      addDeps(out.deps, use(node.test, frame, flow));
      return out;
    }
    case 'SequenceExpression':
      return node.expressions.map((e: AstNode) => evalExpr(e, frame, flow)).at(-1) ?? constant();
    case 'ChainExpression':
    case 'ParenthesizedExpression':
      return evalExpr(node.expression, frame, flow);
    case 'MemberExpression':
      return member(node, frame, flow);
    case 'AssignmentExpression': {
      let v = evalExpr(node.right, frame, flow);
      // `x += y` keeps x's own dependencies (they are in the store already); `x = y` replaces them,
      // but the store is flow-insensitive and joins both.
      if (node.operator !== '=') v = joinDeps(allDeps(v));
      assign(node.left, v, frame, flow);
      return v;
    }
    case 'UpdateExpression':
      assign(node.argument, constant(), frame, flow);
      return joinDeps(use(node.argument, frame, flow));
    case 'CallExpression':
    case 'NewExpression':
      return call(node, frame, flow);
    default:
      flow.warnings.add(`Unsupported syntax ${node.type} at line ${node.loc?.start.line}: its dependencies are ignored.`);
      return constant();
  }
}

/** The dependencies of an expression used as a whole (an operand, an argument, a condition). */
export function use(node: AstNode, frame: Frame, flow: Flow): Deps {
  return allDeps(evalExpr(node, frame, flow));
}

function identifier(node: AstNode, frame: Frame, flow: Flow): FlowValue {
  const key = lookup(frame.scope, node.name);
  return key ? readBinding(flow, key) : constant();
}

/** Static property name of `obj.name` / `obj['name']`, or null when computed at run time. */
function staticKey(node: AstNode): string | null {
  if (!node.computed) return node.property.type === 'Identifier' ? node.property.name : null;
  const p = node.property;
  if (p.type === 'Literal' && (typeof p.value === 'string' || typeof p.value === 'number')) return String(p.value);
  if (p.type === 'TemplateLiteral' && p.expressions.length === 0) return p.quasis[0].value.cooked;
  return null;
}

/** `params['base_prob_' + d]` reads every parameter named base_prob_…: the pattern `base_prob_*`. */
function keyPattern(p: AstNode): string {
  if (p.type === 'BinaryExpression' && p.operator === '+' && p.left.type === 'Literal' && typeof p.left.value === 'string') return `${p.left.value}*`;
  if (p.type === 'TemplateLiteral') return `${p.quasis[0].value.cooked}*`;
  return '*';
}

/** Reads property `key` of a value (member access or destructuring), noting reads of step's inputs. */
export function memberOf(obj: FlowValue, key: string, at: AstNode, flow: Flow): FlowValue {
  if (obj.ref === 'state' || obj.ref === 'params') {
    const id = `${obj.ref === 'state' ? 'state' : 'param'}:${key}`;
    const range = flow.outline.rangeOf(at.start, at.end);
    noteRange(flow, id, range);
    const out = readOf(id, range);
    const written = obj.props?.get(key);
    if (written) mergeValue(out, written);
    return out;
  }
  if (obj.ref === 'rng') return constant();
  const prop = obj.props?.get(key);
  if (prop) {
    const out = copyValue(prop);
    addDeps(out.deps, obj.deps);
    return out;
  }
  if (obj.props?.has('...state')) return memberOf({ deps: new Map(), ref: 'state' }, key, at, flow);
  return joinDeps(allDeps(obj));
}

function member(node: AstNode, frame: Frame, flow: Flow): FlowValue {
  const obj = evalExpr(node.object, frame, flow);
  const key = staticKey(node);
  if (key !== null) return memberOf(obj, key, node, flow);
  const keyDeps = use(node.property, frame, flow);
  if (obj.ref === 'state' || obj.ref === 'params') {
    const out = memberOf(obj, keyPattern(node.property), node, flow);
    addDeps(out.deps, keyDeps);
    return out;
  }
  return joinDeps(allDeps(obj), keyDeps);
}

function objectLiteral(node: AstNode, frame: Frame, flow: Flow): FlowValue {
  const out: FlowValue = { deps: new Map(), props: new Map() };
  for (const p of node.properties as AstNode[]) {
    if (p.type === 'SpreadElement') {
      const v = evalExpr(p.argument, frame, flow);
      if (v.ref === 'state') out.props!.set('...state', { deps: new Map() });
      else if (v.props) for (const [k, pv] of v.props) out.props!.set(k, copyValue(pv));
      else addDeps(out.deps, allDeps(v));
      continue;
    }
    const key = p.computed ? null : p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : null;
    const v = evalExpr(p.value, frame, flow);
    if (key === null) addDeps(out.deps, joinDeps(use(p.key, frame, flow), allDeps(v)).deps);
    else out.props!.set(key, v);
  }
  return out;
}

/** The variable an assignment target or mutated receiver is rooted at (`a` in `a.b[c].d`). */
function rootIdentifier(node: AstNode): AstNode | null {
  let n = node;
  while (n.type === 'MemberExpression') n = n.object;
  return n.type === 'Identifier' ? n : null;
}

/** Assigns `v` to a target (identifier, member, or destructuring pattern) under the frame's conditions. */
export function assign(target: AstNode, v: FlowValue, frame: Frame, flow: Flow, declaring = false): void {
  switch (target.type) {
    case 'Identifier': {
      const key = (declaring ? null : lookup(frame.scope, target.name)) ?? declare(frame.scope, frame.ctx, target.name, target);
      writeBinding(flow, frame, key, v);
      return;
    }
    case 'MemberExpression': {
      const root = rootIdentifier(target);
      const key = root && lookup(frame.scope, root.name);
      if (!key) return;
      const prop = target.object.type === 'Identifier' ? staticKey(target) : null;
      const extra = target.computed ? use(target.property, frame, flow) : new Map();
      const value = joinDeps(allDeps(v), extra);
      writeBinding(flow, frame, key, prop !== null ? { deps: new Map(), props: new Map([[prop, value]]) } : value);
      return;
    }
    case 'ObjectPattern':
      for (const p of target.properties as AstNode[]) {
        if (p.type === 'RestElement') assign(p.argument, joinDeps(allDeps(v)), frame, flow, declaring);
        else {
          const key = p.computed ? null : p.key.type === 'Identifier' ? p.key.name : String(p.key.value);
          const pv = key !== null ? memberOf(v, key, p.key, flow) : joinDeps(allDeps(v), use(p.key, frame, flow));
          assign(p.value, pv, frame, flow, declaring);
        }
      }
      return;
    case 'ArrayPattern':
      for (const e of target.elements as (AstNode | null)[]) if (e) assign(e.type === 'RestElement' ? e.argument : e, joinDeps(allDeps(v)), frame, flow, declaring);
      return;
    case 'AssignmentPattern': {
      const withDefault = copyValue(v);
      mergeValue(withDefault, evalExpr(target.right, frame, flow));
      assign(target.left, withDefault, frame, flow, declaring);
      return;
    }
    case 'RestElement':
      assign(target.argument, v, frame, flow, declaring);
      return;
  }
}

/** Callee forms: a known function is stepped into; anything else joins its inputs. */
function call(node: AstNode, frame: Frame, flow: Flow): FlowValue {
  const args = (node.arguments as AstNode[]).map((a) => evalExpr(a.type === 'SpreadElement' ? a.argument : a, frame, flow));
  const callee = node.callee;
  if (callee.type === 'MemberExpression') {
    const receiver = evalExpr(callee.object, frame, flow);
    const out = joinDeps(...args.filter((a) => !a.fn).map(allDeps));
    if (receiver.ref !== 'rng') addDeps(out.deps, allDeps(receiver));
    // Callbacks (`xs.map((d) => ...)`) see the receiver's elements and contribute what they return.
    const element = joinDeps(allDeps(receiver));
    for (const a of args) if (a.fn) addDeps(out.deps, allDeps(flow.callFunction(a.fn as never, [element, constant(), element], frame, node)));
    const method = staticKey(callee);
    const root = rootIdentifier(callee.object);
    if (method && MUTATORS.has(method) && root && lookup(frame.scope, root.name)) assign(root, joinDeps(...args.map(allDeps)), frame, flow);
    return out;
  }
  const fn = evalExpr(callee, frame, flow);
  if (fn.fn && node.type === 'CallExpression') return flow.callFunction(fn.fn as never, args, frame, node);
  return joinDeps(allDeps(fn), ...args.map(allDeps));
}
