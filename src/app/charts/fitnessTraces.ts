import type { PlotLayout, PlotTrace } from '../lib/plotly.ts';
import type { RunRecord } from '../model/RunRecord.ts';
import { memoLast } from '../store/memoLast.ts';

/**
 * Best and mean fitness (the run's one-step score: energy score or MSE) per generation. Non-finite values (all candidates failed) are
 * left as gaps. A log axis is used when the values span more than two decades. Memoised on the run's
 * history and length, so run updates that leave them alone (status, diagnostics) redraw nothing.
 */
export function fitnessChart(run: RunRecord): { data: PlotTrace[]; layout: PlotLayout } {
  return fitnessChartOf(run.history, run.totalIterations, run.settings.fitness === 'energy' ? 'one-step energy score' : 'one-step MSE');
}

const fitnessChartOf = memoLast((history: RunRecord['history'], totalIterations: number, axisTitle: string): { data: PlotTrace[]; layout: PlotLayout } => {
  const run = { history, totalIterations };
  const it = run.history.map((h) => h.iteration);
  const clean = (v: number) => (Number.isFinite(v) ? v : null);
  const best = run.history.map((h) => clean(h.best));
  const mean = run.history.map((h) => clean(h.mean));
  const finite = [...best, ...mean].filter((v): v is number => v !== null && v > 0);
  const log = finite.length > 1 && Math.max(...finite) / Math.min(...finite) > 100;
  return {
    data: [
      { type: 'scatter', mode: 'lines+markers', name: 'best', x: it, y: best, line: { color: '#3b6df0', width: 2 }, marker: { size: 5 } },
      { type: 'scatter', mode: 'lines', name: 'population mean', x: it, y: mean, line: { color: '#e8871e', width: 1.5, dash: 'dot' } },
    ],
    // A live chart: fixed margins (automargin off) keep each redraw to one layout pass; Plotly's
    // automargin measures every tick label and redraws again when they change width, which made the
    // chart's redraws during a run 50–150 ms long tasks.
    layout: {
      margin: { l: 64, r: 12, t: 28, b: 40 },
      xaxis: { title: { text: 'generation' }, range: [0, Math.max(run.totalIterations, 1) + 0.5], automargin: false },
      yaxis: { title: { text: axisTitle }, type: log ? 'log' : 'linear', automargin: false },
    },
  };
});
