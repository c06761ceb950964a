import type { Rng } from '../../rng/Rng.ts';
import type { AdaptiveCap } from '../adaptiveCap.ts';
import type { CalibrationLedger } from '../calibrationLedger.ts';
import { StallDetector } from '../stallDetector.ts';
import { clipToUnitBox } from '../unitBox.ts';
import type { CmaesState } from './cmaesState.ts';

/** Limits of one CMA-ES run inside a calibration (a whole run, an IPOP restart or the GA's refinement). */
export interface CmaesPhaseLimits {
  /** Generation index of the first generation (its evaluator seed is `deriveSeed(seed, index)`). */
  firstGeneration: number;
  /** Stop after this many generations (fixed budgets). */
  maxGenerations: number;
  /**
   * Stop before a generation would take the ledger's candidate count past `cap.current`, unless the cap,
   * told how much this run still improves, extends itself (adaptiveCap.ts).
   */
  cap: AdaptiveCap;
  /** Stop on convergence: step size below `tolStd`, or a stall of the generation medians. */
  converge: boolean;
  tolStd: number;
  /** Cap on the widest axis in unit coordinates (beyond a few box widths samples pile up on the corners). */
  maxStd: number;
}

export type CmaesPhaseStop = 'cancelled' | 'converged' | 'stalled' | 'budget' | 'generations';

/**
 * Runs CMA-ES generations on an existing search state until a limit is hit (see {@link cmaes} for the
 * bound handling, the incumbent and common random numbers). Each generation is ONE evaluator call
 * holding the lambda clipped samples, the clipped mean and the ledger's incumbent (lambda + 2
 * candidates). Returns why it stopped and the next generation index.
 *
 * Stall window (converge only): 10 + ⌈30 n / λ⌉ generations, pycma's `tolstagnation` idea scaled down
 * to our budgets; shorter windows stopped the 4-parameter suite problems before the noise floor.
 */
export async function cmaesPhase(ledger: CalibrationLedger, es: CmaesState, rng: Rng, limits: CmaesPhaseLimits): Promise<{ stop: CmaesPhaseStop; next: number }> {
  const { n, lambda } = es;
  const stall = new StallDetector(10 + Math.ceil((30 * n) / lambda));
  let g = limits.firstGeneration;
  for (let done = 0; ; done++, g++) {
    if (ledger.aborted) return { stop: 'cancelled', next: g };
    if (done >= limits.maxGenerations) return { stop: 'generations', next: g };
    if (ledger.candidates + lambda + 2 > limits.cap.current) {
      if (!limits.cap.reached(stall.relativeDrop()) || ledger.candidates + lambda + 2 > limits.cap.current) return { stop: 'budget', next: g };
      ledger.maxCandidates = limits.cap.current;
    }
    const xs = es.sample(rng);
    const clipped = xs.map((x) => clipToUnitBox(Float64Array.from(x)));
    const batch: Float64Array[] = [...clipped, clipToUnitBox(Float64Array.from(es.mean))];
    if (ledger.bestUnit) batch.push(ledger.bestUnit);
    const f = await ledger.evaluate(batch, g);
    if (!f) return { stop: 'cancelled', next: g };

    // Incumbent: kept on ties, so it is listed first in the scan.
    let bestIdx = ledger.bestUnit ? lambda + 1 : lambda;
    for (let i = 0; i <= lambda; i++) if (f[i] < f[bestIdx]) bestIdx = i;
    ledger.setBest(batch[bestIdx], f[bestIdx]);

    const penalised = penalise(xs, clipped, f.subarray(0, lambda), es);
    const order = Array.from(xs.keys()).sort((i, j) => (penalised[i] < penalised[j] ? -1 : penalised[i] > penalised[j] ? 1 : i - j));
    es.update(order.map((i) => xs[i]));
    const widest = es.maxStd();
    if (widest > limits.maxStd) es.sigma *= limits.maxStd / widest;

    if (limits.converge) {
      // The estimate of the total shown in progress: generations so far plus what the cap still allows.
      ledger.totalIterations = g + Math.max(0, Math.floor((limits.cap.current - ledger.candidates) / (lambda + 2)));
    }
    ledger.report(g, clipped, f.subarray(0, lambda));
    if (n === 0 || es.maxStd() < limits.tolStd) return { stop: 'converged', next: g + 1 };
    if (limits.converge && stall.push(f.subarray(0, lambda))) return { stop: 'stalled', next: g + 1 };
  }
}

/** Ranking scores with the adaptive quadratic bound penalty (see {@link cmaes}); +Infinity stays. */
function penalise(xs: readonly Float64Array[], clipped: readonly Float64Array[], f: Float64Array, es: CmaesState): Float64Array {
  const finite = Array.from(f).filter(Number.isFinite).sort((a, b) => a - b);
  const q = (p: number) => finite[Math.min(finite.length - 1, Math.floor(p * finite.length))];
  const iqr = finite.length > 0 ? q(0.75) - q(0.25) : 0;
  const spread = Math.max(iqr, 1e-12 * (1 + (finite.length > 0 ? Math.abs(q(0.5)) : 0)));
  let trace = 0;
  for (let k = 0; k < es.n; k++) trace += es.C[k * es.n + k];
  const w = spread / (es.sigma * es.sigma * Math.max(trace / Math.max(es.n, 1), 1e-300));
  return Float64Array.from(f, (fi, i) => {
    if (!Number.isFinite(fi)) return Infinity;
    let d2 = 0;
    for (let k = 0; k < es.n; k++) d2 += (xs[i][k] - clipped[i][k]) ** 2;
    return fi + w * d2;
  });
}
