/**
 * Detects a stalled noisy search: the median fitness of the last `window` generations is no lower
 * than the median of the `window` before (the test pycma's `tolstagnation` makes, on medians so that
 * one lucky draw does not keep a search alive). Generation medians, not bests: under a noisy fitness
 * the best of a generation is mostly luck, while the median moves only while the search improves.
 */
export class StallDetector {
  private readonly medians: number[] = [];

  constructor(readonly window: number) {}

  /** Records a generation's fitness values; returns true once the search has stalled. */
  push(fitness: ArrayLike<number>): boolean {
    this.medians.push(median(Array.from(fitness).filter(Number.isFinite)));
    const w = this.window;
    const m = this.medians;
    if (m.length < 2 * w) return false;
    const last = median(m.slice(m.length - w).filter(Number.isFinite));
    const before = median(m.slice(m.length - 2 * w, m.length - w).filter(Number.isFinite));
    return !(last < before);
  }

  /**
   * (before − last) / |before| of the last two windows' medians: how much the search still improves
   * (positive while it does). Undefined before two windows are full or when either median is not finite.
   */
  relativeDrop(): number | undefined {
    const w = this.window;
    const m = this.medians;
    if (m.length < 2 * w) return undefined;
    const last = median(m.slice(m.length - w).filter(Number.isFinite));
    const before = median(m.slice(m.length - 2 * w, m.length - w).filter(Number.isFinite));
    if (!Number.isFinite(last) || !Number.isFinite(before) || before === 0) return undefined;
    return (before - last) / Math.abs(before);
  }
}

function median(xs: number[]): number {
  if (xs.length === 0) return Infinity;
  const s = xs.slice().sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}
