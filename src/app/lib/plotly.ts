/**
 * The one module that imports Plotly (style P14). It uses the cartesian bundle (scatter, bar, box,
 * heatmap, histogram, histogram2d, contour, violin, pie: 1.5 MB min against 4.8 MB for the full
 * bundle, so its one-off evaluation, a single long main-thread task, is about three times shorter).
 * It is loaded with a dynamic import the first time a chart mounts, so it never weighs on the first render.
 */

/** A Plotly trace; kept loose on purpose (Plotly's own schema is huge). */
export type PlotTrace = Record<string, unknown>;
/** A Plotly layout. */
export type PlotLayout = Record<string, unknown>;

/** What the studio uses of Plotly. */
export interface PlotlyApi {
  react(el: HTMLElement, data: PlotTrace[], layout: PlotLayout, config: Record<string, unknown>): Promise<unknown>;
  purge(el: HTMLElement): void;
  resize(el: HTMLElement): void;
  /** Saves the chart as a file (PNG or SVG), for slides and papers. */
  downloadImage(el: HTMLElement, opts: { format: 'png' | 'svg'; filename: string; scale?: number }): Promise<unknown>;
}

let loading: Promise<PlotlyApi> | null = null;

/** Loads Plotly once (later calls share the same promise). */
export function loadPlotly(): Promise<PlotlyApi> {
  const t0 = performance.now();
  loading ??= import('plotly.js-cartesian-dist-min').then((m) => {
    // Fetch, parse and evaluation; the evaluation is one long task (read by the e2e performance test).
    performance.measure('gsim:plotly-load', { start: t0 });
    const Plotly = m.default;
    return {
      react: (el, data, layout, config) => Plotly.react(el, data, layout, config),
      purge: (el) => Plotly.purge(el),
      resize: (el) => Plotly.Plots.resize(el),
      downloadImage: (el, opts) => Plotly.downloadImage(el, opts),
    };
  });
  return loading;
}
