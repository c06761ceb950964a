import type { MlpEpoch } from '../../../core/baselines/mlp/trainMlpBaseline.ts';
import type { PlotLayout, PlotTrace } from '../../lib/plotly.ts';
import type { ComparisonResult } from './baselineStore.ts';

type Chart = { data: PlotTrace[]; layout: PlotLayout };
const SIZE_COLORS = ['#9db4f5', '#5b84ee', '#2346a8'];

/**
 * Test W1 per model, one bar group per training-set size computed (lighter = fewer trajectories), on a
 * log axis (baselines can sit orders of magnitude above the mechanistic model), the noise floor dashed.
 */
export function comparisonBars(results: readonly ComparisonResult[]): Chart {
  const sorted = [...results].sort((a, b) => a.size - b.size);
  const labels = [...new Set(sorted.flatMap((r) => r.rows.filter((x) => x.kind !== 'floor').map((x) => x.label)))];
  const data: PlotTrace[] = sorted.map((r, i) => {
    const by = new Map(r.rows.map((x) => [x.label, x]));
    return {
      type: 'bar', name: `${r.size} train trajectories`, x: labels,
      y: labels.map((l) => by.get(l)?.w1 ?? null),
      error_y: { type: 'data', array: labels.map((l) => 2 * (by.get(l)?.w1StdError ?? 0)), visible: true },
      marker: { color: SIZE_COLORS[i % SIZE_COLORS.length] },
    };
  });
  const floor = sorted.at(-1)?.rows.find((x) => x.kind === 'floor');
  if (floor && labels.length > 0) {
    data.push({ type: 'scatter', mode: 'lines', name: 'noise floor (truth vs truth)', x: [labels[0], labels.at(-1)], y: [floor.w1, floor.w1], line: { color: '#888', dash: 'dash' } });
  }
  return {
    data,
    layout: {
      barmode: 'group', margin: { l: 56, r: 12, t: 12, b: 64 }, legend: { orientation: 'h', y: 1.18 },
      yaxis: { title: { text: 'test one-step W1 (log)' }, type: 'log' }, hovermode: 'closest',
    },
  };
}

/** The MLP's live training curve: mean negative log-density of the increments per epoch. */
export function mlpCurve(curve: readonly MlpEpoch[]): Chart {
  const x = curve.map((e) => e.epoch);
  return {
    data: [
      { type: 'scatter', mode: 'lines', name: 'training', x, y: curve.map((e) => e.trainLoss), line: { color: '#e8871e', width: 1.5 } },
      { type: 'scatter', mode: 'lines', name: 'validation', x, y: curve.map((e) => e.valLoss), line: { color: '#3b6df0', width: 2 } },
    ],
    layout: {
      margin: { l: 56, r: 12, t: 12, b: 40 }, legend: { orientation: 'h', y: 1.15 },
      xaxis: { title: { text: 'epoch' } }, yaxis: { title: { text: 'NLL of the increment' } },
    },
  };
}
