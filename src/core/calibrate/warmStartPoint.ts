import type { ParameterSpec } from '../sim/types.ts';
import { asUnitParams, clipToUnitBox, paramsToUnit, type UnitParams } from './unitBox.ts';

/**
 * The unit-box point a warm start asks for: each parameter named in `warmStart` (with a finite value)
 * takes that value, every other parameter its program `init`, or the box midpoint when it has none.
 * Values outside the prior box are clipped onto it. `matched` counts the names used: names the
 * simulator no longer has are ignored (paper E.3.1: warm starts reuse the previous best when only the
 * structure changes, so parameters come and go between versions).
 *
 * @param parameters the simulator's parameters.
 * @param warmStart parameter values by name, in physical units.
 */
export function warmStartPoint(
  parameters: readonly ParameterSpec[],
  warmStart: Readonly<Record<string, number>> | undefined,
): { point: UnitParams; matched: number } {
  const physical = new Float64Array(parameters.length);
  let matched = 0;
  for (let k = 0; k < parameters.length; k++) {
    const p = parameters[k];
    const w = warmStart && Object.hasOwn(warmStart, p.name) ? warmStart[p.name] : undefined;
    if (typeof w === 'number' && Number.isFinite(w)) {
      physical[k] = w;
      matched++;
    } else {
      physical[k] = p.init ?? (p.min + p.max) / 2;
    }
  }
  return { point: asUnitParams(clipToUnitBox(paramsToUnit(parameters, physical))), matched };
}
