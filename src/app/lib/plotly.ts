/**
 * The one module that imports Plotly (style P14). Plotly (≈1.4 MB min) is loaded with a dynamic
 * import the first time a chart mounts, so it never weighs on the first render.
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
}

let loading: Promise<PlotlyApi> | null = null;

/** Loads Plotly once (later calls share the same promise). */
export function loadPlotly(): Promise<PlotlyApi> {
  loading ??= import('plotly.js-dist-min').then((m) => {
    const Plotly = m.default;
    return {
      react: (el, data, layout, config) => Plotly.react(el, data, layout, config),
      purge: (el) => Plotly.purge(el),
      resize: (el) => Plotly.Plots.resize(el),
    };
  });
  return loading;
}
