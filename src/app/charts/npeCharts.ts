import type { SbcResult } from '../../core/npe/sbc.ts';
import type { PlotLayout, PlotTrace } from '../lib/plotly.ts';
import type { FitnessPoint } from '../model/RunRecord.ts';

type Chart = { data: PlotTrace[]; layout: PlotLayout };
const COLORS = ['#3b6df0', '#e8871e', '#2ca02c', '#9467bd', '#8c564b', '#17becf'];

/** Training curve of an NPE run: the run history holds `best` = validation loss, `mean` = training loss per epoch. */
export function trainingCurve(history: readonly FitnessPoint[]): Chart {
  const x = history.map((h) => h.iteration);
  const clean = (v: number) => (Number.isFinite(v) ? v : null);
  return {
    data: [
      { type: 'scatter', mode: 'lines', name: 'training loss', x, y: history.map((h) => clean(h.mean)), line: { color: '#e8871e', width: 1.5 } },
      { type: 'scatter', mode: 'lines', name: 'validation loss', x, y: history.map((h) => clean(h.best)), line: { color: '#3b6df0', width: 2 } },
    ],
    layout: {
      margin: { l: 56, r: 12, t: 12, b: 40 }, legend: { orientation: 'h', y: 1.12 },
      xaxis: { title: { text: 'epoch' }, automargin: false }, yaxis: { title: { text: '−log q(θ | x)' }, automargin: false },
    },
  };
}

/** SBC rank histograms, one bar series per parameter, with the uniform expectation as a dashed line. */
export function sbcRankChart(sbc: SbcResult): Chart {
  const centers = Array.from({ length: sbc.bins }, (_, b) => (b + 0.5) / sbc.bins);
  const expected = sbc.simulations / sbc.bins;
  return {
    data: [
      ...sbc.parameters.map((p, k) => ({ type: 'bar', name: p.name, x: centers, y: p.histogram, marker: { color: COLORS[k % COLORS.length] }, opacity: 0.8 })),
      { type: 'scatter', mode: 'lines', name: 'uniform', x: [0, 1], y: [expected, expected], line: { color: '#888', dash: 'dash' } },
    ],
    layout: {
      barmode: 'group', margin: { l: 48, r: 12, t: 12, b: 40 }, legend: { orientation: 'h', y: 1.15 },
      xaxis: { title: { text: 'normalised rank of the true value' }, range: [0, 1] }, yaxis: { title: { text: 'count' } },
    },
  };
}

/** Expected coverage: empirical coverage of central credible intervals against their level. */
export function coverageChart(sbc: SbcResult): Chart {
  return {
    data: [
      { type: 'scatter', mode: 'lines', name: 'ideal', x: [0, 1], y: [0, 1], line: { color: '#888', dash: 'dash' } },
      ...sbc.parameters.map((p, k) => ({ type: 'scatter', mode: 'lines', name: p.name, x: sbc.levels, y: p.coverage, line: { color: COLORS[k % COLORS.length], width: 1 } })),
      // Not black: it must read on the dark theme's background too.
      { type: 'scatter', mode: 'lines+markers', name: 'mean', x: sbc.levels, y: sbc.coverage, line: { color: '#d6336c', width: 2.5 }, marker: { color: '#d6336c', size: 5 } },
    ],
    layout: {
      margin: { l: 48, r: 12, t: 12, b: 40 }, legend: { orientation: 'h', y: 1.15 },
      xaxis: { title: { text: 'credibility level' }, range: [0, 1] }, yaxis: { title: { text: 'empirical coverage' }, range: [0, 1] },
    },
  };
}

/** Marginals of one parameter as the simulation budget grows (overlaid normalised histograms). */
export function budgetMarginals(name: string, k: number, budgets: { simulations: number; samples: number[][] }[], truth: number | undefined): Chart {
  const data: PlotTrace[] = budgets.map((b, i) => ({
    type: 'histogram', histnorm: 'probability density', name: `${b.simulations} simulations`, x: b.samples.map((r) => r[k]),
    nbinsx: 40, opacity: 0.45, marker: { color: COLORS[i % COLORS.length] },
  }));
  return {
    data,
    layout: {
      barmode: 'overlay', margin: { l: 48, r: 12, t: 12, b: 40 }, legend: { orientation: 'h', y: 1.15 },
      xaxis: { title: { text: name } }, yaxis: { title: { text: 'density' } },
      shapes: truth === undefined ? [] : [{ type: 'line', x0: truth, x1: truth, yref: 'paper', y0: 0, y1: 1, line: { color: '#d62728', width: 2 } }],
    },
  };
}
