import type { ParameterSpec } from '../sim/types.ts';
import type { CancelSignal } from '../util/CancelSignal.ts';
import type { BudgetMode } from './budget.ts';

/**
 * Scores a batch of parameter vectors (physical units, in `parameters` order); lower is better.
 * A candidate whose simulation fails scores +Infinity (the failure is counted, the run goes on).
 * `seed` fixes the simulation noise: every candidate in one call shares it (common random numbers),
 * so the result does not depend on how the batch is split over workers.
 */
export type BatchEvaluator = (batch: Float64Array[], seed: number, signal?: CancelSignal) => Promise<BatchScores>;

export interface BatchScores {
  fitness: Float64Array;
  /** Simulator steps run for this batch. */
  simulations: number;
  /** Candidates that failed (+Infinity), with one example message. */
  failures: number;
  firstError?: string;
}

/** Progress event streamed by every calibrator (GA, CMA-ES, NPE). */
export interface CalibrationProgress {
  method: CalibrationMethod;
  /** Generation (GA/CMA-ES) or epoch (NPE), 1-based. */
  iteration: number;
  totalIterations: number;
  best: number;
  mean: number;
  bestParams: Record<string, number>;
  simulations: number;
  failures: number;
  /** Phase label for multi-phase methods (NPE: simulate / train / sample / sbc). */
  phase?: string;
  /**
   * NPE only: work done and total within the phase (simulations, posterior draws, SBC simulations),
   * and the epoch's losses while training. NPE has no population fitness, so `best`/`mean` carry the
   * best validation loss and the epoch's training loss, and these fields say what is really happening.
   */
  phaseDone?: number;
  phaseTotal?: number;
  trainLoss?: number;
  valLoss?: number;
  /**
   * NPE with more than one round: the round this event belongs to and how many there are. `iteration`
   * (the epoch) counts on across rounds, so a training curve of the whole run never goes back.
   */
  round?: number;
  rounds?: number;
  /** Current population in physical units (GA/CMA-ES), for the calibration animation. */
  population?: number[][];
  /**
   * Candidates scored so far and the most the run may score (GA/CMA-ES). Under the `converge` budget
   * the run usually stops before the cap, so `totalIterations` is an estimate that is updated as it
   * goes; these two give an honest upper bound for a time-remaining estimate.
   */
  candidates?: number;
  maxCandidates?: number;
}

export type CalibrationMethod = 'ga' | 'cmaes' | 'npe';

export interface CalibrationOptions {
  seed: number;
  /**
   * How long to search (GA/CMA-ES; see `budget.ts`): `converge` (the default) sizes the population
   * and a candidate cap from the number of parameters and stops on convergence (CMA-ES with IPOP
   * restarts; the GA followed by a CMA-ES refinement); `paper` is the paper's fixed budget (GA 200 × 10
   * generations; CMA-ES the same number of candidates). Giving `generations` without `budget` means
   * `paper` with that many generations, so existing callers keep their fixed budgets.
   */
  budget?: BudgetMode;
  /** `converge` only: cap on scored candidates (default {@link convergeBudget}). */
  maxCandidates?: number;
  /** Generations (GA/CMA-ES). */
  generations?: number;
  /** Population size (GA) or lambda (CMA-ES). */
  popsize?: number;
  /** Warm start: parameter values by name; names the simulator no longer has are ignored. */
  warmStart?: Record<string, number>;
  signal?: CancelSignal;
  onProgress?: (p: CalibrationProgress) => void;
  /** Injected clock in milliseconds (core has no global clock). */
  now?: () => number;
}

export interface CalibrationResult {
  method: CalibrationMethod;
  params: Record<string, number>;
  bestFitness: number;
  /** Per generation: best and mean fitness of the population. */
  history: { iteration: number; best: number; mean: number }[];
  simulations: number;
  failures: number;
  firstError?: string;
  seconds: number;
  /** True when stopped by the signal; `params` is then the best found so far. */
  cancelled: boolean;
  /** Candidates scored, the budget mode, and why the search stopped (GA/CMA-ES). */
  search?: SearchSummary;
}

/** How a population search spent its budget. */
export interface SearchSummary {
  budget: BudgetMode;
  candidates: number;
  maxCandidates: number;
  /** `converged` (step size), `stalled` (no improvement), `budget` (cap reached), `generations` (fixed budget), `cancelled`. */
  stoppedBy: 'converged' | 'stalled' | 'budget' | 'generations' | 'cancelled';
  /** CMA-ES IPOP restarts (0 for none). */
  restarts: number;
  /** Generations of the CMA-ES refinement after the GA (0 for none). */
  refinementGenerations: number;
  /**
   * `converge` only (absent in older results): times the default cap was extended because the run at
   * the cap still improved (adaptiveCap.ts; `maxCandidates` is the final cap), and whether the search
   * was still improving when it stopped on the cap (then a trust warning says to raise the cap).
   */
  capExtensions?: number;
  stillImproving?: boolean;
}

/** The interface every calibration method implements. */
export interface Calibrator {
  method: CalibrationMethod;
  run(parameters: readonly ParameterSpec[], evaluate: BatchEvaluator, options: CalibrationOptions): Promise<CalibrationResult>;
}
