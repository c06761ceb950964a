import type { ParameterSpec } from '../../core/sim/types.ts';
import type { PlotLayout, PlotTrace } from '../lib/plotly.ts';
import type { FitnessLandscape } from '../model/fitnessLandscape.ts';
import type { PopulationFrame } from '../model/populationFrames.ts';

/** What one picture of the calibration animation shows. */
export interface PopulationScatterInput {
  parameters: readonly ParameterSpec[];
  /** Indices (into `parameters`) of the horizontal and vertical axis. */
  pair: readonly [number, number];
  frame: PopulationFrame | null;
  /** The generation before, drawn faintly so the movement reads. */
  previous?: PopulationFrame | null;
  truth: Record<string, number> | null;
  /** Only for two-parameter programs (the landscape is over both of them). */
  landscape?: FitnessLandscape | null;
}

/** log10 of a fitness for the heatmap (failures and non-positive values are left blank). */
function logFitness(v: number): number | null {
  return Number.isFinite(v) && v > 0 ? Math.log10(v) : null;
}

/**
 * The population of one generation on two parameters, over their prior box (axes fixed, so frames
 * line up), with the fitness landscape as a heatmap behind it for two-parameter problems and the
 * benchmark's true values as a star (pure).
 */
export function populationScatter(input: PopulationScatterInput): { data: PlotTrace[]; layout: PlotLayout } {
  const { parameters, pair, frame, previous, truth, landscape } = input;
  const px = parameters[pair[0]];
  const py = parameters[pair[1]];
  const data: PlotTrace[] = [];
  if (landscape && parameters.length === 2 && pair[0] !== pair[1]) {
    // The grid is stored with the program's first parameter on x; swap when the axes are swapped.
    const swapped = pair[0] === 1;
    const z = landscape.fitness.map((row) => row.map(logFitness));
    data.push({
      type: 'heatmap',
      name: 'fitness landscape',
      x: swapped ? landscape.y : landscape.x,
      y: swapped ? landscape.x : landscape.y,
      z: swapped ? landscape.x.map((_, i) => z.map((row) => row[i])) : z,
      colorscale: 'Viridis',
      opacity: 0.75,
      colorbar: { title: { text: `log₁₀ ${landscape.kind === 'energy' ? 'energy score' : 'MSE'}`, side: 'right' }, thickness: 10, len: 0.9 },
      hovertemplate: `${px.name} %{x:.3g}<br>${py.name} %{y:.3g}<br>log₁₀ fitness %{z:.3f}<extra></extra>`,
    });
  }
  if (previous) {
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: `generation ${previous.iteration}`,
      x: previous.points.map((p) => p[pair[0]]),
      y: previous.points.map((p) => p[pair[1]]),
      marker: { size: 6, color: 'rgba(150,150,150,0.45)' },
      hoverinfo: 'skip',
      showlegend: false,
    });
  }
  data.push({
    type: 'scatter',
    mode: 'markers',
    name: frame ? `generation ${frame.iteration}` : 'population',
    x: frame ? frame.points.map((p) => p[pair[0]]) : [],
    y: frame ? frame.points.map((p) => p[pair[1]]) : [],
    marker: { size: 8, color: '#ff6b3d', line: { color: '#ffffff', width: 1 } },
    hovertemplate: `${px.name} %{x:.4g}<br>${py.name} %{y:.4g}<extra></extra>`,
  });
  const tx = truth?.[px.name];
  const ty = truth?.[py.name];
  if (tx !== undefined && ty !== undefined) {
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: 'truth',
      x: [tx],
      y: [ty],
      marker: { symbol: 'star', size: 16, color: '#ffd43b', line: { color: '#1b2130', width: 1.5 } },
      hovertemplate: `true ${px.name} %{x:.4g}<br>true ${py.name} %{y:.4g}<extra></extra>`,
    });
  }
  const pad = (p: ParameterSpec) => (p.max - p.min) * 0.02;
  return {
    data,
    layout: {
      margin: { l: 56, r: 12, t: 28, b: 44 },
      hovermode: 'closest',
      showlegend: true,
      xaxis: { title: { text: px.name }, range: [px.min - pad(px), px.max + pad(px)], automargin: false, zeroline: false },
      yaxis: { title: { text: py.name }, range: [py.min - pad(py), py.max + pad(py)], automargin: false, zeroline: false },
    },
  };
}
