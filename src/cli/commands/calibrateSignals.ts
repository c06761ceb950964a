import { BUDGET_MODES, type BudgetMode } from '../../core/calibrate/budget.ts';
import { DEFAULT_FITNESS } from '../../core/calibrate/defaultFitness.ts';
import type { ParameterIdentifiability } from '../../core/calibrate/identifiability.ts';
import { FITNESS_KINDS, type FitnessKind } from '../../core/calibrate/oneStepFitness.ts';
import { calibrationWarnings, type CalibrationWarning, type TrustInput } from '../../core/calibrate/trustWarnings.ts';
import type { ValidationMetrics } from '../../core/eval/validationMetrics.ts';
import { fmt, table } from '../formatText.ts';
import { choiceFlag, optionalIntFlag } from '../parseFlags.ts';

/** Flags of `gsim calibrate` that choose the fitness and the budget (issue #14). */
export const BUDGET_FLAGS = {
  budget: { type: 'string' },
  preset: { type: 'string' },
  'max-candidates': { type: 'string' },
} as const;

export const BUDGET_USAGE = `  --fitness      energy (default: the energy score, a proper scoring rule) or mse (the paper's)
  --budget       converge (default: population and a candidate cap from the number of parameters, stop
                 on convergence; CMA-ES restarts, GA then a CMA-ES refinement) or paper (fixed budget)
  --max-candidates N  converge: cap on scored candidates (default 600 + 400 × parameters for the search,
                 plus a tenth of that, at most 256, for the final race that picks the result)
  --preset paper the paper's settings: --fitness mse --budget paper (explicit flags still win)`;

/** The fitness and budget a run uses: explicit flags, else the preset's, else the defaults. */
export function budgetChoice(f: { fitness?: string; budget?: string; preset?: string; generations?: string; 'max-candidates'?: string }): {
  fitness: FitnessKind;
  budget: BudgetMode;
  preset: 'paper' | null;
  maxCandidates: number | undefined;
} {
  const preset = f.preset === undefined ? null : choiceFlag(f.preset, 'preset', ['paper'] as const, 'paper');
  const fitness = choiceFlag(f.fitness, 'fitness', FITNESS_KINDS, preset === 'paper' ? 'mse' : DEFAULT_FITNESS);
  // --generations alone keeps its old meaning: that many generations (a fixed budget).
  const budget = choiceFlag(f.budget, 'budget', BUDGET_MODES, preset === 'paper' || f.generations !== undefined ? 'paper' : 'converge');
  const maxCandidates = optionalIntFlag(f['max-candidates'], 'max-candidates', 1);
  return { fitness, budget, preset, maxCandidates };
}

/** Validation one-step distance over the simulator's own noise floor (≈ 1 when the fit is as good as the noise allows). */
export function noiseRatioOf(val: ValidationMetrics | null | undefined): number | null {
  if (!val || !(val.noiseFloor >= 0) || !Number.isFinite(val.oneStepDistance)) return null;
  if (val.noiseFloor === 0) return val.oneStepDistance === 0 ? 1 : Infinity;
  return val.oneStepDistance / val.noiseFloor;
}

/** Warnings with the validation noise ratio added (it is known only after the diagnostics). */
export function warningsWithNoise(
  result: { bestFitness: number; failures: number; firstError?: string; search?: TrustInput['search'] },
  identifiability: readonly ParameterIdentifiability[],
  noiseRatio: number | null,
): CalibrationWarning[] {
  return calibrationWarnings({
    bestFitness: result.bestFitness, failures: result.failures, candidates: result.search?.candidates, firstError: result.firstError,
    identifiability, noiseRatio: noiseRatio ?? undefined, search: result.search,
  });
}

/** Text block: identifiability per parameter, then the warnings. */
export function formatSignals(identifiability: readonly ParameterIdentifiability[], warnings: readonly CalibrationWarning[], noiseRatio: number | null): string {
  const lines: string[] = [];
  if (identifiability.length) {
    lines.push(`identifiability (${identifiability[0].source === 'posterior' ? 'half the 5–95 % posterior interval' : '± two standard errors from the fitness curvature'}):`);
    lines.push(table(['parameter', 'value', '±', '% of box', 'status', 'note'], identifiability.map((p) => [
      p.name, p.value, p.width, (100 * p.relativeWidth).toFixed(1), p.status,
      [p.atBound ? `at ${p.atBound} bound` : '', p.tradesOffWith ? `trades off with ${p.tradesOffWith}` : ''].filter(Boolean).join('; '),
    ])));
  }
  if (noiseRatio !== null) lines.push(`validation one-step error / the simulator's own noise: ${fmt(noiseRatio)} (≈ 1 when it fits)`);
  for (const w of warnings) lines.push(`warning: ${w.message}`);
  return lines.join('\n');
}
