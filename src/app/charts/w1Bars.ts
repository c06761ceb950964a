import type { PlotLayout, PlotTrace } from '../lib/plotly.ts';
import type { RunDiagnostics } from '../model/RunRecord.ts';
import { splitColor } from './splitColors.ts';

/** Per-variable W1 bars: rollout W1 on validation and, for benchmarks, the one-step test W1. */
export function w1Bars(d: RunDiagnostics): { data: PlotTrace[]; layout: PlotLayout } {
  const data: PlotTrace[] = [];
  const vars = d.validation?.perVariable.map((v) => v.name) ?? d.benchmark?.perVariable.map((v) => v.name) ?? [];
  if (d.validation) {
    data.push({ type: 'bar', name: 'rollout W1 (val)', x: vars, y: d.validation.perVariable.map((v) => v.w1 ?? null), marker: { color: splitColor('val') } });
  }
  if (d.benchmark) {
    const by = new Map(d.benchmark.perVariable.map((v) => [v.name, v.w1]));
    data.push({ type: 'bar', name: 'one-step W1 vs ground truth (test)', x: vars, y: vars.map((v) => by.get(v) ?? null), marker: { color: splitColor('test') } });
  }
  return { data, layout: { barmode: 'group', xaxis: { title: { text: 'variable' } }, yaxis: { title: { text: 'W1 (lower is better)' } }, hovermode: 'closest' } };
}
