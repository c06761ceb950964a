import { describe, expect, it } from 'vitest';
import type { RunDiagnostics } from '../model/RunRecord.ts';
import { w1Bars } from './w1Bars.ts';

const diagnostics = (floor?: boolean) => ({
  status: 'done',
  validation: { perVariable: [{ name: 'S', w1: 3 }, { name: 'I', w1: 2 }] },
  benchmark: {
    w1: 1.5, startStates: 200, perVariable: [{ name: 'S', w1: 1.2 }, { name: 'I', w1: 1.8 }],
    ...(floor ? { floor: { w1: 1.4, perVariable: [{ name: 'I', w1: 1.6 }, { name: 'S', w1: 1.1 }] } } : {}),
  },
}) as unknown as RunDiagnostics;

describe('w1Bars', () => {
  it('puts a noise-floor tick on each test bar, matched by variable name, on the test panel', () => {
    const { data } = w1Bars(diagnostics(true));
    const floor = data.find((t) => t.name === 'noise floor (truth vs itself)') as { x: string[]; y: number[]; xaxis: string; yaxis: string };
    expect(floor.x).toEqual(['S', 'I']);
    expect(floor.y).toEqual([1.1, 1.6]);
    expect([floor.xaxis, floor.yaxis]).toEqual(['x2', 'y2']);
  });

  it('draws no tick before the floor has arrived', () => {
    expect(w1Bars(diagnostics(false)).data.map((t) => t.name)).toEqual(['rollout W1 (val)', 'one-step W1 vs ground truth (test)']);
  });
});
