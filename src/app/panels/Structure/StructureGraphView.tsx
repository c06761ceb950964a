import type { DrawnEdge, EdgeStatus, GraphLayout } from './layoutStructureGraph.ts';

/** Colours by node kind (fill is a tint, stroke the full colour). */
const KIND_COLOR: Record<string, string> = { param: '#3b6df0', state: '#18935c', submodule: '#8a5cf5', action: '#c77d0a' };
const EDGE_STYLE: Record<EdgeStatus, { stroke: string; dash?: string; width: number }> = {
  influence: { stroke: '#6b7280', width: 1.6 },
  match: { stroke: '#6b7280', width: 1.6 },
  extra: { stroke: '#e8870e', dash: '2 4', width: 2.2 },
  missing: { stroke: '#d93636', dash: '7 5', width: 2 },
  submodule: { stroke: '#b4a4e8', width: 1.1 },
};

export interface StructureGraphViewProps {
  layout: GraphLayout;
  /** The clicked node, if any. */
  selected: string | null;
  /** Nodes whose code the user selected in the code view. */
  linked: ReadonlySet<string>;
  onSelect(id: string | null): void;
}

function Edge({ e, dim }: { e: DrawnEdge; dim: boolean }) {
  const s = EDGE_STYLE[e.status];
  return (
    <path
      d={e.path}
      fill="none"
      stroke={s.stroke}
      strokeWidth={s.width}
      strokeDasharray={s.dash}
      markerEnd={`url(#structure-arrow-${e.status})`}
      opacity={dim ? 0.15 : 1}
      data-testid={`structure.edge.${e.from}->${e.to}`}
      data-status={e.status}
    >
      <title>{`${e.from.split(':')[1]} → ${e.to.split(':')[1]} (${e.status})`}</title>
    </path>
  );
}

/**
 * The structure graph as SVG: parameters and the action on the left, submodules in the middle, state
 * variables on the right, arrows for influence. Clicking a node selects it (its edges stay bright).
 */
export function StructureGraphView({ layout, selected, linked, onSelect }: StructureGraphViewProps) {
  const touches = (e: DrawnEdge, id: string) => e.from === id || e.to === id;
  const focus = selected;
  return (
    <svg
      className="structure-graph"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      // Small graphs are drawn larger (up to 1.6×), large ones shrink to the card, and a tall one (the
      // hospital's ground truth with 30+ missing edges) shrinks to the window rather than being cut off.
      style={{ width: '100%', maxWidth: layout.width * 1.6, height: 'auto', maxHeight: 'min(75vh, 760px)' }}
      role="group"
      aria-label="Structure graph of the simulator"
      data-testid="structure.graph"
      onClick={() => onSelect(null)}
    >
      <defs>
        {(Object.keys(EDGE_STYLE) as EdgeStatus[]).map((k) => (
          <marker key={k} id={`structure-arrow-${k}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={EDGE_STYLE[k].stroke} />
          </marker>
        ))}
      </defs>
      {layout.edges.map((e) => (
        <Edge key={e.id} e={e} dim={focus !== null && !touches(e, focus)} />
      ))}
      {layout.nodes.map((n) => {
        const color = KIND_COLOR[n.kind];
        const active = n.id === selected || linked.has(n.id);
        const dim = focus !== null && n.id !== focus && !layout.edges.some((e) => touches(e, focus) && touches(e, n.id));
        return (
          <g
            key={n.id}
            transform={`translate(${n.x - n.width / 2}, ${n.y - n.height / 2})`}
            className="structure-node"
            data-testid={`structure.node.${n.id}`}
            data-kind={n.kind}
            data-active={active ? 'true' : 'false'}
            opacity={dim ? 0.35 : 1}
            role="button"
            tabIndex={n.ghost ? -1 : 0}
            aria-pressed={n.id === selected}
            onClick={(ev) => {
              ev.stopPropagation();
              if (!n.ghost) onSelect(n.id === selected ? null : n.id);
            }}
            onKeyDown={(ev) => {
              if (ev.key === 'Enter' || ev.key === ' ') {
                ev.preventDefault();
                if (!n.ghost) onSelect(n.id === selected ? null : n.id);
              }
            }}
          >
            <title>{n.ghost ? `${n.name}: in the ground truth only` : `${n.kind} ${n.name}${n.fixed ? ' (fixed)' : ''}`}</title>
            <rect
              width={n.width}
              height={n.height}
              rx={n.kind === 'state' ? n.height / 2 : n.kind === 'submodule' ? 4 : 8}
              fill={n.ghost ? 'transparent' : `${color}22`}
              stroke={n.ghost ? '#d93636' : color}
              strokeWidth={active ? 3 : 1.5}
              strokeDasharray={n.ghost || n.fixed ? '4 3' : undefined}
            />
            <text x={n.width / 2} y={n.height / 2} dominantBaseline="central" textAnchor="middle" className="structure-node-label">
              {n.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The legend: node kinds and edge styles. */
export function StructureLegend({ scored }: { scored: boolean }) {
  const swatch = (k: string) => <span className="structure-swatch" style={{ borderColor: KIND_COLOR[k], background: `${KIND_COLOR[k]}22` }} />;
  const line = (s: EdgeStatus) => (
    <svg width="30" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="29" y2="5" stroke={EDGE_STYLE[s].stroke} strokeWidth={EDGE_STYLE[s].width} strokeDasharray={EDGE_STYLE[s].dash} />
    </svg>
  );
  return (
    <div className="structure-legend text-small muted" data-testid="structure.legend">
      <span>{swatch('param')} parameter</span>
      <span>{swatch('state')} state variable</span>
      <span>{swatch('submodule')} submodule</span>
      <span>{swatch('action')} action</span>
      <span>{line('influence')} influence</span>
      <span>{line('submodule')} submodule reads / feeds</span>
      {scored && <span>{line('missing')} missing (in the truth only)</span>}
      {scored && <span>{line('extra')} extra (not in the truth)</span>}
    </div>
  );
}
