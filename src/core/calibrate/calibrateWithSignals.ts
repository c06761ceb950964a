import type { ParameterSpec } from '../sim/types.ts';
import type { BatchEvaluator, CalibrationOptions, CalibrationResult, Calibrator } from './Calibrator.ts';
import { probeIdentifiability, type ParameterIdentifiability } from './identifiability.ts';
import { calibrationWarnings, type CalibrationWarning } from './trustWarnings.ts';

/** A GA/CMA-ES result with the trust signals every calibration reports (issue #14). */
export interface SignalledResult extends CalibrationResult {
  /** Per parameter, how well the data pin it down; empty when cancelled or when every candidate failed. */
  identifiability: ParameterIdentifiability[];
  /** Warnings known after the search (the validation noise ratio is added once diagnostics ran). */
  warnings: CalibrationWarning[];
  /** Simulator steps the probe ran (kept apart from `simulations`, the search's own). */
  probeSimulations: number;
}

/**
 * Runs a population calibrator, then the identifiability probe at its result (same evaluator, so
 * cancellation applies; its steps are reported apart), then the trust warnings. A cancel
 * during the probe keeps the calibration and reports no identifiability.
 */
export async function calibrateWithSignals(
  calibrator: Calibrator,
  parameters: readonly ParameterSpec[],
  evaluate: BatchEvaluator,
  options: CalibrationOptions,
): Promise<SignalledResult> {
  const result = await calibrator.run(parameters, evaluate, options);
  let identifiability: ParameterIdentifiability[] = [];
  let probeSimulations = 0;
  if (!result.cancelled && Number.isFinite(result.bestFitness) && parameters.length > 0) {
    try {
      const probe = await probeIdentifiability(parameters, evaluate, result.params, { seed: options.seed, signal: options.signal });
      identifiability = probe.parameters;
      probeSimulations = probe.simulations;
    } catch (e) {
      if (!options.signal?.aborted) throw e;
    }
  }
  const warnings = calibrationWarnings({
    bestFitness: result.bestFitness, failures: result.failures, candidates: result.search?.candidates, firstError: result.firstError, identifiability, search: result.search,
  });
  return { ...result, identifiability, warnings, probeSimulations };
}
