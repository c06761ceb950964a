import type { Dataset } from '../data/Dataset.ts';
import { validationMetrics, type ValidationMetrics } from '../eval/validationMetrics.ts';
import { deriveSeed } from '../rng/deriveSeed.ts';
import type { CompiledSimulator } from '../sim/types.ts';
import type { DomainRule, RuleViolation } from './DomainRule.ts';
import type { Diagnosis } from './GsimLoop.ts';
import { ruleViolationRates } from './ruleViolationRates.ts';

/** Which validation metric ranks candidates in the loop. */
export type LoopScore = 'rolloutW1' | 'energyScore';

/**
 * Assembles a loop {@link Diagnosis} from data-only validation metrics (decision B4) and rule violation
 * rates, for callers that compute those elsewhere (the studio's workers, the CLI's pool).
 * `valScore` is the rollout W1 by default: the data-only stand-in for the paper's validation
 * Wasserstein (paper notes §4.8); `energyScore` ranks by the one-step proper scoring rule instead.
 * @param metrics validationMetrics output on the validation split.
 * @param ruleViolations ruleViolationRates output (may be empty).
 * @param score the ranking metric.
 */
export function diagnosisFromMetrics(metrics: ValidationMetrics, ruleViolations: RuleViolation[], score: LoopScore = 'rolloutW1'): Diagnosis {
  return {
    valScore: metrics[score],
    // noiseRatio: one-step error over the simulator's own noise (≈ 1 when only noise is left to explain).
    scores: { rolloutW1: metrics.rolloutW1, energyScore: metrics.energyScore, mse: metrics.mse, noiseRatio: metrics.oneStepDistance / metrics.noiseFloor },
    perVariable: { ...metrics.perVariableMse },
    perVariableMetric: 'one-step MSE',
    ruleViolations,
  };
}

/** Options of {@link diagnoseCandidate}. */
export interface DiagnoseCandidateOptions {
  sim: CompiledSimulator;
  params: Readonly<Record<string, number>>;
  dataset: Dataset;
  rules: readonly DomainRule[];
  seed: number;
  score?: LoopScore;
  /** One-step samples and rollouts per trajectory of validationMetrics (its defaults: 20, 20). */
  samples?: number;
  rollouts?: number;
  /** Rollouts per trajectory for the rule checks (default 10). */
  ruleRollouts?: number;
}

/**
 * The loop's default diagnosis, computed on the calling thread: validationMetrics on the 'val' split
 * (seed `deriveSeed(seed, 0)`) plus domain-rule violation rates on rollouts of it (`deriveSeed(seed, 1)`).
 * A program that throws propagates its SimulatorError, which the loop records as the iteration's error.
 * NOTE: blocks for the cost of both (see validationMetrics, ruleViolationRates); workers run it off the UI thread.
 * @example
 * diagnose: async (code, params) => diagnoseCandidate({ sim: compileSimulator(code), params, dataset, rules: defaultDomainRules(dataset.env), seed: 1 }),
 */
export function diagnoseCandidate(opts: DiagnoseCandidateOptions): Diagnosis {
  const metrics = validationMetrics({
    sim: opts.sim, params: opts.params, dataset: opts.dataset, seed: deriveSeed(opts.seed, 0),
    ...(opts.samples !== undefined ? { samples: opts.samples } : {}),
    ...(opts.rollouts !== undefined ? { rollouts: opts.rollouts } : {}),
  });
  const violations = ruleViolationRates({
    sim: opts.sim, params: opts.params, dataset: opts.dataset, rules: opts.rules, seed: deriveSeed(opts.seed, 1),
    ...(opts.ruleRollouts !== undefined ? { rollouts: opts.ruleRollouts } : {}),
  });
  return diagnosisFromMetrics(metrics, violations, opts.score);
}
