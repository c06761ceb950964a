import { deriveSeed } from '../rng/deriveSeed.ts';
import type { ParameterSpec } from '../sim/types.ts';
import type { BatchEvaluator, CalibrationMethod, CalibrationOptions, CalibrationResult, SearchSummary } from './Calibrator.ts';
import { paramsByName } from './oneStepFitness.ts';
import { paramsFromUnit, type UnitParams } from './unitBox.ts';

/**
 * The bookkeeping every population method shares (GA, CMA-ES): evaluating a generation in one
 * BatchEvaluator call under common random numbers, counting simulations and failures, streaming
 * progress, keeping the history and the incumbent, honouring cancellation, and building the result.
 * Keeps the search loops about search only.
 */
export class CalibrationLedger {
  simulations = 0;
  failures = 0;
  firstError: string | undefined;
  readonly history: CalibrationResult['history'] = [];
  /** The incumbent: best point in unit coordinates with its latest fitness. */
  bestUnit: UnitParams | undefined;
  bestFitness = Infinity;
  /** Candidates scored so far (every evaluate call's batch), against the cap `maxCandidates`. */
  candidates = 0;
  maxCandidates = Infinity;
  private readonly started: number;

  constructor(
    readonly method: CalibrationMethod,
    readonly parameters: readonly ParameterSpec[],
    private readonly evaluator: BatchEvaluator,
    private readonly options: CalibrationOptions,
    /** Generations the run expects; an estimate under the `converge` budget (updated as it goes). */
    public totalIterations: number,
  ) {
    this.started = options.now?.() ?? 0;
  }

  /** True once the caller's signal has fired; loops check it between generations. */
  get aborted(): boolean {
    return this.options.signal?.aborted === true;
  }

  /**
   * Scores unit-box candidates (decoded with clipping) in ONE evaluator call seeded with
   * `deriveSeed(options.seed, generation)`, so every candidate of the generation shares its random
   * numbers and the scores do not depend on how a pool splits the batch. NaN scores become +Infinity.
   * Returns undefined when the evaluator rejected because the signal fired (a pool may abort mid-batch).
   */
  async evaluate(unitBatch: readonly Float64Array[], generation: number): Promise<Float64Array | undefined> {
    const batch = unitBatch.map((u) => paramsFromUnit(this.parameters, u) as Float64Array);
    let scores;
    try {
      scores = await this.evaluator(batch, deriveSeed(this.options.seed, generation), this.options.signal);
    } catch (e) {
      if (this.aborted) return undefined;
      throw e;
    }
    if (!scores || scores.fitness?.length !== batch.length) {
      throw new Error(`Error in ${this.method} calibration: the evaluator returned ${scores?.fitness?.length ?? 'no'} scores for a batch of ${batch.length}`);
    }
    this.candidates += batch.length;
    this.simulations += scores.simulations;
    this.failures += scores.failures;
    this.firstError ??= scores.firstError;
    const fitness = Float64Array.from(scores.fitness, (f) => (Number.isNaN(f) ? Infinity : f));
    return fitness;
  }

  /** Replaces the incumbent (the caller decides when: both methods re-score it every generation). */
  setBest(unit: Float64Array, fitness: number): void {
    this.bestUnit = Float64Array.from(unit) as UnitParams;
    this.bestFitness = fitness;
  }

  /**
   * Records one finished generation: history entry and a progress event carrying the population in
   * physical units. `mean` is over the finite scores of `fitness` (+Infinity when none is finite), so
   * a few failed candidates do not blank the curve.
   */
  report(iteration: number, population: readonly Float64Array[], fitness: ArrayLike<number>): void {
    let sum = 0;
    let n = 0;
    for (let i = 0; i < fitness.length; i++) {
      if (Number.isFinite(fitness[i])) {
        sum += fitness[i];
        n++;
      }
    }
    const mean = n > 0 ? sum / n : Infinity;
    this.history.push({ iteration, best: this.bestFitness, mean });
    const onProgress = this.options.onProgress;
    if (!onProgress) return;
    onProgress({
      method: this.method,
      iteration,
      totalIterations: this.totalIterations,
      best: this.bestFitness,
      mean,
      bestParams: this.bestParams(undefined),
      simulations: this.simulations,
      failures: this.failures,
      population: population.map((u) => Array.from(paramsFromUnit(this.parameters, u))),
      candidates: this.candidates,
      ...(Number.isFinite(this.maxCandidates) ? { maxCandidates: this.maxCandidates } : {}),
    });
  }

  /** The incumbent in physical units, or `fallback` (a unit point) before anything was scored. */
  bestParams(fallback: UnitParams | undefined): Record<string, number> {
    const unit = this.bestUnit ?? fallback ?? new Float64Array(this.parameters.length);
    return { ...paramsByName(this.parameters, paramsFromUnit(this.parameters, unit)) };
  }

  /** The final result; `fallback` is reported when cancelled before the first evaluation finished. */
  result(cancelled: boolean, fallback: UnitParams, search?: SearchSummary): CalibrationResult {
    const seconds = this.options.now ? (this.options.now() - this.started) / 1000 : 0;
    return {
      method: this.method,
      params: this.bestParams(fallback),
      bestFitness: this.bestFitness,
      history: this.history,
      simulations: this.simulations,
      failures: this.failures,
      firstError: this.firstError,
      seconds,
      cancelled,
      ...(search ? { search } : {}),
    };
  }
}
