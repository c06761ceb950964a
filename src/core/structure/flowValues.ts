import type { SourceRange } from './StructureGraph.ts';

/**
 * What a value depends on: node ids (`param:beta`, `state:S`, `action:action`, `submodule:ward`)
 * with the program text where each was read, so edges can point back at their code.
 */
export type Deps = Map<string, SourceRange[]>;

/** A function the analysis can step into: its AST node and the scope it was defined in. */
export interface FunctionRef<Node, Scope> {
  node: Node;
  scope: Scope;
  /** Declared name, for submodules; anonymous callbacks have none. */
  name?: string;
}

/**
 * The analysis' abstract value: the dependencies of a value, plus what is known of its shape —
 * properties of an object literal, which of step's inputs it is (so `state.S` names a variable),
 * or the function it holds.
 */
export interface FlowValue {
  deps: Deps;
  props?: Map<string, FlowValue>;
  ref?: 'state' | 'params' | 'rng';
  fn?: FunctionRef<unknown, unknown>;
}

/** A value that depends on nothing (literals, Math, rng). */
export function constant(): FlowValue {
  return { deps: new Map() };
}

/** A value read from node `id` at `range`. */
export function readOf(id: string, range: SourceRange): FlowValue {
  return { deps: new Map([[id, [range]]]) };
}

/** Adds `from`'s dependencies to `into`; true when `into` grew (the fixpoint's progress test). */
export function addDeps(into: Deps, from: Deps): boolean {
  let changed = false;
  for (const [id, ranges] of from) {
    const have = into.get(id);
    if (!have) {
      into.set(id, [...ranges]);
      changed = true;
      continue;
    }
    for (const r of ranges) {
      if (!have.some((h) => h.from === r.from && h.to === r.to)) {
        have.push(r);
        changed = true;
      }
    }
  }
  return changed;
}

/** A fresh value holding the dependencies of all `values` (their shapes are dropped). */
export function joinDeps(...parts: Deps[]): FlowValue {
  const deps: Deps = new Map();
  for (const p of parts) addDeps(deps, p);
  return { deps };
}

/** Merges `from` into `into` (dependencies, properties, refs, functions); true when `into` changed. */
export function mergeValue(into: FlowValue, from: FlowValue): boolean {
  let changed = addDeps(into.deps, from.deps);
  if (from.props) {
    into.props ??= new Map();
    for (const [k, v] of from.props) {
      const have = into.props.get(k);
      if (have) changed = mergeValue(have, v) || changed;
      else {
        into.props.set(k, copyValue(v));
        changed = true;
      }
    }
  }
  if (from.ref && !into.ref) {
    into.ref = from.ref;
    changed = true;
  }
  if (from.fn && !into.fn) {
    into.fn = from.fn;
    changed = true;
  }
  return changed;
}

/** A deep copy, so stored values never alias each other's maps. */
export function copyValue(v: FlowValue): FlowValue {
  const out: FlowValue = { deps: new Map([...v.deps].map(([k, r]) => [k, [...r]])) };
  if (v.props) out.props = new Map([...v.props].map(([k, p]) => [k, copyValue(p)]));
  if (v.ref) out.ref = v.ref;
  if (v.fn) out.fn = v.fn;
  return out;
}

/** `v` with extra dependencies (e.g. the conditions it was computed under). */
export function withDeps(v: FlowValue, extra: Deps): FlowValue {
  if (extra.size === 0) return v;
  const out = copyValue(v);
  addDeps(out.deps, extra);
  return out;
}
