import { describe, expect, it } from 'vitest';
import { landscapeFromScores } from '../model/fitnessLandscape.ts';
import { populationScatter } from './populationScatter.ts';

const parameters = [
  { name: 'beta', min: 0, max: 2 },
  { name: 'gamma', min: 0, max: 1 },
];
const frame = { iteration: 3, points: [[0.4, 0.1], [0.5, 0.2]] };
const traces = (c: ReturnType<typeof populationScatter>) => c.data.map((t) => t.name ?? t.type);

describe('populationScatter', () => {
  it('plots the generation on the chosen pair over the fixed prior box, with the truth', () => {
    const c = populationScatter({ parameters, pair: [0, 1], frame, truth: { beta: 0.3, gamma: 0.1 } });
    expect(traces(c)).toEqual(['generation 3', 'truth']);
    expect(c.data[0].x).toEqual([0.4, 0.5]);
    expect(c.data[0].y).toEqual([0.1, 0.2]);
    expect(c.data[1]).toMatchObject({ x: [0.3], y: [0.1] });
    const xr = (c.layout.xaxis as { range: number[] }).range;
    expect(xr[0]).toBeLessThan(0);
    expect(xr[1]).toBeGreaterThan(2);
  });

  it('swapping the axes swaps the coordinates', () => {
    const c = populationScatter({ parameters, pair: [1, 0], frame, truth: null });
    expect(c.data[0].x).toEqual([0.1, 0.2]);
    expect((c.layout.xaxis as { title: { text: string } }).title.text).toBe('gamma');
  });

  it('draws the landscape behind (log scale, failures blank), transposed when the axes are swapped', () => {
    const land = landscapeFromScores('k', [0, 2], [0, 1], [1, 10, 100, Infinity]);
    const c = populationScatter({ parameters, pair: [0, 1], frame, previous: { iteration: 2, points: [[1, 1]] }, truth: null, landscape: land });
    expect(traces(c)).toEqual(['fitness landscape', 'generation 2', 'generation 3']);
    expect(c.data[0].z).toEqual([[0, 1], [2, null]]);
    const swapped = populationScatter({ parameters, pair: [1, 0], frame, truth: null, landscape: land });
    expect(swapped.data[0]).toMatchObject({ x: [0, 1], y: [0, 2], z: [[0, 2], [1, null]] });
  });

  it("names the landscape's score on its colour bar: the run's fitness, MSE or energy score", () => {
    const title = (kind: 'mse' | 'energy') =>
      (populationScatter({ parameters, pair: [0, 1], frame, truth: null, landscape: landscapeFromScores('k', [0, 2], [0, 1], [1, 1, 1, 1], kind) }).data[0] as { colorbar: { title: { text: string } } }).colorbar.title.text;
    expect(title('mse')).toBe('log₁₀ MSE');
    expect(title('energy')).toBe('log₁₀ energy score');
  });

  it('no landscape for programs with more than two parameters', () => {
    const land = landscapeFromScores('k', [0, 2], [0, 1], [1, 1, 1, 1]);
    const c = populationScatter({ parameters: [...parameters, { name: 'x', min: 0, max: 1 }], pair: [0, 1], frame, truth: null, landscape: land });
    expect(traces(c)).toEqual(['generation 3']);
  });
});
