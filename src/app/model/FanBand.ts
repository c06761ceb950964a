/** Quantile band over time for one variable of one observed trajectory (fan chart). */
export interface FanBand {
  variable: string;
  trajectoryId: string;
  /** Time index of each point. */
  t: number[];
  p5: number[];
  p50: number[];
  p95: number[];
  observed: number[];
}
