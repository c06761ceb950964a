import type { PlotLayout, PlotTrace } from '../lib/plotly.ts';
import type { RunDiagnostics } from '../model/RunRecord.ts';
import { splitColor } from './splitColors.ts';

/**
 * Per-variable W1 bars: rollout W1 on validation and, for benchmarks, the one-step test W1 against the
 * ground truth. They are different metrics (a whole rollout against the data, one step against the
 * truth), so each gets its own panel and axis instead of sharing one scale. W1 is in each variable's
 * own units (the average distance between the two distributions), which the axis titles say. When
 * the benchmark's noise floor has arrived, each test bar carries a red tick at its variable's floor.
 */
export function w1Bars(d: RunDiagnostics): { data: PlotTrace[]; layout: PlotLayout } {
  const data: PlotTrace[] = [];
  const vars = d.validation?.perVariable.map((v) => v.name) ?? d.benchmark?.perVariable.map((v) => v.name) ?? [];
  const both = Boolean(d.validation && d.benchmark);
  if (d.validation) {
    data.push({ type: 'bar', name: 'rollout W1 (val)', x: vars, y: d.validation.perVariable.map((v) => v.w1 ?? null), marker: { color: splitColor('val') } });
  }
  if (d.benchmark) {
    const by = new Map(d.benchmark.perVariable.map((v) => [v.name, v.w1]));
    data.push({
      type: 'bar', name: 'one-step W1 vs ground truth (test)', x: vars, y: vars.map((v) => by.get(v) ?? null), marker: { color: splitColor('test') },
      ...(both ? { xaxis: 'x2', yaxis: 'y2' } : {}),
    });
    // The truth scored against itself: a tick across each bar at the W1 no simulator can beat, so a bar
    // reads against its own variable's reference rather than against the other bars.
    const floor = d.benchmark.floor && new Map(d.benchmark.floor.perVariable.map((v) => [v.name, v.w1]));
    if (floor) {
      data.push({
        type: 'scatter', mode: 'markers', name: 'noise floor (truth vs itself)', x: vars, y: vars.map((v) => floor.get(v) ?? null),
        marker: { symbol: 'line-ew-open', size: 34, line: { width: 3, color: '#c9372c' } },
        hovertemplate: '%{x}: noise floor %{y:.3g}<extra></extra>',
        ...(both ? { xaxis: 'x2', yaxis: 'y2' } : {}),
      });
    }
  }
  const title = (text: string) => ({ title: { text } });
  const layout: PlotLayout = both
    ? {
        hovermode: 'closest', showlegend: false,
        xaxis: { domain: [0, 0.44], ...title('rollout W1 (val)') },
        yaxis: title('W1, own units (lower is better)'),
        xaxis2: { domain: [0.56, 1], anchor: 'y2', ...title('one-step W1 vs truth (test)') },
        yaxis2: { anchor: 'x2', automargin: true },
      }
    : { hovermode: 'closest', xaxis: title('variable'), yaxis: title('W1, variable units (lower is better)') };
  return { data, layout };
}
