import type { ParameterSpec } from '../sim/types.ts';
import type { BatchEvaluator } from './Calibrator.ts';

/**
 * Calibrates only some parameters: the ones named in `fixed` keep the given values. Returns the free
 * parameters (what the calibrator searches) and an evaluator over them that fills the fixed values
 * back in, in the program's order, before calling `evaluate`. Names the program lacks are ignored.
 *
 * @example
 * const { free, evaluate } = fixParameters(parameters, poolEvaluator(pool, 2), { gamma: 0.1 });
 * const r = await cmaes.run(free, evaluate, { seed: 1 }); // r.params has beta only
 */
export function fixParameters(
  parameters: readonly ParameterSpec[],
  evaluate: BatchEvaluator,
  fixed: Readonly<Record<string, number>>,
): { free: ParameterSpec[]; evaluate: BatchEvaluator; values: Record<string, number> } {
  const isFixed = parameters.map((p) => Object.hasOwn(fixed, p.name) && Number.isFinite(fixed[p.name]));
  const free = parameters.filter((_, k) => !isFixed[k]);
  const values = Object.fromEntries(parameters.filter((_, k) => isFixed[k]).map((p) => [p.name, fixed[p.name]]));
  if (free.length === parameters.length) return { free, evaluate, values };
  const wrapped: BatchEvaluator = (batch, seed, signal) =>
    evaluate(
      batch.map((x) => {
        const full = new Float64Array(parameters.length);
        let j = 0;
        parameters.forEach((p, k) => (full[k] = isFixed[k] ? fixed[p.name] : x[j++]));
        return full;
      }),
      seed,
      signal,
    );
  return { free, evaluate: wrapped, values };
}
