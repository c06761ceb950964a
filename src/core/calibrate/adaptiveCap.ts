/**
 * How far the `converge` budget's candidate cap may stretch (issue #14). On gene expression CMA-ES
 * stopped on the default cap of 2,200 while its fit was still improving (seed 1: W1 / floor 1.505; with
 * three times the cap 1.187). A plain "stopped on budget" warning would fire on many healthy runs too
 * (an IPOP restart cut short by the cap has not failed: the incumbent from the earlier runs stands), so
 * the test is on the run in progress at the cap: its generation medians over the last stall window
 * against the window before ({@link StallDetector.relativeDrop}).
 */
export const CAP_EXTENSION = {
  /** Each extension adds this share of the base cap. */
  step: 0.5,
  /** At most this many extensions: the cap grows to at most 2× the base. */
  maxExtensions: 2,
  /**
   * "Still improving": the last window's median generation score is at least this much below the
   * window before it, relative to its size. Below it, a converged run's medians wander by noise alone
   * (the stall test `last < before` alone passes about half the time at convergence).
   */
  minRelativeDrop: 0.002,
} as const;

/**
 * The candidate cap of one search. `adaptive` (the default cap of the `converge` budget): at the cap,
 * a run whose medians still fall by more than {@link CAP_EXTENSION.minRelativeDrop} gets
 * {@link CAP_EXTENSION.step} of the base cap more, at most {@link CAP_EXTENSION.maxExtensions} times.
 * A cap the caller chose (`--max-candidates`) or a fixed budget never moves; either way the last
 * verdict is kept, so a search cut off while improving can say so.
 */
export class AdaptiveCap {
  current: number;
  extensions = 0;
  /** The verdict at the last time the cap was reached (false until then). */
  stillImproving = false;

  constructor(
    readonly base: number,
    readonly adaptive: boolean,
  ) {
    this.current = base;
  }

  /**
   * Called when the next generation would pass the cap. `drop`: the run's relative median drop over
   * its last stall window (undefined while the run is younger than two windows: no verdict, no extension).
   * @returns true when the cap was raised and the run may go on.
   */
  reached(drop: number | undefined): boolean {
    this.stillImproving = drop !== undefined && drop > CAP_EXTENSION.minRelativeDrop;
    if (!this.stillImproving || !this.adaptive || this.extensions >= CAP_EXTENSION.maxExtensions || !Number.isFinite(this.base)) return false;
    this.extensions++;
    this.current = this.base + Math.round(this.extensions * CAP_EXTENSION.step * this.base);
    return true;
  }
}
