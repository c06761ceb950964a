import type { Dataset, SplitName } from '../../core/data/Dataset.ts';
import type { PlotTrace } from '../lib/plotly.ts';
import type { TrajectoryRef } from '../store/dataSlice.ts';
import { splitColor } from './splitColors.ts';

/** Background trajectories drawn per split: enough to show the spread, few enough to stay fast. */
export const BACKGROUND_PER_SPLIT = 12;

/**
 * Traces for one variable: up to {@link BACKGROUND_PER_SPLIT} thin trajectories per split in the
 * split's colour (train, val and test told apart by colour and legend), and the picked trajectory
 * drawn bold on top.
 * @param dataset the data.
 * @param variable observed variable to plot.
 * @param picked trajectory to highlight, if any.
 */
export function trajectoryTraces(dataset: Dataset, variable: string, picked: TrajectoryRef | null): PlotTrace[] {
  const traces: PlotTrace[] = [];
  for (const split of ['train', 'val', 'test'] as SplitName[]) {
    const color = splitColor(split);
    dataset.splits[split].slice(0, BACKGROUND_PER_SPLIT).forEach((tr, i) => {
      traces.push({
        type: 'scatter',
        mode: 'lines',
        name: split,
        legendgroup: split,
        showlegend: i === 0,
        x: tr.states.map((_, t) => t),
        y: tr.states.map((s) => s[variable] as number),
        line: { color, width: 1 },
        opacity: 0.35,
        hoverinfo: 'skip',
      });
    });
  }
  const tr = picked ? dataset.splits[picked.split][picked.index] : undefined;
  if (tr) {
    traces.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: `${tr.id}`,
      x: tr.states.map((_, t) => t),
      y: tr.states.map((s) => s[variable] as number),
      line: { color: splitColor(picked!.split), width: 2.5 },
      marker: { size: 4 },
    });
  }
  return traces;
}
