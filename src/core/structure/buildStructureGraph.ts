import { allDeps, type Flow } from './flowState.ts';
import { addDeps, type Deps, type FlowValue } from './flowValues.ts';
import { nodeId, type SourceRange, type StructureEdge, type StructureEdgeKind, type StructureGraph, type StructureNode } from './StructureGraph.ts';

/** Turns the analysis' final state into nodes and edges with their source ranges. */
export function buildStructureGraph(flow: Flow, knownState: readonly string[]): StructureGraph {
  const warnings = [...flow.warnings];
  const ret = flow.stepReturn;
  const written = new Map<string, FlowValue>();
  for (const [k, v] of ret.props ?? []) if (k !== '...state') written.set(k, v);

  const stateNames = new Set<string>();
  const paramNames = new Set(flow.outline.parameters.map((p) => p.name));
  for (const id of flow.nodeRanges.keys()) {
    const [kind, name] = splitId(id);
    if (name.endsWith('*')) continue;
    if (kind === 'state') stateNames.add(name);
    if (kind === 'param') paramNames.add(name);
  }
  for (const k of written.keys()) stateNames.add(k);
  for (const k of knownState) stateNames.add(k);

  // `{...state, S: x}` or `return state` after `state.S = x`: the other variables carry over.
  if (ret.props?.has('...state') || ret.ref === 'state') {
    for (const s of stateNames) if (!written.has(s)) written.set(s, { deps: new Map([[`state:${s}`, flow.nodeRanges.get(`state:${s}`)?.slice(0, 1) ?? []]]) });
  }
  if (flow.outline.step && !ret.props && !ret.ref) {
    warnings.push('step returns a value whose keys the analysis cannot follow (return an object literal such as `{ S, I, R }`), so no written variables are shown.');
  }

  const expand = (deps: Deps): Deps => {
    const out: Deps = new Map();
    for (const [id, ranges] of deps) {
      const [kind, name] = splitId(id);
      if (!name.endsWith('*') || (kind !== 'state' && kind !== 'param')) {
        addDeps(out, new Map([[id, ranges]]));
        continue;
      }
      const prefix = name.slice(0, -1);
      for (const n of kind === 'state' ? stateNames : paramNames) if (n.startsWith(prefix)) addDeps(out, new Map([[`${kind}:${n}`, ranges]]));
    }
    return out;
  };

  const edges = new Map<string, StructureEdge>();
  const addEdge = (from: string, to: string, kind: StructureEdgeKind, ranges: readonly SourceRange[]) => {
    const key = `${from}->${to}`;
    const e = edges.get(key) ?? { from, to, kind, ranges: [] };
    for (const r of ranges) if (!e.ranges.some((x) => x.from === r.from && x.to === r.to)) e.ranges.push(r);
    edges.set(key, e);
  };
  const isInput = (id: string) => /^(param|state|action):/.test(id);

  for (const [name, v] of written) {
    const to = nodeId('state', name);
    const writeRanges = flow.writeRanges.get(name) ?? [];
    for (const [from, ranges] of expand(allDeps(v))) {
      if (isInput(from)) addEdge(from, to, 'influence', [...ranges, ...writeRanges]);
      else if (from.startsWith('submodule:')) addEdge(from, to, 'feeds', writeRanges);
    }
  }
  const usedSubs = [...flow.submodules.values()].filter((s) => s.kind === 'function' || s.reads.size > 0);
  for (const s of usedSubs) {
    const to = nodeId('submodule', s.name);
    for (const [from, ranges] of expand(s.reads)) {
      if (isInput(from)) addEdge(from, to, 'reads', ranges);
      else if (from.startsWith('submodule:') && from !== to) addEdge(from, to, 'feeds', []);
    }
  }

  const ranges = (id: string) => sortRanges(flow.nodeRanges.get(id) ?? []);
  const nodes: StructureNode[] = [];
  for (const name of paramNames) {
    const decl = flow.outline.parameters.find((p) => p.name === name);
    const node: StructureNode = { id: nodeId('param', name), kind: 'param', name, ranges: sortRanges([...(decl ? [decl.range] : []), ...ranges(`param:${name}`)]) };
    if (decl?.fixed) node.fixed = true;
    if (!decl) node.undeclared = true;
    nodes.push(node);
  }
  const states = [...stateNames].sort((a, b) => firstOffset(ranges(`state:${a}`)) - firstOffset(ranges(`state:${b}`)));
  for (const name of states) nodes.push({ id: nodeId('state', name), kind: 'state', name, ranges: ranges(`state:${name}`) });
  if ([...edges.values()].some((e) => e.from === 'action:action')) nodes.push({ id: 'action:action', kind: 'action', name: 'action', ranges: ranges('action:action') });
  for (const s of usedSubs) nodes.push({ id: nodeId('submodule', s.name), kind: 'submodule', name: s.name, ranges: sortRanges(s.ranges), submodule: s.kind });

  const ids = new Set(nodes.map((n) => n.id));
  const kept = [...edges.values()].filter((e) => ids.has(e.from) && ids.has(e.to));
  for (const e of kept) e.ranges = sortRanges(e.ranges);
  return { nodes, edges: kept, warnings };
}

function splitId(id: string): [string, string] {
  const i = id.indexOf(':');
  return [id.slice(0, i), id.slice(i + 1)];
}

function sortRanges(rs: SourceRange[]): SourceRange[] {
  return [...rs].sort((a, b) => a.from - b.from);
}

function firstOffset(rs: readonly SourceRange[]): number {
  return rs.length ? rs[0].from : Infinity;
}
