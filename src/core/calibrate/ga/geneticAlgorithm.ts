import { createRng } from '../../rng/createRng.ts';
import { deriveSeed } from '../../rng/deriveSeed.ts';
import type { Rng } from '../../rng/Rng.ts';
import type { ParameterSpec } from '../../sim/types.ts';
import { AdaptiveCap } from '../adaptiveCap.ts';
import { budgetModeOf, convergeBudget } from '../budget.ts';
import { CalibrationLedger } from '../calibrationLedger.ts';
import type { BatchEvaluator, CalibrationOptions, CalibrationResult, Calibrator, SearchSummary } from '../Calibrator.ts';
import { cmaesPhase } from '../cmaes/cmaesPhase.ts';
import { pickFinalist } from '../finalPick.ts';
import { finalPickReserve } from '../finalPickReserve.ts';
import { CmaesState, defaultCmaesPopulation } from '../cmaes/cmaesState.ts';
import { StallDetector } from '../stallDetector.ts';
import { clipToUnitBox, type UnitParams } from '../unitBox.ts';
import { warmStartPoint } from '../warmStartPoint.ts';
import { gaussianMutation } from './gaussianMutation.ts';
import { simulatedBinaryCrossover } from './simulatedBinaryCrossover.ts';
import { tournamentSelection } from './tournamentSelection.ts';

/** The paper's GA settings (App. E.3.1, E.6; notes §4.3). */
export const GA_DEFAULTS = {
  popsize: 200,
  generations: 10,
  tournamentSize: 4,
  eta: 8,
  mutationStdev: 0.03,
  /** Share of the initial population placed around a warm start (at least one individual). */
  warmCloudFraction: 0.1,
  /** Spread of that cloud in unit coordinates: local, yet wide enough to re-fit a changed structure. */
  warmCloudStdev: 0.05,
  /** `converge` budget: generations in each half of the stall test (generation medians of the survivors). */
  stallWindow: 5,
  /** `converge` budget: share of the candidate cap the GA may use before the CMA-ES refinement. */
  convergeGaShare: 0.6,
  /**
   * `converge` budget: the refinement's population, as a multiple of CMA-ES's default 4 + ⌊3 ln n⌋. It
   * starts inside the GA's converged elite, where samples differ by about the fitness noise (K = 2
   * draws per transition); a larger population averages that noise in each recombined step, so the
   * search follows a ridge instead of one call's luck. Suite, 5 seeds (gene expression 10), mean
   * W1 / floor ×1 → ×3: gene expression 1.397 → 1.205, stage population 1.167 → 1.040, flow balance
   * 1.105 → 1.054, predator–prey 1.099 → 1.020, none of the nine worse (×2, ×4, slow diffusion: README).
   */
  refinementPopulationFactor: 3,
} as const;

/** The refinement's convergence threshold (sigma · max D in unit coordinates), as CMA-ES's converge mode. */
const CMAES_TOL_STD = 1e-3;

/** Path under the run seed for the search's own randomness, apart from the generation seeds (>= 0). */
const SEARCH_STREAM = -1;

/**
 * The genetic algorithm of G-Sim's ES path, with EvoTorch `GeneticAlgorithm` semantics written from
 * its description (notes §4.4; EvoTorch defaults `elitist=True`, `re_evaluate=True`):
 *
 * - genes live in the normalised box [-1, 1] and are decoded with clipping ({@link paramsFromUnit});
 * - the initial population is uniform in the box. A warm start (`options.warmStart` naming at least
 *   one current parameter) seeds a small cloud instead of a single point: one individual exactly at
 *   the warm point (unnamed parameters at `init` or the midpoint) and `warmCloudFraction` of the
 *   population around it with N(0, `warmCloudStdev`^2) noise; the rest stays uniform for diversity;
 * - each generation makes `popsize` children (crossover rate 1.0): pairs of parents from tournaments of
 *   4, simulated binary crossover (eta 8) giving two children per pair, then Gaussian mutation
 *   (stdev 0.03) on every gene;
 * - survival is elitist: parents and children are pooled, re-scored together (parents are re-evaluated
 *   every generation because the fitness is noisy) in ONE evaluator call seeded with
 *   `deriveSeed(seed, generation)`, and the best `popsize` are kept (ties keep parents first).
 *
 * Budget (`options.budget`, see `budget.ts`): `paper` (or `generations` given) runs popsize 200 (or
 * `popsize`) for G = 10 (or `generations`) generations; `converge` (the default) uses a population of
 * 16 (n + 2) (at most 200), stops when the survivors' median fitness stalls (5 + 5 generations) or
 * after 60 % of the candidate cap, then refines the elite with a local CMA-ES ({@link cmaesPhase}, step
 * size = the survivors' spread, population 3 (4 + ⌊3 ln n⌋)) until it converges, stalls or the cap is
 * spent, and returns the best of the GA's elite, its survivors' centroid, the refinement's mean and its
 * incumbent, re-scored in a race under fresh seeds ({@link pickFinalist}; an eleventh of the cap, at most
 * 256, is set aside for it).
 *
 * Generation 0 scores the initial population (seed `deriveSeed(seed, 0)`); generations 1..G then cost
 * 2·popsize candidates each, so the paper's run scores 200 · 21 = 4,200 candidates. The reported best is
 * the elite of the latest generation: under noise, the best score ever seen would favour a lucky draw,
 * whereas the elite has just been re-scored against fresh children. With a deterministic fitness it is
 * also the best ever found. +Infinity (failed) candidates sort last, so they never win unless all fail.
 *
 * Progress is emitted after every generation 1..G; `options.signal` is checked before each evaluation,
 * so a cancel stops the run within one generation and returns the best so far with `cancelled: true`.
 */
export const geneticAlgorithm: Calibrator = {
  method: 'ga',
  run: runGeneticAlgorithm,
};

async function runGeneticAlgorithm(
  parameters: readonly ParameterSpec[],
  evaluate: BatchEvaluator,
  options: CalibrationOptions,
): Promise<CalibrationResult> {
  const n = parameters.length;
  const mode = budgetModeOf(options);
  const converge = mode === 'converge';
  const plan = convergeBudget(n);
  const popsize = positiveInt(options.popsize ?? (converge ? plan.gaPopsize : GA_DEFAULTS.popsize), 'popsize', 2);
  const maxCandidates = converge ? positiveInt(options.maxCandidates ?? plan.maxCandidates, 'maxCandidates', 1) : Infinity;
  const generations = converge ? Infinity : positiveInt(options.generations ?? GA_DEFAULTS.generations, 'generations', 0);
  // Converge: the GA may spend up to this share of the cap; the CMA-ES refinement gets the rest.
  const gaCap = converge ? Math.max(popsize, Math.floor((maxCandidates - finalPickReserve(maxCandidates)) * GA_DEFAULTS.convergeGaShare)) : Infinity;
  const estimate = converge ? Math.max(1, Math.floor((gaCap - popsize) / (2 * popsize))) : generations;
  const rng = createRng(deriveSeed(options.seed, SEARCH_STREAM));
  const ledger = new CalibrationLedger('ga', parameters, evaluate, options, estimate);
  ledger.maxCandidates = maxCandidates;
  const warm = warmStartPoint(parameters, options.warmStart);
  const start = warm.point;
  // The final race's candidates come out of the cap; the search's own cap (which may adapt) is the rest.
  const reserve = converge ? finalPickReserve(maxCandidates) : 0;
  // The default cap adapts in the refinement (extended while it still improves); one the caller chose does not.
  const cap = new AdaptiveCap(maxCandidates - reserve, converge && options.maxCandidates === undefined);
  const summary = (stoppedBy: SearchSummary['stoppedBy'], refinementGenerations = 0): SearchSummary => ({
    budget: mode, candidates: ledger.candidates, maxCandidates: converge ? cap.current + reserve : ledger.candidates, stoppedBy, restarts: 0, refinementGenerations,
    ...(converge ? { capExtensions: cap.extensions, stillImproving: stoppedBy === 'budget' && cap.stillImproving } : {}),
  });

  let population = initialPopulation(n, popsize, rng, warm.matched > 0 ? start : undefined);
  if (ledger.aborted) return ledger.result(true, start, summary('cancelled'));
  const initial = await ledger.evaluate(population, 0);
  if (!initial) return ledger.result(true, start, summary('cancelled'));
  let fitness: Float64Array;
  ({ population, fitness } = survivors(population, initial, popsize));
  ledger.setBest(population[0], fitness[0]);

  const stall = new StallDetector(GA_DEFAULTS.stallWindow);
  let stoppedBy: SearchSummary['stoppedBy'] = 'generations';
  let g = 1;
  for (; g <= generations; g++) {
    if (ledger.aborted) return ledger.result(true, start, summary('cancelled'));
    if (ledger.candidates + 2 * popsize > gaCap) {
      stoppedBy = 'budget';
      break;
    }
    const children = breed(population, fitness, popsize, rng);
    const pool = population.concat(children);
    const poolFitness = await ledger.evaluate(pool, g);
    if (!poolFitness) return ledger.result(true, start, summary('cancelled'));
    ({ population, fitness } = survivors(pool, poolFitness, popsize));
    ledger.setBest(population[0], fitness[0]);
    ledger.report(g, population, fitness);
    if (converge && stall.push(fitness)) {
      stoppedBy = 'stalled';
      g++;
      break;
    }
  }
  if (!converge || n === 0) return ledger.result(false, start, summary(stoppedBy));

  const finalists: Float64Array[] = [centroid(population)];
  if (ledger.bestUnit) finalists.push(ledger.bestUnit);
  // Refinement: a local CMA-ES from the GA's elite, its step size the survivors' spread (the GA's
  // fixed mutation step cannot resolve below about 0.03 of the box; CMA-ES adapts it), its population
  // three times the default (refinementPopulationFactor: the noise near a converged elite).
  const es = new CmaesState(ledger.bestUnit ?? start, refinementSigma(population), GA_DEFAULTS.refinementPopulationFactor * defaultCmaesPopulation(n));
  const phase = await cmaesPhase(ledger, es, rng, {
    firstGeneration: g,
    maxGenerations: Infinity,
    cap,
    converge: true,
    tolStd: CMAES_TOL_STD,
    maxStd: 4,
  });
  if (phase.stop === 'cancelled') return ledger.result(true, start, summary('cancelled', phase.next - g));
  // The final pick among the GA's elite and its survivors' centroid, the refinement's mean and incumbent.
  finalists.push(clipToUnitBox(Float64Array.from(es.mean)));
  if (ledger.bestUnit) finalists.push(ledger.bestUnit);
  if ((await pickFinalist(ledger, finalists, phase.next, cap.current + reserve)) === undefined) {
    return ledger.result(true, start, summary('cancelled', phase.next - g));
  }
  return ledger.result(false, start, summary(phase.stop === 'generations' ? 'budget' : phase.stop, phase.next - g));
}

/** The mean of the population, per gene (unit coordinates): under noise, a steadier point than its luckiest member. */
function centroid(population: readonly Float64Array[]): Float64Array {
  const c = new Float64Array(population[0]?.length ?? 0);
  for (const x of population) for (let k = 0; k < c.length; k++) c[k] += x[k] / population.length;
  return c;
}

/** Mean per-coordinate standard deviation of the survivors, clamped to [0.02, 0.3] (unit coordinates). */
function refinementSigma(population: readonly Float64Array[]): number {
  const n = population[0]?.length ?? 0;
  let total = 0;
  for (let k = 0; k < n; k++) {
    let m = 0;
    for (const x of population) m += x[k];
    m /= population.length;
    let v = 0;
    for (const x of population) v += (x[k] - m) ** 2;
    total += Math.sqrt(v / population.length);
  }
  const sd = n > 0 ? total / n : 0.1;
  return Math.min(0.3, Math.max(0.02, sd));
}

/** Uniform in the box, or a warm cloud plus uniform rest (see {@link geneticAlgorithm}). */
function initialPopulation(n: number, popsize: number, rng: Rng, warm: UnitParams | undefined): Float64Array[] {
  const cloud = warm ? Math.max(1, Math.round(popsize * GA_DEFAULTS.warmCloudFraction)) : 0;
  const population: Float64Array[] = [];
  for (let i = 0; i < popsize; i++) {
    const x = new Float64Array(n);
    if (warm && i < cloud) {
      for (let k = 0; k < n; k++) x[k] = i === 0 ? warm[k] : warm[k] + rng.normal(0, GA_DEFAULTS.warmCloudStdev);
      clipToUnitBox(x);
    } else {
      for (let k = 0; k < n; k++) x[k] = rng.uniform(-1, 1);
    }
    population.push(x);
  }
  return population;
}

/** `popsize` children: tournament pairs → SBX (two children each) → Gaussian mutation. */
function breed(population: readonly Float64Array[], fitness: Float64Array, popsize: number, rng: Rng): Float64Array[] {
  const children: Float64Array[] = [];
  while (children.length < popsize) {
    const a = population[tournamentSelection(fitness, GA_DEFAULTS.tournamentSize, rng)];
    const b = population[tournamentSelection(fitness, GA_DEFAULTS.tournamentSize, rng)];
    const [c1, c2] = simulatedBinaryCrossover(a, b, GA_DEFAULTS.eta, rng);
    children.push(gaussianMutation(c1, GA_DEFAULTS.mutationStdev, rng));
    // An odd popsize drops the last pair's second child (one child per population slot).
    if (children.length < popsize) children.push(gaussianMutation(c2, GA_DEFAULTS.mutationStdev, rng));
  }
  return children;
}

/** The best `k` of a pool, sorted by fitness; stable, so ties keep earlier (parent) entries first. */
function survivors(pool: readonly Float64Array[], fitness: Float64Array, k: number): { population: Float64Array[]; fitness: Float64Array } {
  const order = Array.from(pool.keys()).sort((i, j) => compareFitness(fitness[i], fitness[j]) || i - j);
  const keep = order.slice(0, k);
  return { population: keep.map((i) => pool[i]), fitness: Float64Array.from(keep, (i) => fitness[i]) };
}

/** Ascending, with +Infinity (failure) after every finite score and equal to itself. */
function compareFitness(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function positiveInt(v: number, name: string, min: number): number {
  if (!Number.isInteger(v) || v < min) throw new RangeError(`Error in geneticAlgorithm: options.${name} must be an integer >= ${min}, got ${v}`);
  return v;
}
