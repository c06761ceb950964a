import { describe, expect, it } from 'vitest';
import { AdaptiveCap, CAP_EXTENSION } from './adaptiveCap.ts';
import { convergeBudget } from './budget.ts';
import { finalPickReserve } from './finalPickReserve.ts';
import { cmaes } from './cmaes/cmaes.ts';
import { StallDetector } from './stallDetector.ts';
import { analyticEvaluator, boxParameters, sphere } from './test/testProblems.ts';
import { calibrationWarnings } from './trustWarnings.ts';

/** An 8-D ellipsoid with axis scales from 1 to 1e6: CMA-ES is still learning its shape at the default cap. */
function ellipsoid(x: Float64Array): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += 1e6 ** (k / (x.length - 1)) * (x[k] - 0.3) ** 2;
  return 1 + s;
}

describe('AdaptiveCap', () => {
  it('AdaptiveCap.reached extends by half the base while the drop exceeds the threshold, at most twice', () => {
    const cap = new AdaptiveCap(1000, true);
    expect(cap.reached(CAP_EXTENSION.minRelativeDrop * 2)).toBe(true);
    expect(cap.current).toBe(1500);
    expect(cap.reached(0.5)).toBe(true);
    expect(cap.current).toBe(2000);
    expect(cap.reached(0.5)).toBe(false);
    expect(cap.current).toBe(2000);
    expect(cap.stillImproving).toBe(true);
  });

  it('AdaptiveCap.reached does not extend on a drop within noise or without a verdict, and says so', () => {
    const cap = new AdaptiveCap(1000, true);
    expect(cap.reached(CAP_EXTENSION.minRelativeDrop / 2)).toBe(false);
    expect(cap.stillImproving).toBe(false);
    expect(cap.reached(undefined)).toBe(false);
    expect(cap.current).toBe(1000);
  });

  it('AdaptiveCap.reached never moves a cap the caller chose, but keeps the verdict', () => {
    const cap = new AdaptiveCap(1000, false);
    expect(cap.reached(0.5)).toBe(false);
    expect(cap.current).toBe(1000);
    expect(cap.stillImproving).toBe(true);
  });
});

describe('StallDetector.relativeDrop', () => {
  it('StallDetector.relativeDrop compares the last window median with the one before, once both are full', () => {
    const d = new StallDetector(2);
    [10, 10, 8].forEach((m) => d.push([m]));
    expect(d.relativeDrop()).toBeUndefined();
    d.push([8]);
    expect(d.relativeDrop()).toBeCloseTo(0.2, 12);
  });
});

describe('the default cap adapts (converge budget)', () => {
  const base = convergeBudget(8).maxCandidates;

  it('cmaes extends the default cap to 2× on a search still improving at the cap, and warns when it is still improving there', async () => {
    const r = await cmaes.run(boxParameters(8, -1, 1), analyticEvaluator(ellipsoid), { seed: 1 });
    expect(r.search?.capExtensions).toBe(CAP_EXTENSION.maxExtensions);
    // The search's own cap (the whole less the final race's reserve) doubles; the reserve stays.
    const search = base - finalPickReserve(base);
    expect(r.search?.maxCandidates).toBe(2 * search + finalPickReserve(base));
    expect(r.search?.candidates).toBeGreaterThan(1.5 * search);
    expect(r.search?.stoppedBy).toBe('budget');
    expect(r.search?.stillImproving).toBe(true);
    const kinds = calibrationWarnings({ bestFitness: r.bestFitness, search: r.search }).map((w) => w.kind);
    expect(kinds).toContain('still-improving');
  });

  it('cmaes keeps a cap the caller chose and flags the search cut off while improving', async () => {
    const r = await cmaes.run(boxParameters(8, -1, 1), analyticEvaluator(ellipsoid), { seed: 1, maxCandidates: base });
    expect(r.search?.capExtensions).toBe(0);
    expect(r.search?.maxCandidates).toBe(base);
    expect(r.search?.candidates).toBeLessThanOrEqual(base);
    expect(r.search?.stillImproving).toBe(true);
  });

  it('cmaes does not extend the cap for a noisy sphere whose last restart is cut short (no verdict), and raises no warning', async () => {
    const r = await cmaes.run(boxParameters(2, -1, 1), analyticEvaluator(sphere([0.2, 0.1]), 0.01), { seed: 1 });
    expect(r.search?.capExtensions).toBe(0);
    expect(r.search?.maxCandidates).toBe(convergeBudget(2).maxCandidates);
    expect(r.search?.stillImproving).toBe(false);
    expect(calibrationWarnings({ bestFitness: r.bestFitness, search: r.search }).map((w) => w.kind)).not.toContain('still-improving');
  });
});
