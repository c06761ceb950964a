import type { ScenarioOutcome } from '../../model/WhatIf.ts';

/**
 * True when the variable's peak day is the start (day 0) in at least 95 % of the model's and of the
 * truth's rollouts, as for S in an SIR model, which only falls. Model and truth start from the same
 * states, so their peaks are (almost all) that shared start and the peak and peak-day W1 are 0 by
 * construction (why "S peak W1" always read 0): they say nothing about the fit, so the table shows n/a.
 */
export function peaksAtStart(o: ScenarioOutcome, variable: string): boolean {
  const m = o.summary?.model[variable];
  const t = o.summary?.truth?.[variable];
  return m !== undefined && t !== undefined && m.peakDay.q95 === 0 && t.peakDay.q95 === 0;
}
