import type { Diagram } from '../../../core/diagram/Diagram.ts';
import type { DiagramLayout, PlacedNode } from './layoutDiagram.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The diagram as a standalone SVG document (for export): the same layout as the canvas, drawn with
 * plain shapes (stock boxes, valves, clouds, parameter and auxiliary pills, pipes and dashed links).
 */
export function diagramSvg(d: Diagram, layout: DiagramLayout): string {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const centre = (n: PlacedNode) => [n.x + n.width / 2, n.y + n.height / 2];
  const edges = layout.edges.map((e) => {
    const a = byId.get(e.source)!;
    const b = byId.get(e.target)!;
    const [x1, y1] = [a.x + a.width, centre(a)[1]];
    const [x2, y2] = [b.x, centre(b)[1]];
    const mx = (x1 + x2) / 2;
    const path = `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
    return e.kind === 'pipe'
      ? `<path d="${path}" fill="none" stroke="#345" stroke-width="3"${e.id.endsWith(':out') ? ' marker-end="url(#arrow)"' : ''}/>`
      : `<path d="${path}" fill="none" stroke="#889" stroke-width="1" stroke-dasharray="4 3" marker-end="url(#link)"/>`;
  });
  const nodes = layout.nodes.map((n) => {
    const [cx, cy] = centre(n);
    const label = (text: string, dy = 0, size = 13, weight = 600) =>
      `<text x="${cx}" y="${cy + dy}" text-anchor="middle" dominant-baseline="middle" font-size="${size}" font-weight="${weight}" font-family="system-ui, sans-serif" fill="#123">${escape(text)}</text>`;
    switch (n.kind) {
      case 'stock': {
        const s = d.stocks.find((x) => x.name === n.name);
        return `<rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="4" fill="#e8f0fb" stroke="#345" stroke-width="1.5"${s?.conveyor ? ' stroke-dasharray="6 3"' : ''}/>${label(n.name, -7)}${label(`${s?.conveyor ? 'conveyor' : s?.kind} · ${s?.initial}`, 11, 10, 400)}`;
      }
      case 'flow': {
        const f = d.flows.find((x) => x.name === n.name);
        return `<path d="M${cx - 8},${cy - 8} L${cx + 8},${cy + 8} M${cx + 8},${cy - 8} L${cx - 8},${cy + 8}" stroke="#345" stroke-width="2"/>${label(n.name, -14, 12)}${label(f?.law ?? '', 15, 10, 400)}`;
      }
      case 'cloud':
        return `<ellipse cx="${cx}" cy="${cy}" rx="${n.width / 2}" ry="${n.height / 2}" fill="#fff" stroke="#889" stroke-dasharray="3 2"/>`;
      case 'parameter':
        return `<rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="${n.height / 2}" fill="#fff6e0" stroke="#b80" stroke-width="1"/>${label(n.name, 0, 12, 500)}`;
      case 'auxiliary':
        return `<rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="${n.height / 2}" fill="#eef8ee" stroke="#485" stroke-width="1"/>${label(n.name, 0, 12, 500)}`;
    }
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(layout.width)}" height="${Math.ceil(layout.height)}" viewBox="0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}">`,
    `<title>${escape(d.name ?? 'Stock-and-flow diagram')}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#345"/></marker>',
    '<marker id="link" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10" fill="none" stroke="#889"/></marker></defs>',
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...edges,
    ...nodes,
    '</svg>',
  ].join('\n');
}
