import { describe, expect, it } from 'vitest';
import type { ScenarioOutcome } from '../model/WhatIf.ts';
import { scenarioFan } from './scenarioFan.ts';

const band = { p5: [0, 1, 2], p50: [1, 2, 3], p95: [2, 3, 4] };

describe('scenarioFan', () => {
  it('names the variable upright above the plot, not as a rotated axis title (a one-letter name read as a dash)', () => {
    const o = { steps: 3, model: { I: band }, truth: { I: band }, windows: [] } as unknown as ScenarioOutcome;
    const { layout, data } = scenarioFan(o, 'I', [0, 5]);
    const y = layout.yaxis as { title?: unknown; range?: number[] };
    expect(y.title).toBeUndefined();
    expect(y.range).toEqual([0, 5]);
    const notes = layout.annotations as { text: string; textangle?: number }[];
    expect(notes.map((a) => a.text)).toEqual(['I']);
    expect(notes[0].textangle ?? 0).toBe(0);
    // Truth band and median, then the model's: six traces.
    expect(data).toHaveLength(6);
  });
});
