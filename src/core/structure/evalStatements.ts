import { addDeps, constant, copyValue, joinDeps, mergeValue, type Deps, type FlowValue } from './flowValues.ts';
import { assign, evalExpr, use } from './evalExpression.ts';
import { blockAt, childScope, declare, noteRange, underFrame, writeBinding, type Flow, type FnRef, type Frame, type Scope } from './flowState.ts';
import type { AstNode } from './programOutline.ts';

/** Helpers nested deeper than this are not stepped into (their inputs are joined instead). */
const MAX_CALL_DEPTH = 8;

/** Evaluates a statement list in `scope` (hoisting its function declarations first). */
export function evalStatements(list: readonly AstNode[], frame: Frame, flow: Flow): void {
  hoist(list, frame, flow);
  const saved = frame.control;
  for (const stmt of list) {
    evalStatement(stmt, frame, flow);
    // After `if (guard) return …;` (or continue / break / throw) the rest runs only when the guard
    // failed, so it depends on the guard too.
    if (stmt.type === 'IfStatement' && (mayExit(stmt.consequent) || (stmt.alternate && mayExit(stmt.alternate)))) {
      frame.control = joinDeps(frame.control, use(stmt.test, frame, flow)).deps;
    }
  }
  frame.control = saved;
}

function hoist(list: readonly AstNode[], frame: Frame, flow: Flow): void {
  for (const stmt of list) {
    if (stmt.type === 'FunctionDeclaration' && stmt.id) {
      const key = declare(frame.scope, frame.ctx, stmt.id.name, stmt.id);
      writeBinding(flow, { ...frame, control: new Map(), marker: undefined }, key, { deps: new Map(), fn: { node: stmt, scope: frame.scope, name: stmt.id.name } });
    }
  }
}

/** True when a statement may leave its block early (not counting nested functions). */
function mayExit(node: AstNode | null | undefined): boolean {
  if (!node || typeof node !== 'object') return false;
  if (/^(Return|Break|Continue|Throw)Statement$/.test(node.type)) return true;
  if (/Function/.test(node.type)) return false;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'loc' || k === 'type') continue;
    if (Array.isArray(v) ? v.some((c) => c && typeof c.type === 'string' && mayExit(c)) : v && typeof v === 'object' && typeof v.type === 'string' && mayExit(v)) return true;
  }
  return false;
}

/** Runs `body` with extra conditions in effect. */
function under(frame: Frame, extra: Deps, body: () => void): void {
  const saved = frame.control;
  frame.control = joinDeps(saved, extra).deps;
  body();
  frame.control = saved;
}

function inScope(frame: Frame, body: (f: Frame) => void): void {
  const saved = frame.scope;
  frame.scope = childScope(saved);
  body(frame);
  frame.scope = saved;
}

/** One statement of a function body. */
export function evalStatement(stmt: AstNode, frame: Frame, flow: Flow): void {
  const saved = frame.marker;
  if (frame.isStep) {
    // Inside step, a `// --- name` block is a submodule of what it computes.
    const block = blockAt(flow.outline.blocks, stmt.start);
    if (block && stmt.type !== 'ReturnStatement') frame.marker = { id: `submodule:${block.name}`, range: block.range };
  }
  evalPlain(stmt, frame, flow);
  frame.marker = saved;
}

function evalPlain(stmt: AstNode, frame: Frame, flow: Flow): void {
  switch (stmt.type) {
    case 'ExpressionStatement':
      evalExpr(stmt.expression, frame, flow);
      return;
    case 'VariableDeclaration':
      for (const d of stmt.declarations as AstNode[]) {
        const v = d.init ? evalExpr(d.init, frame, flow) : constant();
        // `const ward = (...) => ...` names a helper: calling it makes a submodule.
        if (v.fn && d.id.type === 'Identifier') v.fn = { ...(v.fn as FnRef), name: d.id.name };
        assign(d.id, v, frame, flow, true);
      }
      return;
    case 'BlockStatement':
      inScope(frame, () => evalStatements(stmt.body, frame, flow));
      return;
    case 'IfStatement': {
      const test = use(stmt.test, frame, flow);
      under(frame, test, () => {
        evalStatement(stmt.consequent, frame, flow);
        if (stmt.alternate) evalStatement(stmt.alternate, frame, flow);
      });
      return;
    }
    case 'ForStatement':
      inScope(frame, () => {
        if (stmt.init?.type === 'VariableDeclaration') evalStatement(stmt.init, frame, flow);
        else if (stmt.init) evalExpr(stmt.init, frame, flow);
        under(frame, stmt.test ? use(stmt.test, frame, flow) : new Map(), () => {
          evalStatement(stmt.body, frame, flow);
          if (stmt.update) evalExpr(stmt.update, frame, flow);
        });
      });
      return;
    case 'ForOfStatement':
    case 'ForInStatement':
      inScope(frame, () => {
        const iterable = use(stmt.right, frame, flow);
        under(frame, iterable, () => {
          const left = stmt.left.type === 'VariableDeclaration' ? stmt.left.declarations[0].id : stmt.left;
          assign(left, joinDeps(iterable), frame, flow, stmt.left.type === 'VariableDeclaration');
          evalStatement(stmt.body, frame, flow);
        });
      });
      return;
    case 'WhileStatement':
    case 'DoWhileStatement':
      under(frame, use(stmt.test, frame, flow), () => evalStatement(stmt.body, frame, flow));
      return;
    case 'SwitchStatement': {
      const d = use(stmt.discriminant, frame, flow);
      under(frame, d, () => {
        for (const c of stmt.cases as AstNode[]) under(frame, c.test ? use(c.test, frame, flow) : new Map(), () => evalStatements(c.consequent, frame, flow));
      });
      return;
    }
    case 'ReturnStatement': {
      const v = stmt.argument ? evalExpr(stmt.argument, frame, flow) : constant();
      mergeValue(frame.returns, underFrame(flow, frame, v));
      if (frame.isStep && stmt.argument?.type === 'ObjectExpression') noteWrites(stmt.argument, flow);
      return;
    }
    case 'TryStatement':
      evalStatement(stmt.block, frame, flow);
      if (stmt.handler) {
        inScope(frame, () => {
          if (stmt.handler.param) assign(stmt.handler.param, constant(), frame, flow, true);
          evalStatement(stmt.handler.body, frame, flow);
        });
      }
      if (stmt.finalizer) evalStatement(stmt.finalizer, frame, flow);
      return;
    case 'ThrowStatement':
      evalExpr(stmt.argument, frame, flow);
      return;
    case 'LabeledStatement':
      evalStatement(stmt.body, frame, flow);
      return;
    default:
      return; // break, continue, empty, debugger, function declarations (hoisted), classes
  }
}

/** Notes where each key of a returned object literal is written (its edges point there). */
function noteWrites(obj: AstNode, flow: Flow): void {
  for (const p of obj.properties as AstNode[]) {
    if (p.type !== 'Property' || p.computed) continue;
    const name = p.key.type === 'Identifier' ? p.key.name : String(p.key.value);
    const range = flow.outline.rangeOf(p.start, p.end);
    const have = flow.writeRanges.get(name) ?? [];
    if (!have.some((r) => r.from === range.from)) have.push(range);
    flow.writeRanges.set(name, have);
    noteRange(flow, `state:${name}`, range);
  }
}

/**
 * Steps into a function with argument values. Each call site gets its own bindings, so two calls of
 * `ward(...)` with different wards do not mix. A named helper is a submodule: what it computes
 * carries `submodule:name`. Recursion and deep nesting fall back to joining the inputs.
 */
export function callFunction(fn: FnRef, args: FlowValue[], caller: Frame, call: AstNode, flow: Flow): FlowValue {
  const node = fn.node;
  if (flow.active.includes(node) || flow.active.length >= MAX_CALL_DEPTH) return joinDeps(caller.control, ...args.map((a) => a.deps));
  const frame: Frame = {
    scope: childScope(fn.scope as Scope),
    ctx: `${caller.ctx}>${call.start}`,
    control: new Map(caller.control),
    marker: caller.marker,
    returns: { deps: new Map() },
    isStep: false,
  };
  if (fn.name) {
    const range = flow.outline.rangeOf(node.start, node.end);
    let sub = flow.submodules.get(fn.name);
    if (!sub) flow.submodules.set(fn.name, (sub = { name: fn.name, kind: 'function', ranges: [range], reads: new Map() }));
    const callRange = flow.outline.rangeOf(call.start, call.end);
    if (!sub.ranges.some((r) => r.from === callRange.from)) sub.ranges.push(callRange);
    frame.marker = { id: `submodule:${fn.name}`, range: callRange };
  }
  flow.active.push(node);
  (node.params as AstNode[]).forEach((p, i) => assign(p, args[i] ?? constant(), frame, flow, true));
  if (node.body.type === 'BlockStatement') evalStatements(node.body.body, frame, flow);
  else mergeValue(frame.returns, underFrame(flow, frame, evalExpr(node.body, frame, flow)));
  flow.active.pop();
  return copyValue(frame.returns);
}
