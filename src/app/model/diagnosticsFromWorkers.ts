import type { BenchmarkW1Result } from '../../core/eval/combineBenchmarkW1.ts';
import type { ValidationMetrics } from '../../core/eval/validationMetrics.ts';
import type { RolloutBands } from '../../core/runtime/createSimWorkerApi.ts';
import type { FanBand } from './FanBand.ts';
import type { BenchmarkSummary, ValidationSummary } from './RunRecord.ts';

/** Validation metrics as the run record keeps them (plain numbers, per-variable rows). */
export function validationSummary(v: ValidationMetrics, variables: readonly string[]): ValidationSummary {
  return {
    energyScore: v.energyScore,
    mse: v.mse,
    // Infinity (a deterministic simulator on noisy data) cannot be stored in JSON: kept as a large number.
    noiseRatio: v.noiseFloor > 0 ? v.oneStepDistance / v.noiseFloor : v.oneStepDistance > 0 ? Number.MAX_VALUE : 1,
    rolloutW1: v.rolloutW1,
    transitions: v.transitions,
    trajectories: v.trajectories,
    perVariable: variables.map((name) => ({ name, mse: v.perVariableMse[name], w1: v.rolloutW1PerVariable[name] })),
  };
}

/** The benchmark W1 as the run record keeps it (no per-state arrays: they are large and derived). */
export function benchmarkSummary(b: BenchmarkW1Result, variables: readonly string[]): BenchmarkSummary {
  return {
    w1: b.w1,
    w1StdError: Number.isFinite(b.w1StdError) ? b.w1StdError : undefined,
    perVariable: variables.map((name) => ({ name, w1: b.perVariableW1[name] })),
    startStates: b.statesUsed,
    samples: b.samples,
  };
}

/**
 * Unpacks workers' quantile bands (5%, 50%, 95%) into one fan band per trajectory and variable.
 * Expects the default quantiles in that order.
 */
export function fanBands(all: readonly RolloutBands[]): FanBand[] {
  const out: FanBand[] = [];
  for (const r of all) {
    const dim = r.variables.length;
    const t = Array.from({ length: r.steps }, (_, i) => i);
    const at = (q: number, i: number, j: number) => r.bands[(q * r.steps + i) * dim + j];
    r.variables.forEach((variable, j) => {
      out.push({
        variable,
        trajectoryId: r.id,
        t,
        p5: t.map((i) => at(0, i, j)),
        p50: t.map((i) => at(1, i, j)),
        p95: t.map((i) => at(2, i, j)),
        observed: t.map((i) => r.observed[i * dim + j]),
      });
    });
  }
  return out;
}
