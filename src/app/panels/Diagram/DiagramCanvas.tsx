import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
  type NodeProps,
  useReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { Diagram } from '../../../core/diagram/Diagram.ts';
import type { ElementKind, ElementRef } from './editDiagram.ts';
import type { DiagramLayout, DiagramNodeKind } from './layoutDiagram.ts';
import type { RolloutFrame } from './useRolloutAnimation.ts';

/** What a canvas node shows. */
interface NodeData extends Record<string, unknown> {
  kind: DiagramNodeKind;
  name: string;
  /** Second line: a stock's kind and level, a flow's law, a parameter's box. */
  detail: string;
  hasIssue: boolean;
  /** During a rollout animation: a stock's fill (0..1 of the largest level shown). */
  fill?: number;
}

type DiagramNode = Node<NodeData>;

function ElementNode({ data, selected }: NodeProps<DiagramNode>) {
  const { kind, name, detail, hasIssue, fill } = data;
  const connectable = kind === 'stock';
  return (
    <div
      className={`diagram-node ${kind}${selected ? ' selected' : ''}${hasIssue ? ' issue' : ''}`}
      data-testid={kind === 'cloud' ? undefined : `diagram.node.${kind}.${name}`}
      title={kind === 'cloud' ? 'outside the model' : `${kind} ${name}`}
      style={fill !== undefined ? ({ '--fill': `${Math.round(fill * 100)}%` } as CSSProperties) : undefined}
      data-animated={fill !== undefined ? 'true' : undefined}
    >
      <Handle type="target" position={Position.Left} isConnectable={connectable} className={connectable ? 'stock-handle' : 'hidden-handle'} />
      {kind === 'cloud' ? <span aria-hidden="true">☁</span> : <span className="diagram-node-name">{name}</span>}
      {detail && <span className="diagram-node-detail">{detail}</span>}
      <Handle type="source" position={Position.Right} isConnectable={connectable} className={connectable ? 'stock-handle' : 'hidden-handle'} />
    </div>
  );
}

const NODE_TYPES = { element: ElementNode };

/** Fits the view again when nodes are added or removed (new nodes would otherwise land off screen). */
function FitOnGrow({ count }: { count: number }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    // After xyflow has measured the new nodes.
    const id = requestAnimationFrame(() => requestAnimationFrame(() => void fitView({ padding: 0.15, maxZoom: 1.2 })));
    return () => cancelAnimationFrame(id);
  }, [count, fitView]);
  return null;
}

export interface DiagramCanvasProps {
  diagram: Diagram;
  layout: DiagramLayout;
  selected: ElementRef | null;
  /** Paths with errors or warnings, by element node id. */
  issueNodes: ReadonlySet<string>;
  readOnly: boolean;
  onSelect(ref: ElementRef | null): void;
  /** A drag from one stock's handle to another's. */
  onConnect(from: string, to: string): void;
  onDelete(ref: ElementRef): void;
  /** A node was dropped at a new top-left position. */
  onMove(ref: ElementRef, x: number, y: number): void;
  /** A rollout frame to show (levels on stocks, expected amounts on flows), or null. */
  frame: RolloutFrame | null;
}

function refOf(id: string): ElementRef | null {
  const [kind, name] = id.split(':');
  return kind === 'cloud' ? null : { kind: kind as ElementKind, name };
}

/** A stock's level and a flow's expected amount in a rollout frame. */
function animatedDetail(frame: RolloutFrame, kind: DiagramNodeKind, name: string): string {
  if (kind === 'stock') return name in frame.levels ? `${fmt(frame.levels[name])} · t ${frame.t}` : 'not observed';
  if (kind === 'flow') return Number.isFinite(frame.flows[name]) ? `≈ ${fmt(frame.flows[name])} / step` : 'in transit';
  return '';
}

function levelShare(frame: RolloutFrame, name: string): number {
  const max = Math.max(1e-9, ...Object.values(frame.levels).map(Math.abs));
  return Math.max(0, Math.min(1, (frame.levels[name] ?? 0) / max));
}

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(1) : x.toPrecision(2);
}

function detailOf(d: Diagram, kind: DiagramNodeKind, name: string): string {
  if (kind === 'stock') {
    const s = d.stocks.find((x) => x.name === name);
    return s ? `${s.conveyor ? 'conveyor' : s.kind} · ${s.initial}` : '';
  }
  if (kind === 'flow') return d.flows.find((x) => x.name === name)?.law ?? '';
  if (kind === 'parameter') {
    const p = d.parameters.find((x) => x.name === name);
    return p ? `[${p.min}, ${p.max}]${p.fixed ? ' fixed' : ''}` : '';
  }
  return '';
}

/**
 * The diagram on an xyflow canvas: stocks as boxes, flows as valves on their pipes (clouds for
 * "outside"), parameters and auxiliaries with dashed information links to what reads them. Dragging
 * from a stock's right handle to another stock draws a flow; Delete removes the selected element.
 */
export function DiagramCanvas({ diagram, layout, selected, issueNodes, readOnly, onSelect, onConnect, onDelete, onMove, frame }: DiagramCanvasProps) {
  const [dragging, setDragging] = useState<Record<string, { x: number; y: number }>>({});
  const selectedId = selected ? `${selected.kind}:${selected.name}` : null;

  const nodes: DiagramNode[] = useMemo(
    () =>
      layout.nodes.map((n) => ({
        id: n.id,
        type: 'element',
        position: dragging[n.id] ?? { x: n.x, y: n.y },
        data: {
          kind: n.kind,
          name: n.name,
          detail: frame ? animatedDetail(frame, n.kind, n.name) : detailOf(diagram, n.kind, n.name),
          hasIssue: issueNodes.has(n.id),
          ...(frame && n.kind === 'stock' ? { fill: levelShare(frame, n.name) } : {}),
        },
        selected: n.id === selectedId,
        draggable: !readOnly && n.kind !== 'cloud',
        selectable: n.kind !== 'cloud',
        deletable: !readOnly && n.kind !== 'cloud',
        style: { width: n.width, height: n.height },
      })),
    [layout, diagram, dragging, selectedId, issueNodes, readOnly, frame],
  );
  const maxFlow = frame ? Math.max(1e-9, ...Object.values(frame.flows).filter(Number.isFinite)) : 0;
  const edges: Edge[] = useMemo(
    () =>
      layout.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        selectable: false,
        className: `diagram-edge ${e.kind}`,
        ...(frame && e.kind === 'pipe' ? { style: { strokeWidth: 2 + 8 * ((frame.flows[e.id.split(':')[1]] ?? 0) || 0) / maxFlow } } : {}),
        ...(e.kind === 'pipe' && e.id.endsWith(':out') ? { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } } : {}),
        ...(e.kind === 'info' ? { markerEnd: { type: MarkerType.Arrow, width: 12, height: 12 } } : {}),
      })),
    [layout, frame, maxFlow],
  );

  const onNodesChange = (changes: NodeChange<DiagramNode>[]) => {
    for (const c of changes) {
      if (c.type === 'select' && c.selected) onSelect(refOf(c.id));
      if (c.type === 'position' && c.position) {
        const pos = c.position;
        if (c.dragging) setDragging((m) => ({ ...m, [c.id]: pos }));
      }
    }
  };

  return (
    <div className="diagram-canvas" data-testid="diagram.canvas" data-nodes={nodes.length} data-readonly={readOnly ? 'true' : 'false'}>
      <ReactFlow<DiagramNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onNodeClick={(_, n) => onSelect(refOf(n.id))}
        onPaneClick={() => onSelect(null)}
        onNodeDragStop={(_, n) => {
          const ref = refOf(n.id);
          setDragging((m) => {
            const { [n.id]: _drop, ...rest } = m;
            return rest;
          });
          if (ref && ref.kind !== 'flow') onMove(ref, Math.round(n.position.x), Math.round(n.position.y));
        }}
        onConnect={(c: Connection) => {
          const from = refOf(c.source);
          const to = refOf(c.target);
          if (from?.kind === 'stock' && to?.kind === 'stock' && from.name !== to.name) onConnect(from.name, to.name);
        }}
        onNodesDelete={(deleted) => {
          for (const n of deleted) {
            const ref = refOf(n.id);
            if (ref) onDelete(ref);
          }
        }}
        nodesConnectable={!readOnly}
        nodesDraggable={!readOnly}
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        connectionRadius={30}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1.2 }}
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} />
        <FitOnGrow count={nodes.length} />
      </ReactFlow>
    </div>
  );
}
