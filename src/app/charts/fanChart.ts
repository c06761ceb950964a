import type { PlotLayout, PlotTrace } from '../lib/plotly.ts';
import type { FanBand } from '../model/FanBand.ts';
import { splitColor } from './splitColors.ts';

type Chart = { data: PlotTrace[]; layout: PlotLayout };

const built = new WeakMap<FanBand, Chart>();

/**
 * A fan chart: the 5–95% band and the median of simulated rollouts from an observed trajectory's
 * start (replaying its actions), with the observed trajectory on top. Memoised per band object, so a
 * panel re-render hands the chart the same data and triggers no redraw.
 */
export function fanChart(band: FanBand): Chart {
  let chart = built.get(band);
  if (!chart) built.set(band, (chart = buildFanChart(band)));
  return chart;
}

function buildFanChart(band: FanBand): Chart {
  const accent = '#3b6df0';
  return {
    data: [
      { type: 'scatter', mode: 'lines', x: band.t, y: band.p5, line: { width: 0 }, hoverinfo: 'skip', showlegend: false, name: '5%' },
      {
        type: 'scatter',
        mode: 'lines',
        x: band.t,
        y: band.p95,
        fill: 'tonexty',
        fillcolor: 'rgba(59,109,240,0.2)',
        line: { width: 0 },
        name: '5–95% of rollouts',
        hoverinfo: 'skip',
      },
      { type: 'scatter', mode: 'lines', x: band.t, y: band.p50, line: { color: accent, width: 2 }, name: 'median rollout' },
      { type: 'scatter', mode: 'markers', x: band.t, y: band.observed, marker: { color: splitColor('val'), size: 4 }, name: 'observed' },
    ],
    // The legend is drawn once in HTML above the fans: repeated per small chart it covered the data.
    layout: { showlegend: false, margin: { l: 48, r: 8, t: 8, b: 36 }, xaxis: { title: { text: 'time step' } }, yaxis: { title: { text: band.variable } } },
  };
}
