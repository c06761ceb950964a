import { Graph, layout } from '@dagrejs/dagre';
import type { BenchmarkStructureScore } from '../../../core/structure/scoreStructure.ts';
import type { StructureGraph, StructureNodeKind } from '../../../core/structure/StructureGraph.ts';

/** A node placed on the canvas (centre x, y). `ghost` nodes exist only in the truth. */
export interface DrawnNode {
  id: string;
  kind: StructureNodeKind;
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  ghost: boolean;
  fixed: boolean;
}

/**
 * How an edge is drawn: `influence` (unscored or no truth), `match` (also in the truth), `extra`
 * (not in the truth), `missing` (in the truth only), `submodule` (reads/feeds of a submodule).
 */
export type EdgeStatus = 'influence' | 'match' | 'extra' | 'missing' | 'submodule';

export interface DrawnEdge {
  id: string;
  from: string;
  to: string;
  status: EdgeStatus;
  /** SVG path data. */
  path: string;
}

export interface GraphLayout {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  width: number;
  height: number;
}

const NODE_HEIGHT = 30;
/** Inputs left, submodules in the middle, state variables right: influence reads left to right. */
const COLUMN: Record<StructureNodeKind, number> = { param: 0, action: 0, submodule: 1, state: 2 };
const COLUMN_GAP = 150;
const MARGIN = 24;
/** Vertical gap between nodes of a column: room for the self-loops drawn above each node. */
const ROW_GAP = 36;
/** Room right of the state column for state → state arcs and self-loops. */
const ARC_ROOM = 90;

const nodeWidth = (name: string) => Math.max(56, 16 + name.length * 7.5);

/**
 * Places the graph: dagre orders the nodes within their column to keep edges from crossing, and the
 * columns are fixed by kind (parameters and action, submodules, state variables). With a benchmark
 * score, each influence edge is tagged match / extra, and the truth's missing edges are added (with
 * ghost nodes for truth variables the program does not have).
 */
export function layoutStructureGraph(graph: StructureGraph, score: BenchmarkStructureScore | null): GraphLayout {
  const nodes = new Map<string, Omit<DrawnNode, 'x' | 'y'>>();
  for (const n of graph.nodes) nodes.set(n.id, { id: n.id, kind: n.kind, name: n.name, width: nodeWidth(n.name), height: NODE_HEIGHT, ghost: false, fixed: !!n.fixed });

  const edges: Omit<DrawnEdge, 'path'>[] = [];
  const truthToCandidate = new Map<string, string>();
  if (score) for (const [c, t] of Object.entries(score.matched)) if (!truthToCandidate.has(t)) truthToCandidate.set(t, c);
  const pairKey = (a: string, b: string) => `${a}>${b}`;
  const truthSet = new Set(score?.truth.map((e) => pairKey(e.from, e.to)));
  const extraSet = new Set(score?.extra.map((e) => pairKey(e.from, e.to)));
  const seen = new Set<string>();
  for (const e of graph.edges) {
    let status: EdgeStatus = e.kind === 'influence' ? 'influence' : 'submodule';
    if (score && e.kind === 'influence') {
      const k = pairKey(score.matched[e.from] ?? e.from, score.matched[e.to] ?? e.to);
      status = truthSet.has(k) ? 'match' : extraSet.has(k) ? 'extra' : 'influence';
    }
    seen.add(pairKey(e.from, e.to));
    edges.push({ id: `${e.from}->${e.to}`, from: e.from, to: e.to, status });
  }
  if (score) {
    const local = (truthId: string) => {
      const id = truthToCandidate.get(truthId);
      if (id && nodes.has(id)) return id;
      const ghost = `ghost:${truthId}`;
      const [kind, name] = [truthId.slice(0, truthId.indexOf(':')), truthId.slice(truthId.indexOf(':') + 1)];
      if (!nodes.has(ghost)) nodes.set(ghost, { id: ghost, kind: kind as StructureNodeKind, name, width: nodeWidth(name), height: NODE_HEIGHT, ghost: true, fixed: false });
      return ghost;
    };
    for (const m of score.missing) {
      const [from, to] = [local(m.from), local(m.to)];
      edges.push({ id: `missing:${from}->${to}`, from, to, status: 'missing' });
    }
    // Extra edges that exist only through hidden state (projected) are drawn too.
    for (const x of score.extra) {
      const from = truthToCandidate.get(x.from) ?? x.from;
      const to = truthToCandidate.get(x.to) ?? x.to;
      if (nodes.has(from) && nodes.has(to) && !seen.has(pairKey(from, to))) edges.push({ id: `extra:${from}->${to}`, from, to, status: 'extra' });
    }
  }

  // dagre orders nodes within ranks; same-column edges (state → state) would fold the ranks, so
  // they are left out of the ordering and drawn as arcs beside the state column.
  const g = new Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: COLUMN_GAP, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes.values()) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of edges) if (COLUMN[nodes.get(e.from)!.kind] < COLUMN[nodes.get(e.to)!.kind]) g.setEdge(e.from, e.to);
  layout(g);

  const columns = new Map<number, { id: string; y: number }[]>();
  for (const n of nodes.values()) {
    const c = COLUMN[n.kind];
    columns.set(c, [...(columns.get(c) ?? []), { id: n.id, y: g.node(n.id).y }]);
  }
  const used = [...columns.keys()].sort();
  const widest = (c: number) => Math.max(...columns.get(c)!.map((x) => nodes.get(x.id)!.width));
  const placed = new Map<string, DrawnNode>();
  let x = MARGIN;
  let height = 0;
  for (const c of used) {
    const col = columns.get(c)!.sort((a, b) => a.y - b.y);
    const w = widest(c);
    col.forEach((item, i) => {
      const n = nodes.get(item.id)!;
      const y = MARGIN + ROW_GAP + NODE_HEIGHT / 2 + i * (NODE_HEIGHT + ROW_GAP);
      placed.set(n.id, { ...n, x: x + w / 2, y });
      height = Math.max(height, y + NODE_HEIGHT / 2 + MARGIN);
    });
    x += w + COLUMN_GAP;
  }
  // Centre shorter columns against the tallest one.
  for (const c of used) {
    const col = columns.get(c)!;
    const bottom = Math.max(...col.map((i) => placed.get(i.id)!.y)) + NODE_HEIGHT / 2 + MARGIN;
    const shift = (height - bottom) / 2;
    for (const i of col) placed.get(i.id)!.y += shift;
  }
  let width = x - COLUMN_GAP + ARC_ROOM + MARGIN;
  for (const e of edges) {
    const [a, b] = [placed.get(e.from)!, placed.get(e.to)!];
    if (a !== b && COLUMN[a.kind] === COLUMN[b.kind]) width = Math.max(width, arcOut(a, b) + MARGIN);
  }
  return { nodes: [...placed.values()], edges: edges.map((e) => ({ ...e, path: edgePath(placed.get(e.from)!, placed.get(e.to)!) })), width, height };
}

/** How far right an arc between two nodes of one column reaches. */
function arcOut(a: DrawnNode, b: DrawnNode): number {
  return Math.max(a.x + a.width / 2, b.x + b.width / 2) + 18 + Math.abs(b.y - a.y) * 0.32 + (b.y > a.y ? 8 : 0);
}

function edgePath(a: DrawnNode, b: DrawnNode): string {
  if (a.id === b.id) {
    // A loop above the node, clear of the arcs beside the column.
    const top = a.y - a.height / 2;
    return `M ${a.x - 9} ${top} C ${a.x - 26} ${top - 32}, ${a.x + 26} ${top - 32}, ${a.x + 9} ${top}`;
  }
  if (COLUMN[a.kind] === COLUMN[b.kind]) {
    // An arc beside the column, wider for nodes further apart; leaving above and arriving below the
    // middle keeps a pair of opposite edges apart.
    const ra = a.x + a.width / 2;
    const rb = b.x + b.width / 2;
    const out = arcOut(a, b);
    return `M ${ra} ${a.y - 5} C ${out} ${a.y - 5}, ${out} ${b.y + 5}, ${rb} ${b.y + 5}`;
  }
  const [from, to] = COLUMN[a.kind] < COLUMN[b.kind] ? [a, b] : [b, a];
  const x1 = from.x + from.width / 2;
  const x2 = to.x - to.width / 2;
  const mid = (x1 + x2) / 2;
  const path = `M ${x1} ${from.y} C ${mid} ${from.y}, ${mid} ${to.y}, ${x2} ${to.y}`;
  return from === a ? path : `M ${x2} ${to.y} C ${mid} ${to.y}, ${mid} ${from.y}, ${x1} ${from.y}`;
}
