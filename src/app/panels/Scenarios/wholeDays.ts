import type { OutcomeInterval } from '../../model/WhatIf.ts';

/**
 * A peak-day interval in whole steps, as a reader expects days: the quantiles over the rollouts
 * interpolate between days ("peak day 17 (14.95–25.05)"), so the median is rounded and the bounds are
 * widened to the days around them (floor, ceil), never narrowed.
 */
export function wholeDays(v: OutcomeInterval): OutcomeInterval {
  return { median: Math.round(v.median), q05: Math.floor(v.q05), q95: Math.ceil(v.q95) };
}
