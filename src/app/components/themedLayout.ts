import type { PlotLayout } from '../lib/plotly.ts';

/**
 * Merges a chart's layout with the studio theme (colours read from the CSS custom properties, so one
 * palette serves both themes). Axis objects given by the caller are merged, not replaced.
 * @param el an element inside the themed document.
 */
export function themedLayout(el: Element, layout: PlotLayout): PlotLayout {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const text = v('--text', '#1b2130');
  const muted = v('--text-muted', '#5d6677');
  const grid = v('--border', '#dde1e8');
  const axis = (extra: unknown) => ({
    gridcolor: grid,
    zerolinecolor: grid,
    linecolor: grid,
    tickfont: { color: muted, size: 11 },
    title: { font: { color: muted, size: 12 } },
    automargin: true,
    ...(extra as object),
  });
  // Every axis, not only the first pair: a second subplot's axes (xaxis2, yaxis2) kept Plotly's light
  // grid, white lines on the dark theme (Diagnostics' W1 bars).
  const axes = Object.fromEntries(Object.entries(layout).filter(([k]) => /^[xy]axis\d*$/.test(k)).map(([k, a]) => [k, axis(a)]));
  const { xaxis, yaxis, ...rest } = layout;
  return {
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { family: getComputedStyle(document.body).fontFamily, color: text, size: 12 },
    margin: { l: 48, r: 12, t: 28, b: 36 },
    legend: { orientation: 'h', y: 1.12, x: 0, font: { color: muted, size: 11 } },
    hovermode: 'x unified',
    ...rest,
    ...axes,
    xaxis: axis(xaxis),
    yaxis: axis(yaxis),
  };
}
