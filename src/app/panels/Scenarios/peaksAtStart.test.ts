import { describe, expect, it } from 'vitest';
import type { ScenarioOutcome, VariableOutcomes } from '../../model/WhatIf.ts';
import { peaksAtStart } from './peaksAtStart.ts';

const iv = (q05: number, median: number, q95: number) => ({ q05, median, q95 });
const outcomes = (peakDayQ95: number): VariableOutcomes => ({ peak: iv(990, 990, 990), peakDay: iv(0, 0, peakDayQ95), final: iv(1, 2, 3), total: iv(1, 2, 3) });
const outcome = (model: number, truth: number | null): ScenarioOutcome =>
  ({ name: 's', summary: { model: { S: outcomes(model) }, truth: truth === null ? null : { S: outcomes(truth) } } }) as unknown as ScenarioOutcome;

describe('peaksAtStart', () => {
  it('is true when model and truth both peak on day 0', () => {
    expect(peaksAtStart(outcome(0, 0), 'S')).toBe(true);
  });

  it('is false when either side peaks later, or there is no truth to compare with', () => {
    expect(peaksAtStart(outcome(0, 12), 'S')).toBe(false);
    expect(peaksAtStart(outcome(3, 0), 'S')).toBe(false);
    expect(peaksAtStart(outcome(0, null), 'S')).toBe(false);
    expect(peaksAtStart(outcome(0, 0), 'I')).toBe(false);
  });
});
