import type { PlotLayout, PlotTrace } from '../lib/plotly.ts';
import { density2d } from './density2d.ts';

/** At most this many parameters in the corner (hospital has 12: a 12×12 grid is unreadable). */
export const CORNER_MAX = 6;

export interface CornerInput {
  names: string[];
  bounds: { min: number; max: number }[];
  /** Posterior draws, rows in parameter order. */
  samples: number[][];
  /** The benchmark's true values by name (null: not a benchmark). */
  truth: Record<string, number> | null;
}

const ACCENT = '#3b6df0';
const TRUTH = '#d62728';
const PRIOR = '#888888';
/** Cells per axis of a pairwise density (2,000 draws: about two per cell where the mass is). */
const DENSITY_BINS = 32;
/** Pairwise densities from transparent (no mass: the panel's own background, light or dark) to the accent. */
const DENSITY = [
  [0, 'rgba(59,109,240,0)'],
  [0.25, 'rgba(59,109,240,0.25)'],
  [1, 'rgba(37,78,200,0.95)'],
];

/**
 * A corner plot: marginal histograms on the diagonal, pairwise densities (2-D histograms, binned
 * here and drawn as smoothed heatmaps) below it, the benchmark's truth as red lines/stars and the
 * prior box's edges as dashed grey lines (visible whenever the view reaches them). Axes zoom to the
 * posterior mass (plus the truth), since a posterior is often 50× narrower than its prior.
 */
export function cornerPlot(c: CornerInput): { data: PlotTrace[]; layout: PlotLayout } {
  const d = Math.min(c.names.length, CORNER_MAX);
  const col = (k: number) => c.samples.map((r) => r[k]);
  const ranges = Array.from({ length: d }, (_, k) => viewRange(col(k), c.truth?.[c.names[k]], c.bounds[k]));
  const data: PlotTrace[] = [];
  const layout: PlotLayout = { showlegend: false, margin: { l: 56, r: 12, t: 12, b: 48 }, shapes: [] as unknown[] };
  const gap = 0.02;
  const shapes = layout.shapes as unknown[];
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      const n = i * d + j + 1;
      const xa = `x${n === 1 ? '' : n}`, ya = `y${n === 1 ? '' : n}`;
      layout[`xaxis${n === 1 ? '' : n}`] = {
        domain: [j / d + gap, (j + 1) / d - gap], anchor: ya, range: ranges[j], showticklabels: i === d - 1,
        title: i === d - 1 ? { text: c.names[j] } : undefined, zeroline: false,
      };
      layout[`yaxis${n === 1 ? '' : n}`] = {
        domain: [(d - 1 - i) / d + gap, (d - i) / d - gap], anchor: xa, showticklabels: j === 0 && i !== j,
        title: j === 0 && i !== 0 ? { text: c.names[i] } : undefined, zeroline: false, ...(i === j ? {} : { range: ranges[i] }),
      };
      const t = c.truth ?? {};
      if (i === j) {
        data.push({ type: 'histogram', x: col(j), xaxis: xa, yaxis: ya, nbinsx: 40, marker: { color: ACCENT }, opacity: 0.75, name: c.names[j], hoverinfo: 'x+y' });
        if (t[c.names[j]] !== undefined) shapes.push(vline(t[c.names[j]], xa, ya, TRUTH, 'solid'));
        for (const b of [c.bounds[j].min, c.bounds[j].max]) shapes.push(vline(b, xa, ya, PRIOR, 'dash'));
      } else {
        const d2 = density2d(col(j), col(i), ranges[j], ranges[i], DENSITY_BINS);
        data.push({ type: 'heatmap', x: d2.x, y: d2.y, z: d2.z, xaxis: xa, yaxis: ya, zmin: 0, zmax: 1, zsmooth: 'best', showscale: false, colorscale: DENSITY, hoverinfo: 'skip' });
        if (t[c.names[j]] !== undefined && t[c.names[i]] !== undefined) {
          data.push({ type: 'scatter', mode: 'markers', x: [t[c.names[j]]], y: [t[c.names[i]]], xaxis: xa, yaxis: ya, marker: { color: TRUTH, size: 11, symbol: 'star' }, name: 'true value' });
        }
      }
    }
  }
  return { data, layout };
}

function vline(x: number, xref: string, yref: string, color: string, dash: string): unknown {
  return { type: 'line', x0: x, x1: x, xref, yref: `${yref} domain`, y0: 0, y1: 1, line: { color, width: 2, dash } };
}

/** The 0.5–99.5 % range of the draws, padded, widened to show the truth, clipped to the prior box. */
function viewRange(values: number[], truth: number | undefined, box: { min: number; max: number }): [number, number] {
  const s = values.slice().sort((a, b) => a - b);
  let lo = s[Math.floor(0.005 * (s.length - 1))] ?? box.min;
  let hi = s[Math.ceil(0.995 * (s.length - 1))] ?? box.max;
  if (truth !== undefined) { lo = Math.min(lo, truth); hi = Math.max(hi, truth); }
  const pad = (hi - lo) * 0.15 || Math.abs(hi) * 0.05 || 1;
  return [Math.max(box.min - pad / 2, lo - pad), Math.min(box.max + pad / 2, hi + pad)];
}
