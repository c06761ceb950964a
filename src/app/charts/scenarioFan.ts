import type { PlotLayout, PlotTrace } from '../lib/plotly.ts';
import type { ScenarioOutcome, SeriesBand } from '../model/WhatIf.ts';

type Chart = { data: PlotTrace[]; layout: PlotLayout };

const MODEL = '#3b6df0';
const TRUTH = '#e8871e';
/** Intervention windows: a warm tint that reads in both themes without hiding the bands. */
const WINDOW_FILL = 'rgba(201,55,44,0.10)';

const built = new WeakMap<ScenarioOutcome, Map<string, Chart>>();

/**
 * A what-if fan chart of one variable under one scenario: the model's 5–95 % band and median and,
 * when a ground truth ran, the truth's band with its median solid and the model's dashed; the
 * intervention windows shaded (a change on transitions tStart..tEnd moves states tStart+1..tEnd+1,
 * so the shading spans [tStart, tEnd + 1]). Memoised per outcome and variable: re-renders do not redraw.
 */
export function scenarioFan(o: ScenarioOutcome, variable: string, yRange?: [number, number]): Chart {
  let byVar = built.get(o);
  if (!byVar) built.set(o, (byVar = new Map()));
  const key = `${variable}|${yRange?.join(',') ?? ''}`;
  let chart = byVar.get(key);
  if (!chart) byVar.set(key, (chart = buildScenarioFan(o, variable, yRange)));
  return chart;
}

/**
 * One y range for the fans of several scenarios (0 to the largest 95 % value, or the lowest 5 % value
 * when below 0), so that side-by-side panels compare by eye.
 */
export function sharedFanRange(outcomes: readonly ScenarioOutcome[], variable: string): [number, number] | undefined {
  let lo = 0;
  let hi = -Infinity;
  for (const o of outcomes) {
    for (const b of [o.model[variable], o.truth?.[variable]]) {
      if (!b) continue;
      for (const v of b.p95) if (Number.isFinite(v)) hi = Math.max(hi, v);
      for (const v of b.p5) if (Number.isFinite(v)) lo = Math.min(lo, v);
    }
  }
  if (!Number.isFinite(hi)) return undefined;
  const pad = 0.04 * (hi - lo || 1);
  return [lo < 0 ? lo - pad : 0, hi + pad];
}

// The truth's band keeps thin dotted edges so that it stays readable where the model's band overlaps it.
function band(b: SeriesBand, t: number[], color: string, fill: string, who: string, dash: 'solid' | 'dash'): PlotTrace[] {
  const edge = who === 'truth' ? { color, width: 1, dash: 'dot' } : { width: 0 };
  return [
    { type: 'scatter', mode: 'lines', x: t, y: b.p5, line: edge, hoverinfo: 'skip', showlegend: false, name: `${who} 5%` },
    { type: 'scatter', mode: 'lines', x: t, y: b.p95, fill: 'tonexty', fillcolor: fill, line: edge, hoverinfo: 'skip', name: `${who} 5–95%` },
    { type: 'scatter', mode: 'lines', x: t, y: b.p50, line: { color, width: 2, dash }, name: `${who} median`, meta: who },
  ];
}

function buildScenarioFan(o: ScenarioOutcome, variable: string, yRange?: [number, number]): Chart {
  const t = Array.from({ length: o.steps }, (_, i) => i);
  const data: PlotTrace[] = [];
  const truth = o.truth?.[variable];
  if (truth) data.push(...band(truth, t, TRUTH, 'rgba(232,135,30,0.18)', 'truth', 'solid'));
  const model = o.model[variable];
  if (model) data.push(...band(model, t, MODEL, 'rgba(59,109,240,0.14)', 'model', truth ? 'dash' : 'solid'));
  const shapes = o.windows.map((w) => ({
    type: 'rect', xref: 'x', yref: 'paper', x0: w.tStart, x1: Math.min(w.tEnd + 1, o.steps - 1), y0: 0, y1: 1,
    fillcolor: WINDOW_FILL, line: { width: 0 }, layer: 'below',
  }));
  return {
    data,
    // The legend is drawn once in HTML above the charts (repeated per small chart it covers the data).
    // The variable's name stands upright above the plot's top-left corner (long names run right, not off
    // the figure): as a rotated y-axis title a one-letter name ("I") read as a dash.
    layout: {
      showlegend: false, shapes, margin: { l: 52, r: 8, t: 24, b: 36 }, xaxis: { title: { text: 'day' } },
      yaxis: yRange ? { range: yRange } : {},
      annotations: [{ text: variable, xref: 'paper', yref: 'paper', x: 0, y: 1, xanchor: 'left', yanchor: 'bottom', yshift: 4, showarrow: false, font: { size: 13 } }],
    },
  };
}
