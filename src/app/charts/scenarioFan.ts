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
export function scenarioFan(o: ScenarioOutcome, variable: string): Chart {
  let byVar = built.get(o);
  if (!byVar) built.set(o, (byVar = new Map()));
  let chart = byVar.get(variable);
  if (!chart) byVar.set(variable, (chart = buildScenarioFan(o, variable)));
  return chart;
}

function band(b: SeriesBand, t: number[], color: string, fill: string, who: string, dash: 'solid' | 'dash'): PlotTrace[] {
  return [
    { type: 'scatter', mode: 'lines', x: t, y: b.p5, line: { width: 0 }, hoverinfo: 'skip', showlegend: false, name: `${who} 5%` },
    { type: 'scatter', mode: 'lines', x: t, y: b.p95, fill: 'tonexty', fillcolor: fill, line: { width: 0 }, hoverinfo: 'skip', name: `${who} 5–95%` },
    { type: 'scatter', mode: 'lines', x: t, y: b.p50, line: { color, width: 2, dash }, name: `${who} median`, meta: who },
  ];
}

function buildScenarioFan(o: ScenarioOutcome, variable: string): Chart {
  const t = Array.from({ length: o.steps }, (_, i) => i);
  const data: PlotTrace[] = [];
  const truth = o.truth?.[variable];
  if (truth) data.push(...band(truth, t, TRUTH, 'rgba(232,135,30,0.18)', 'truth', 'solid'));
  const model = o.model[variable];
  if (model) data.push(...band(model, t, MODEL, 'rgba(59,109,240,0.18)', 'model', truth ? 'dash' : 'solid'));
  const shapes = o.windows.map((w) => ({
    type: 'rect', xref: 'x', yref: 'paper', x0: w.tStart, x1: Math.min(w.tEnd + 1, o.steps - 1), y0: 0, y1: 1,
    fillcolor: WINDOW_FILL, line: { width: 0 }, layer: 'below',
  }));
  return {
    data,
    // The legend is drawn once in HTML above the charts (repeated per small chart it covers the data).
    layout: { showlegend: false, shapes, margin: { l: 48, r: 8, t: 8, b: 36 }, xaxis: { title: { text: 'day' } } },
  };
}
