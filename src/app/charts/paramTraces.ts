import type { PlotLayout, PlotTrace } from '../lib/plotly.ts';
import type { RunRecord } from '../model/RunRecord.ts';
import { memoLast } from '../store/memoLast.ts';
import { SERIES_COLORS } from './splitColors.ts';

/**
 * The best parameters per generation, each scaled to its prior box (0 = min, 1 = max) so that
 * parameters of any magnitude share one axis; hover shows the physical value. True values (for
 * benchmarks) are dashed lines in the parameter's colour.
 * Memoised on the inputs it reads, so run updates that leave them alone redraw nothing.
 * @param truth true parameter values, when known.
 */
export function paramTraceChart(run: RunRecord, truth: Record<string, number> | null): { data: PlotTrace[]; layout: PlotLayout } {
  return paramTraceChartOf(run.parameters, run.traces, run.totalIterations, truth);
}

const paramTraceChartOf = memoLast((
  parameters: RunRecord['parameters'],
  traces: RunRecord['traces'],
  totalIterations: number,
  truth: Record<string, number> | null,
): { data: PlotTrace[]; layout: PlotLayout } => {
  const run = { parameters, traces, totalIterations };
  const data: PlotTrace[] = [];
  const shapes: unknown[] = [];
  run.parameters.forEach((p, k) => {
    const color = SERIES_COLORS[k % SERIES_COLORS.length];
    const span = p.max - p.min;
    const x = run.traces.map((t) => t.iteration);
    const raw = run.traces.map((t) => t.params[p.name]);
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: p.name,
      x,
      y: raw.map((v) => (v - p.min) / span),
      customdata: raw,
      hovertemplate: `${p.name} = %{customdata:.4g}<extra></extra>`,
      line: { color, width: 2 },
      marker: { size: 4 },
    });
    const t = truth?.[p.name];
    if (t !== undefined) {
      shapes.push({ type: 'line', xref: 'paper', x0: 0, x1: 1, y0: (t - p.min) / span, y1: (t - p.min) / span, line: { color, width: 1, dash: 'dash' } });
    }
  });
  return {
    data,
    // A live chart: fixed margins (automargin off) keep each redraw to one layout pass (see fitnessChart).
    layout: {
      margin: { l: 56, r: 12, t: 28, b: 40 },
      xaxis: { title: { text: 'generation' }, range: [0, Math.max(run.totalIterations, 1) + 0.5], automargin: false },
      yaxis: {
        title: { text: 'position in prior box' },
        range: [-0.03, 1.03],
        tickvals: [0, 0.25, 0.5, 0.75, 1],
        ticktext: ['min', '', 'mid', '', 'max'],
        automargin: false,
      },
      shapes,
    },
  };
});
