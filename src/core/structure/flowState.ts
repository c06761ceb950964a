import { addDeps, copyValue, mergeValue, type Deps, type FlowValue, type FunctionRef } from './flowValues.ts';
import type { AstNode, CommentBlock, ProgramOutline } from './programOutline.ts';
import type { SourceRange } from './StructureGraph.ts';

/** A lexical scope: names to binding keys (the store holds the values). */
export interface Scope {
  vars: Map<string, string>;
  parent: Scope | null;
}

/** A function the analysis steps into. */
export type FnRef = FunctionRef<AstNode, Scope>;

/** A submodule in effect: values assigned under it carry `submodule:name`. */
export interface Marker {
  id: string;
  range: SourceRange;
}

/** One activation of a function (step, a helper, a callback). */
export interface Frame {
  scope: Scope;
  /** Call-context id: each call site of a helper gets its own bindings (context-sensitive). */
  ctx: string;
  /** Conditions in effect (if tests, loop heads, guards before an early exit). */
  control: Deps;
  marker?: Marker;
  /** What the function returns, joined over its return statements. */
  returns: FlowValue;
  /** The step function itself (its returns are the next state; its comment blocks apply). */
  isStep: boolean;
}

/** What a submodule is made of and what it uses. */
export interface SubmoduleInfo {
  name: string;
  kind: 'function' | 'block';
  ranges: SourceRange[];
  /** Dependencies of the values it computes. */
  reads: Deps;
}

/** The analysis state that persists across fixpoint passes. */
export interface Flow {
  outline: ProgramOutline;
  /** Binding key → value; grows monotonically, so repeated passes converge. */
  store: Map<string, FlowValue>;
  /** Set whenever the store, the step's returns or a submodule grew during a pass. */
  changed: boolean;
  /** step's returned value (joined over passes). */
  stepReturn: FlowValue;
  /** Ranges of `key: value` in step's returned object literals, by state variable. */
  writeRanges: Map<string, SourceRange[]>;
  /** Where each param/state/action node is read or declared. */
  nodeRanges: Map<string, SourceRange[]>;
  submodules: Map<string, SubmoduleInfo>;
  /** Functions being analysed now (recursion guard). */
  active: AstNode[];
  warnings: Set<string>;
  /** Steps into a function with argument values; injected to keep expression and statement code apart. */
  callFunction(fn: FnRef, args: FlowValue[], caller: Frame, call: AstNode): FlowValue;
}

/** A child scope. */
export function childScope(parent: Scope): Scope {
  return { vars: new Map(), parent };
}

/** Declares `name` (at declaration node `at`) in `scope`. */
export function declare(scope: Scope, ctx: string, name: string, at: AstNode): string {
  const key = `${ctx}|${at.start}|${name}`;
  scope.vars.set(name, key);
  return key;
}

/** The binding key of `name`, or null for a global (Math, Number, ...). */
export function lookup(scope: Scope, name: string): string | null {
  for (let s: Scope | null = scope; s; s = s.parent) {
    const key = s.vars.get(name);
    if (key) return key;
  }
  return null;
}

/** The value of a binding (a copy: callers may extend it). */
export function readBinding(flow: Flow, key: string): FlowValue {
  const v = flow.store.get(key);
  return v ? copyValue(v) : { deps: new Map() };
}

/** Joins `v`, plus the frame's conditions and submodule, into a binding. */
export function writeBinding(flow: Flow, frame: Frame, key: string, v: FlowValue): void {
  const value = underFrame(flow, frame, v);
  const have = flow.store.get(key);
  if (!have) {
    flow.store.set(key, value);
    flow.changed = true;
  } else if (mergeValue(have, value)) flow.changed = true;
}

/**
 * `v` as computed in `frame`: it also depends on the conditions in effect and, inside a submodule,
 * on that submodule, which in turn records what the value depended on.
 */
export function underFrame(flow: Flow, frame: Frame, v: FlowValue): FlowValue {
  const out = copyValue(v);
  addControl(out, frame.control);
  if (frame.marker) {
    const sub = flow.submodules.get(frame.marker.id.slice('submodule:'.length));
    if (sub && addDeps(sub.reads, allDeps(out))) flow.changed = true;
    addControl(out, new Map([[frame.marker.id, [frame.marker.range]]]));
  }
  return out;
}

/** Adds `deps` to a value and to every property it holds. */
export function addControl(v: FlowValue, deps: Deps): void {
  if (deps.size === 0) return;
  addDeps(v.deps, deps);
  if (v.props) for (const p of v.props.values()) addControl(p, deps);
}

/**
 * Everything a value depends on when it is used as a whole (in arithmetic, as an argument): its own
 * dependencies and its properties'. (Step's `state` and `params` carry `state:*` / `param:*`, which
 * member reads skip and whole-object uses keep.)
 */
export function allDeps(v: FlowValue): Deps {
  const out: Deps = new Map();
  addDeps(out, v.deps);
  if (v.props) for (const p of v.props.values()) addDeps(out, allDeps(p));
  return out;
}

/** Records where a node is read or declared. */
export function noteRange(flow: Flow, id: string, range: SourceRange): void {
  const have = flow.nodeRanges.get(id);
  if (!have) flow.nodeRanges.set(id, [range]);
  else if (!have.some((r) => r.from === range.from && r.to === range.to)) have.push(range);
}

/** The comment block of step's body that contains offset `at`, if any. */
export function blockAt(blocks: readonly CommentBlock[], at: number): CommentBlock | undefined {
  return blocks.find((b) => at >= b.from && at < b.to);
}
