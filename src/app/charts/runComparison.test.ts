import { describe, expect, it } from 'vitest';
import type { FanBand } from '../model/FanBand.ts';
import { fitOverlay, posteriorOverlay } from './runComparison.ts';

const band = (p50: number[]): FanBand => ({ variable: 'I', trajectoryId: 'val:0', t: [0, 1], p5: p50.map((v) => v - 1), p50, p95: p50.map((v) => v + 1), observed: [5, 6] });

describe('fitOverlay', () => {
  it('draws each run with a band its median, and the observed data once', () => {
    const c = fitOverlay([
      { label: 'run 1', color: '#3b6df0', band: band([5, 7]) },
      { label: 'run 2', color: '#e8871e', band: undefined },
      { label: 'run 3', color: '#2f9e6e', band: band([4, 6]) },
    ]);
    expect(c.data.filter((t) => t.showlegend !== false).map((t) => t.name)).toEqual(['run 1', 'run 3', 'observed']);
    expect(c.data.at(-1)?.y).toEqual([5, 6]);
    expect((c.layout.yaxis as { title: { text: string } }).title.text).toBe('I');
  });
});

describe('posteriorOverlay', () => {
  it('histograms posterior draws, draws point estimates and the truth as lines', () => {
    const c = posteriorOverlay('beta', [
      { label: 'NPE', color: '#3b6df0', samples: [0.4, 0.5, 0.6] },
      { label: 'GA', color: '#e8871e', point: 0.55 },
    ], 0.5);
    expect(c.data.map((t) => t.type)).toEqual(['histogram', 'scatter', 'scatter']);
    expect((c.layout.shapes as { x0: number }[]).map((s) => s.x0)).toEqual([0.55, 0.5]);
  });

  it('leaves out a run with neither draws nor a finite point', () => {
    const c = posteriorOverlay('beta', [{ label: 'failed', color: '#3b6df0', point: NaN }], undefined);
    expect(c.data).toEqual([]);
  });
});
