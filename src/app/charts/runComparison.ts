import type { PlotLayout, PlotTrace } from '../lib/plotly.ts';
import type { FanBand } from '../model/FanBand.ts';

type Chart = { data: PlotTrace[]; layout: PlotLayout };

/** One compared run as the overlay charts need it. */
export interface ComparedRun {
  label: string;
  color: string;
}

const TRUTH = '#d62728';
const OBSERVED = '#888888';

/** `#rrggbb` at the given opacity (Plotly's fills take rgba). */
function alpha(hex: string, a: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${a})`;
}

/**
 * Several runs' rollout fans of one variable on one observed trajectory, on one axis: each run's
 * 5–95 % band (faint, its colour) and median (solid), the observed data once on top. Runs without a
 * band for this trajectory and variable are left out of the chart (the caller says which).
 */
export function fitOverlay(runs: readonly (ComparedRun & { band: FanBand | undefined })[]): Chart {
  const data: PlotTrace[] = [];
  let observed: FanBand | undefined;
  for (const r of runs) {
    const b = r.band;
    if (!b) continue;
    observed ??= b;
    data.push(
      { type: 'scatter', mode: 'lines', x: b.t, y: b.p5, line: { width: 0 }, hoverinfo: 'skip', showlegend: false, legendgroup: r.label, name: `${r.label} 5%` },
      { type: 'scatter', mode: 'lines', x: b.t, y: b.p95, fill: 'tonexty', fillcolor: alpha(r.color, 0.12), line: { width: 0 }, hoverinfo: 'skip', showlegend: false, legendgroup: r.label, name: `${r.label} 95%` },
      { type: 'scatter', mode: 'lines', x: b.t, y: b.p50, line: { color: r.color, width: 2 }, legendgroup: r.label, name: r.label },
    );
  }
  if (observed) {
    data.push({ type: 'scatter', mode: 'markers', x: observed.t, y: observed.observed, marker: { color: OBSERVED, size: 4 }, name: 'observed' });
  }
  return {
    data,
    layout: {
      margin: { l: 52, r: 8, t: 8, b: 36 },
      legend: { orientation: 'h', y: -0.25 },
      xaxis: { title: { text: 'time step' } },
      yaxis: { title: { text: observed?.variable ?? '' } },
    },
  };
}

/**
 * One parameter across runs: an NPE run's posterior draws as a density histogram (overlaid, translucent),
 * a GA / CMA-ES run's point estimate as a dashed vertical line in its colour, the benchmark's truth as a
 * red line. Shows at a glance whether runs agree and which one covers the truth.
 */
export function posteriorOverlay(
  name: string,
  runs: readonly (ComparedRun & { samples?: number[]; point?: number })[],
  truth: number | undefined,
): Chart {
  const data: PlotTrace[] = [];
  const shapes: unknown[] = [];
  const vline = (x: number, color: string, dash: string) => ({ type: 'line', xref: 'x', yref: 'paper', x0: x, x1: x, y0: 0, y1: 1, line: { color, width: 2, dash } });
  for (const r of runs) {
    if (r.samples && r.samples.length > 0) {
      data.push({ type: 'histogram', x: r.samples, histnorm: 'probability density', nbinsx: 40, opacity: 0.45, marker: { color: r.color }, name: r.label });
    } else if (r.point !== undefined && Number.isFinite(r.point)) {
      shapes.push(vline(r.point, r.color, 'dash'));
      // An invisible point gives the line a legend entry and a hover value.
      data.push({ type: 'scatter', mode: 'lines', x: [r.point, r.point], y: [0, 0], line: { color: r.color, dash: 'dash', width: 2 }, name: `${r.label} (point)` });
    }
  }
  if (truth !== undefined) {
    shapes.push(vline(truth, TRUTH, 'solid'));
    data.push({ type: 'scatter', mode: 'lines', x: [truth, truth], y: [0, 0], line: { color: TRUTH, width: 2 }, name: 'true value' });
  }
  return {
    data,
    layout: {
      barmode: 'overlay',
      margin: { l: 44, r: 8, t: 8, b: 36 },
      legend: { orientation: 'h', y: -0.3 },
      xaxis: { title: { text: name } },
      yaxis: { title: { text: 'density' }, rangemode: 'tozero' },
      shapes,
    },
  };
}
