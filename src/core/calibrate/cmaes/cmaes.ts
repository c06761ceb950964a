import { createRng } from '../../rng/createRng.ts';
import { deriveSeed } from '../../rng/deriveSeed.ts';
import type { ParameterSpec } from '../../sim/types.ts';
import { AdaptiveCap } from '../adaptiveCap.ts';
import { CalibrationLedger } from '../calibrationLedger.ts';
import { pickFinalist } from '../finalPick.ts';
import { finalPickReserve } from '../finalPickReserve.ts';
import { clipToUnitBox } from '../unitBox.ts';
import { budgetModeOf, convergeBudget } from '../budget.ts';
import type { BatchEvaluator, CalibrationOptions, CalibrationResult, Calibrator, SearchSummary } from '../Calibrator.ts';
import { GA_DEFAULTS } from '../ga/geneticAlgorithm.ts';
import { asUnitParams } from '../unitBox.ts';
import { warmStartPoint } from '../warmStartPoint.ts';
import { cmaesPhase } from './cmaesPhase.ts';
import { CmaesState, defaultCmaesPopulation } from './cmaesState.ts';

/** CMA-ES settings beyond Hansen's strategy defaults (which live in {@link CmaesState}). */
export const CMAES_DEFAULTS = {
  /** Initial step size in unit coordinates: a quarter of the box width, the tutorial's advice for a cold start. */
  sigmaCold: 0.5,
  /** Initial step size around a warm start: local, but able to leave if the structure changed. */
  sigmaWarm: 0.2,
  /** Candidates of a default GA run (200 · (2 · 10 + 1)); default generations match this budget. */
  budget: GA_DEFAULTS.popsize * (2 * GA_DEFAULTS.generations + 1),
  /** `paper` budget: stop early once the distribution is this narrow in unit coordinates. */
  tolStd: 1e-10,
  /**
   * `converge` budget: converged once sigma · max D is below 1e-3 (0.05 % of the box width), far
   * below what any suite dataset pins down (the narrowest identified width was ≈ 0.5 % of its box).
   */
  tolStdConverge: 1e-3,
  /** `converge` budget: IPOP restarts (lambda doubles each time: 1, 2, 4, 8 × the default). */
  maxRestarts: 3,
  /** Cap on the widest axis: beyond a few box widths samples just pile up on the box corners. */
  maxStd: 4,
} as const;

/** Path under the run seed for the sampling stream, apart from the generation seeds (>= 1). */
const SEARCH_STREAM = -1;

/**
 * CMA-ES, (mu/mu_w, lambda) with cumulative step-size adaptation and rank-one plus rank-mu
 * covariance updates ({@link CmaesState}), searching the normalised box [-1, 1]^n.
 *
 * - Budget (`options.budget`, see `budget.ts`):
 *   - `converge` (default): lambda = `options.popsize` or 4 + floor(3 ln n); a run stops when the
 *     step size is below 1e-3 of the box (converged) or the generation medians stall
 *     ({@link cmaesPhase}); then IPOP restarts it (Auger & Hansen 2005) from a uniform point with
 *     lambda doubled, up to 3 restarts, within `maxCandidates` (default {@link convergeBudget}). A
 *     larger population also averages the fitness noise better, which is what the restarts buy on
 *     stochastic simulators. The incumbent carries over, so a restart can only improve the result.
 *     At the end a race ({@link pickFinalist}) between each run's final mean and incumbent, re-scored
 *     under fresh seeds, picks the result (its candidates, an eleventh of the cap and at most 256, are set aside from it).
 *   - `paper` (or `generations` given): one run of `generations` (default ceil(4,200 / (lambda + 2)),
 *     the candidates of a default GA run), stopping early only once sigma · max D < 1e-10.
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
 *   before each evaluation (cancel → best so far, `cancelled: true`, within one generation).
 */
export const cmaes: Calibrator = {
  method: 'cmaes',
  run: runCmaes,
};

async function runCmaes(parameters: readonly ParameterSpec[], evaluate: BatchEvaluator, options: CalibrationOptions): Promise<CalibrationResult> {
  const n = parameters.length;
  const mode = budgetModeOf(options);
  const lambda0 = checkInt(options.popsize ?? defaultCmaesPopulation(n), 'popsize', 2);
  const converge = mode === 'converge';
  const maxCandidates = converge ? checkInt(options.maxCandidates ?? convergeBudget(n).maxCandidates, 'maxCandidates', 1) : Infinity;
  const generations = converge ? Infinity : checkInt(options.generations ?? Math.ceil(CMAES_DEFAULTS.budget / (lambda0 + 2)), 'generations', 0);
  const warm = warmStartPoint(parameters, options.warmStart);
  const isWarm = warm.matched > 0;
  const start = isWarm ? warm.point : asUnitParams(new Float64Array(n));
  const estimate = converge ? Math.floor(maxCandidates / (lambda0 + 2)) : generations;
  const ledger = new CalibrationLedger('cmaes', parameters, evaluate, options, estimate);
  ledger.maxCandidates = maxCandidates;
  // The final race's candidates come out of the cap; the search's own cap (which may adapt) is the rest.
  const reserve = converge ? finalPickReserve(maxCandidates) : 0;
  // The default cap adapts (extended while the run at the cap still improves); one the caller chose does not.
  const cap = new AdaptiveCap(maxCandidates - reserve, converge && options.maxCandidates === undefined);
  const rng = createRng(deriveSeed(options.seed, SEARCH_STREAM));
  const summary = (stoppedBy: SearchSummary['stoppedBy'], restarts: number): SearchSummary => ({
    budget: mode, candidates: ledger.candidates, maxCandidates: converge ? cap.current + reserve : ledger.candidates, stoppedBy, restarts, refinementGenerations: 0,
    ...(converge ? { capExtensions: cap.extensions, stillImproving: stoppedBy === 'budget' && cap.stillImproving } : {}),
  });

  let lambda = lambda0;
  let mean: Float64Array = start;
  let sigma: number = isWarm ? CMAES_DEFAULTS.sigmaWarm : CMAES_DEFAULTS.sigmaCold;
  let next = 1;
  // Each run's final mean and the incumbent at its end, for the final pick (converge only).
  const finalists: Float64Array[] = [];
  for (let restarts = 0; ; restarts++) {
    const es = new CmaesState(mean, sigma, lambda);
    const phase = await cmaesPhase(ledger, es, rng, {
      firstGeneration: next,
      maxGenerations: generations,
      cap,
      converge,
      tolStd: converge ? CMAES_DEFAULTS.tolStdConverge : CMAES_DEFAULTS.tolStd,
      maxStd: CMAES_DEFAULTS.maxStd,
    });
    next = phase.next;
    if (phase.stop === 'cancelled') return ledger.result(true, start, summary('cancelled', restarts));
    const stop = phase.stop;
    finalists.push(clipToUnitBox(Float64Array.from(es.mean)));
    if (ledger.bestUnit) finalists.push(ledger.bestUnit);
    // Restart only when the run converged or stalled and a doubled population still fits the budget
    // for a meaningful run (at least 10 generations).
    const room = cap.current - ledger.candidates;
    if (!converge || n === 0 || stop === 'budget' || restarts >= CMAES_DEFAULTS.maxRestarts || room < 10 * (2 * lambda + 2)) {
      if (converge && (await pickFinalist(ledger, finalists, next, cap.current + reserve)) === undefined) {
        return ledger.result(true, start, summary('cancelled', restarts));
      }
      return ledger.result(false, start, summary(stop, restarts));
    }
    lambda *= 2;
    mean = Float64Array.from({ length: n }, () => rng.uniform(-1, 1));
    sigma = CMAES_DEFAULTS.sigmaCold;
  }
}

function checkInt(v: number, name: string, min: number): number {
  if (!Number.isInteger(v) || v < min) throw new RangeError(`Error in cmaes: options.${name} must be an integer >= ${min}, got ${v}`);
  return v;
}
