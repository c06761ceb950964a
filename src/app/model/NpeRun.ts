import type { BudgetMode } from '../../core/calibrate/budget.ts';
import type { EstimatorKind } from '../../core/npe/estimator/DensityEstimator.ts';
import type { NpeSessionRequest, NpeSessionResult, ProviderChoice } from '../../core/npe/npeSession.ts';
import type { PosteriorSummary } from '../../core/npe/posterior.ts';
import type { SbcResult } from '../../core/npe/sbc.ts';
import type { FanBand } from './FanBand.ts';

/** NPE budget of a studio run (kept small by default so a run finishes in well under a minute). */
export interface NpeSettings {
  simulations: number;
  estimator: EstimatorKind;
  samples: number;
  provider: ProviderChoice;
}

export const DEFAULT_NPE_SETTINGS: NpeSettings = { simulations: 500, estimator: 'maf', samples: 4000, provider: 'auto' };
/** SBC in the studio: cheap, amortised (no retraining). */
export const STUDIO_SBC = { simulations: 100, draws: 100 } as const;
/** Posterior rows kept with a run for the corner plot (persisted with the run history). */
export const KEPT_SAMPLES = 2000;
/** The teaching comparison: the posterior as the simulation budget grows. */
export const BUDGET_STEPS = [100, 300, 1000] as const;

/**
 * What the studio's NPE runs, from the budget mode the other methods use too: `converge` (the default)
 * is the CLI's default (two rounds, the point estimate picked by the energy score on the train split;
 * src/core/npe/README.md has the figures); `paper` (and runs without a mode) the paper's sbi settings,
 * one round and the posterior mean.
 */
export function npePreset(budget: BudgetMode | undefined): Required<Pick<NpeSessionRequest, 'rounds' | 'pointEstimate'>> {
  return budget === 'converge' ? { rounds: 2, pointEstimate: 'fitness-pick' } : { rounds: 1, pointEstimate: 'posterior-mean' };
}

/** What an NPE run keeps for its results card (plain data: persisted in IndexedDB and project files). */
export interface NpeRunSummary {
  provider: string;
  estimator: EstimatorKind;
  stoppedBy: string;
  posterior: PosteriorSummary;
  /** Up to KEPT_SAMPLES accepted posterior draws, rows in parameter order. */
  samples: number[][];
  acceptance: NonNullable<NpeSessionResult['acceptance']>;
  sbc: SbcResult | null;
  trainingSet: NpeSessionResult['trainingSet'];
  phaseSeconds: NpeSessionResult['phaseSeconds'];
  warnings: string[];
  /** The observed summary the posterior is conditioned on. */
  observed: number[];
  /** Posterior predictive fan charts (rollouts from posterior draws vs the observed val data). */
  predictive?: FanBand[];
  /** Rounds run (absent in runs made before the studio offered two: one). */
  rounds?: 1 | 2;
  /** How the calibrated value was chosen (absent in older runs: the posterior mean). */
  pointEstimate?: NpeSessionResult['pointEstimate'];
  /** With two rounds: the box round 2 drew its parameters from (the first posterior's range, widened). */
  truncatedBox?: NonNullable<NpeSessionResult['truncatedBox']>;
  /** Marginal samples at smaller budgets (the "budget grows" comparison), when computed. */
  budgets?: { simulations: number; samples: number[][] }[];
}

/** The plain summary of a finished NPE result (samples thinned evenly to KEPT_SAMPLES). */
export function toNpeRunSummary(r: NpeSessionResult, observed: Float64Array): NpeRunSummary | undefined {
  if (!r.posterior || !r.acceptance || !r.training) return undefined;
  return {
    // Rounds that ran: a second round always records the box it was truncated to.
    rounds: r.truncatedBox ? 2 : 1, pointEstimate: r.pointEstimate, ...(r.truncatedBox ? { truncatedBox: r.truncatedBox } : {}),
    provider: r.training.provider, estimator: r.training.kind, stoppedBy: r.training.stoppedBy, posterior: r.posterior,
    samples: thin(r.samples, KEPT_SAMPLES), acceptance: r.acceptance, sbc: r.sbc, trainingSet: r.trainingSet,
    phaseSeconds: r.phaseSeconds, warnings: r.warnings, observed: Array.from(observed),
  };
}

/** Every k-th row so that at most `max` remain, as plain arrays. */
export function thin(rows: readonly ArrayLike<number>[], max: number): number[][] {
  const step = Math.max(1, Math.ceil(rows.length / max));
  const out: number[][] = [];
  for (let i = 0; i < rows.length && out.length < max; i += step) out.push(Array.from(rows[i]));
  return out;
}
