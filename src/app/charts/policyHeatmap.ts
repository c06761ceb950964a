import type { PolicySearchResult } from '../../core/interventions/policySearch.ts';
import type { PlotLayout, PlotTrace } from '../lib/plotly.ts';

type Chart = { data: PlotTrace[]; layout: PlotLayout };

/** A marked cell: where the optimum (or the model's choice) lies on the heatmap. */
export interface HeatmapMark {
  x: number;
  y: number;
  label: string;
  symbol: 'star' | 'x';
}

/**
 * A heatmap of a policy search's expected cost: knob x across, knob y up, cells not run (cancelled)
 * left blank; marks drawn on top (the optimum as a star; on the truth's map also the model's choice).
 * Both maps of a comparison share `zRange`, so equal colours mean equal costs. Cells show their values.
 */
export function policyHeatmap(r: PolicySearchResult, marks: HeatmapMark[], zRange?: [number, number]): Chart {
  // Plotly wants z[row][col] = z[y][x]; the search holds mean[i][j] = mean[x][y].
  const z = r.yValues.map((_, j) => r.xValues.map((_, i) => (Number.isFinite(r.mean[i][j]) ? r.mean[i][j] : null)));
  const data: PlotTrace[] = [
    {
      type: 'heatmap', x: r.xValues.map(String), y: r.yValues.map(String), z, colorscale: 'YlGnBu', reversescale: true,
      colorbar: { title: { text: 'cost', side: 'right' }, thickness: 12 },
      hovertemplate: `${r.xName} %{x}<br>${r.yName} %{y}<br>cost %{z:.4g}<extra></extra>`,
      // Each cell carries its value (3 significant digits), for slides and for reading without hovering.
      texttemplate: Math.max(...z.flat().map((v) => Math.abs(v ?? 0))) >= 1000 ? '%{z:,.0f}' : '%{z:.3g}', textfont: { size: 10 },
      ...(zRange ? { zmin: zRange[0], zmax: zRange[1] } : {}),
    },
    ...marks.map((m) => ({
      type: 'scatter', mode: 'markers+text', x: [String(m.x)], y: [String(m.y)], text: [m.label], textposition: 'top center',
      textfont: { color: '#c9372c', size: 11 }, marker: { symbol: m.symbol, size: 16, color: '#c9372c', line: { color: '#ffffff', width: 1.5 } },
      name: m.label, hoverinfo: 'name', meta: m.symbol === 'star' ? 'optimum' : 'choice',
    })),
  ];
  return {
    data,
    layout: {
      showlegend: false, hovermode: 'closest', margin: { l: 56, r: 8, t: 8, b: 44 },
      xaxis: { title: { text: r.xName }, type: 'category' }, yaxis: { title: { text: r.yName }, type: 'category' },
    },
  };
}

/** The common colour range of several cost matrices (finite cells only); undefined when none ran. */
export function sharedCostRange(results: (PolicySearchResult | null)[]): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of results) for (const row of r?.mean ?? []) for (const v of row) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  return lo <= hi ? [lo, hi] : undefined;
}

/**
 * Whether an optimum lies on the edge of its grid (first or last value of a knob): the true optimum
 * may then lie outside the values tried, so the grid should be widened on that side.
 * @returns the knobs (x, y) whose edge it is on, empty when it is inside.
 */
export function optimumOnEdge(r: PolicySearchResult): ('x' | 'y')[] {
  const o = r.optimum;
  if (!o) return [];
  const edges: ('x' | 'y')[] = [];
  if (r.xValues.length > 2 && (o.i === 0 || o.i === r.xValues.length - 1)) edges.push('x');
  if (r.yValues.length > 2 && (o.j === 0 || o.j === r.yValues.length - 1)) edges.push('y');
  return edges;
}
