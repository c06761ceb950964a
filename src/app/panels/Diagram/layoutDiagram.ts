import { Graph, layout } from '@dagrejs/dagre';
import type { Diagram } from '../../../core/diagram/Diagram.ts';
import { parseDiagramExpression } from '../../../core/diagram/diagramExpression.ts';

/** What a canvas node stands for. Flows are drawn as a valve on their pipe, as in Stella. */
export type DiagramNodeKind = 'stock' | 'flow' | 'cloud' | 'parameter' | 'auxiliary';

/** A node placed on the canvas (top-left x, y). */
export interface PlacedNode {
  id: string;
  kind: DiagramNodeKind;
  /** The diagram name it stands for (the flow's name for its clouds). */
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A pipe (stock/cloud ↔ valve, the material path) or an information link (what a rate reads). */
export interface PlacedEdge {
  id: string;
  source: string;
  target: string;
  kind: 'pipe' | 'info';
}

export interface DiagramLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

const SIZE: Record<DiagramNodeKind, [number, number]> = {
  stock: [112, 52],
  flow: [104, 30],
  cloud: [34, 26],
  parameter: [96, 28],
  auxiliary: [96, 28],
};

/** Node id of a diagram element. */
export const nodeId = (kind: DiagramNodeKind, name: string, end?: 'from' | 'to') => (kind === 'cloud' ? `cloud:${name}:${end}` : `${kind}:${name}`);

/**
 * Places the diagram with dagre, left to right along the pipes; parameters and auxiliaries sit before
 * what reads them. Stored positions (nodes the user dragged) win over the layout.
 */
export function layoutDiagram(d: Diagram): DiagramLayout {
  const g = new Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 56, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const nodes: Omit<PlacedNode, 'x' | 'y'>[] = [];
  const add = (kind: DiagramNodeKind, name: string, id = nodeId(kind, name)) => {
    const [width, height] = SIZE[kind];
    nodes.push({ id, kind, name, width, height });
    g.setNode(id, { width, height });
  };
  const edges: PlacedEdge[] = [];
  const link = (source: string, target: string, kind: PlacedEdge['kind'], id: string) => {
    if (!g.hasNode(source) || !g.hasNode(target)) return;
    edges.push({ id, source, target, kind });
    // A stock's level read by a rate is drawn but does not rank: parameters and auxiliaries stay before
    // the flows they feed instead of being pushed after the stocks.
    if (kind === 'info' && source.startsWith('stock:')) return;
    g.setEdge(source, target, { weight: kind === 'pipe' ? 4 : 1, minlen: 1 });
  };

  for (const s of d.stocks) add('stock', s.name);
  for (const p of d.parameters) add('parameter', p.name);
  for (const a of d.auxiliaries) add('auxiliary', a.name);
  for (const f of d.flows) {
    add('flow', f.name);
    const from = f.from !== null && d.stocks.some((s) => s.name === f.from) ? nodeId('stock', f.from) : nodeId('cloud', f.name, 'from');
    const to = f.to !== null && d.stocks.some((s) => s.name === f.to) ? nodeId('stock', f.to) : nodeId('cloud', f.name, 'to');
    if (from.startsWith('cloud:')) add('cloud', f.name, from);
    if (to.startsWith('cloud:')) add('cloud', f.name, to);
    link(from, nodeId('flow', f.name), 'pipe', `pipe:${f.name}:in`);
    link(nodeId('flow', f.name), to, 'pipe', `pipe:${f.name}:out`);
  }
  // Information links: which parameters, auxiliaries and stocks each rate and auxiliary reads.
  const readers: [string, string[]][] = [
    ...d.flows.map((f): [string, string[]] => [nodeId('flow', f.name), [f.rate, f.sd ?? '', f.dispersion ?? '']]),
    ...d.auxiliaries.map((a): [string, string[]] => [nodeId('auxiliary', a.name), [a.expression]]),
    ...d.stocks.filter((s) => s.conveyor).map((s): [string, string[]] => [nodeId('stock', s.name), [s.conveyor!.leadTime]]),
  ];
  for (const [target, texts] of readers) {
    const names = new Set(texts.flatMap((t) => {
      const parsed = t ? parseDiagramExpression(t) : null;
      return parsed?.ok ? parsed.names : [];
    }));
    for (const name of names) {
      const source = d.parameters.some((p) => p.name === name)
        ? nodeId('parameter', name)
        : d.auxiliaries.some((a) => a.name === name)
          ? nodeId('auxiliary', name)
          : d.stocks.some((s) => s.name === name)
            ? nodeId('stock', name)
            : null;
      if (source && source !== target && !g.hasEdge(source, target)) link(source, target, 'info', `info:${source}->${target}`);
    }
  }

  layout(g);
  const stored = new Map<string, { x: number; y: number }>();
  for (const s of d.stocks) if (s.position) stored.set(nodeId('stock', s.name), s.position);
  for (const p of d.parameters) if (p.position) stored.set(nodeId('parameter', p.name), p.position);
  for (const a of d.auxiliaries) if (a.position) stored.set(nodeId('auxiliary', a.name), a.position);
  const placed = nodes.map((n) => {
    const at = g.node(n.id);
    const pos = stored.get(n.id) ?? { x: at.x - n.width / 2, y: at.y - n.height / 2 };
    return { ...n, x: pos.x, y: pos.y };
  });
  const width = Math.max(200, ...placed.map((n) => n.x + n.width + 16));
  const height = Math.max(120, ...placed.map((n) => n.y + n.height + 16));
  return { nodes: placed, edges, width, height };
}
