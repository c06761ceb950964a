import { createRng } from '../../rng/createRng.ts';
import { deriveSeed } from '../../rng/deriveSeed.ts';
import type { ParameterSpec } from '../../sim/types.ts';
import { CalibrationLedger } from '../calibrationLedger.ts';
import type { BatchEvaluator, CalibrationOptions, CalibrationResult, Calibrator } from '../Calibrator.ts';
import { GA_DEFAULTS } from '../ga/geneticAlgorithm.ts';
import { asUnitParams, clipToUnitBox } from '../unitBox.ts';
import { warmStartPoint } from '../warmStartPoint.ts';
import { CmaesState } from './cmaesState.ts';

/** CMA-ES settings beyond Hansen's strategy defaults (which live in {@link CmaesState}). */
export const CMAES_DEFAULTS = {
  /** Initial step size in unit coordinates: a quarter of the box width, the tutorial's advice for a cold start. */
  sigmaCold: 0.5,
  /** Initial step size around a warm start: local, but able to leave if the structure changed. */
  sigmaWarm: 0.2,
  /** Candidates of a default GA run (200 · (2 · 10 + 1)); default generations match this budget. */
  budget: GA_DEFAULTS.popsize * (2 * GA_DEFAULTS.generations + 1),
  /** Stop early once the distribution is this narrow in unit coordinates (converged). */
  tolStd: 1e-10,
  /** Cap on the widest axis: beyond a few box widths samples just pile up on the box corners. */
  maxStd: 4,
} as const;

/** Path under the run seed for the sampling stream, apart from the generation seeds (>= 1). */
const SEARCH_STREAM = -1;

/**
 * CMA-ES, (mu/mu_w, lambda) with cumulative step-size adaptation and rank-one plus rank-mu
 * covariance updates ({@link CmaesState}), searching the normalised box [-1, 1]^n.
 *
 * - lambda = `options.popsize` or 4 + floor(3 ln n); generations default to
 *   ceil(4,200 / (lambda + 2)), the candidate budget of a default GA run.
 * - Start: mean at the warm-start point when `options.warmStart` names a current parameter (unnamed
 *   ones at `init` or the midpoint), sigma 0.2; otherwise mean at the box centre, sigma 0.5.
 * - Bounds: each sample x is evaluated at clip(x) (always a valid parameter vector) and ranked by
 *   `f(clip x) + w · |x − clip x|²`, with w = IQR of the generation's finite scores / (sigma² · mean
 *   diag C): a sample one standard deviation outside the box pays about one inter-quartile range, so
 *   the distribution is pulled back but the mean can still sit on a face when the optimum is there
 *   (cf. Hansen's BoundPenalty in pycma). Failed (+Infinity) samples rank after all finite ones and
 *   among themselves in sample order, i.e. at random: in an all-failing region the mean drifts
 *   without bias and CSA keeps sigma roughly unchanged, so the search can walk out.
 * - Each generation is ONE evaluator call (seed `deriveSeed(seed, generation)`, generations from 1)
 *   holding the lambda clipped samples, the clipped mean and the incumbent. The incumbent (reported
 *   best) is replaced only by a strictly better point of the same call, so under noise it is
 *   re-scored against fresh common random numbers each generation rather than kept for a lucky draw,
 *   and with a deterministic fitness it is the best ever seen. Cost: lambda + 2 candidates per generation.
 * - Progress after every generation (population = the clipped samples); `options.signal` is checked
 *   before each evaluation (cancel → best so far, `cancelled: true`, within one generation). The run
 *   also stops early, not cancelled, once sigma · max D < 1e-10 (converged).
 */
export const cmaes: Calibrator = {
  method: 'cmaes',
  run: runCmaes,
};

async function runCmaes(parameters: readonly ParameterSpec[], evaluate: BatchEvaluator, options: CalibrationOptions): Promise<CalibrationResult> {
  const n = parameters.length;
  const lambda = checkInt(options.popsize ?? 4 + Math.floor(3 * Math.log(Math.max(n, 1))), 'popsize', 2);
  const generations = checkInt(options.generations ?? Math.ceil(CMAES_DEFAULTS.budget / (lambda + 2)), 'generations', 0);
  const warm = warmStartPoint(parameters, options.warmStart);
  const isWarm = warm.matched > 0;
  const start = isWarm ? warm.point : asUnitParams(new Float64Array(n));
  const ledger = new CalibrationLedger('cmaes', parameters, evaluate, options, generations);
  const rng = createRng(deriveSeed(options.seed, SEARCH_STREAM));
  const es = new CmaesState(start, isWarm ? CMAES_DEFAULTS.sigmaWarm : CMAES_DEFAULTS.sigmaCold, lambda);

  for (let g = 1; g <= generations; g++) {
    if (ledger.aborted) return ledger.result(true, start);
    const xs = es.sample(rng);
    const clipped = xs.map((x) => clipToUnitBox(Float64Array.from(x)));
    const batch: Float64Array[] = [...clipped, clipToUnitBox(Float64Array.from(es.mean))];
    if (ledger.bestUnit) batch.push(ledger.bestUnit);
    const f = await ledger.evaluate(batch, g);
    if (!f) return ledger.result(true, start);

    // Incumbent: kept on ties, so it is listed first in the scan.
    let bestIdx = ledger.bestUnit ? lambda + 1 : lambda;
    for (let i = 0; i <= lambda; i++) if (f[i] < f[bestIdx]) bestIdx = i;
    ledger.setBest(batch[bestIdx], f[bestIdx]);

    const penalised = penalise(xs, clipped, f.subarray(0, lambda), es);
    const order = Array.from(xs.keys()).sort((i, j) => (penalised[i] < penalised[j] ? -1 : penalised[i] > penalised[j] ? 1 : i - j));
    es.update(order.map((i) => xs[i]));
    const widest = es.maxStd();
    if (widest > CMAES_DEFAULTS.maxStd) es.sigma *= CMAES_DEFAULTS.maxStd / widest;

    ledger.report(g, clipped, f.subarray(0, lambda));
    if (n === 0 || es.maxStd() < CMAES_DEFAULTS.tolStd) break;
  }
  return ledger.result(false, start);
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

function checkInt(v: number, name: string, min: number): number {
  if (!Number.isInteger(v) || v < min) throw new RangeError(`Error in cmaes: options.${name} must be an integer >= ${min}, got ${v}`);
  return v;
}
