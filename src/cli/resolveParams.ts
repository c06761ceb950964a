import type { ParameterSpec } from '../core/sim/types.ts';
import { usageError } from './CliError.ts';

/** Parameter values for every parameter of a program, and which ones were filled in (and from where). */
export interface ResolvedParams {
  values: Record<string, number>;
  /** Parameters not given on the command line, with the value used and where it came from. */
  defaulted: { name: string; value: number; from: 'truth' | 'init' | 'midpoint' }[];
}

/**
 * Completes user-given parameter values: each missing one is taken from `truth` (a built-in ground
 * truth's true values) when given, else from the program's `init`, else the middle of its bounds.
 * @throws usage error naming an unknown parameter (with the known ones) or a value outside its bounds.
 */
export function resolveParams(
  parameters: readonly ParameterSpec[],
  given: Record<string, number> = {},
  truth?: Record<string, number>,
  flag = '--params',
): ResolvedParams {
  const known = new Set(parameters.map((p) => p.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      throw usageError(`unknown parameter "${name}" in ${flag}: the simulator's parameters are ${[...known].join(', ') || '(none)'}`);
    }
  }
  const values: Record<string, number> = {};
  const defaulted: ResolvedParams['defaulted'] = [];
  for (const p of parameters) {
    // Own properties only: a parameter may be called `toString` or `constructor`.
    if (Object.hasOwn(given, p.name) && given[p.name] !== undefined) {
      const v = given[p.name];
      if (v < p.min || v > p.max) throw usageError(`${flag}: ${p.name} = ${v} lies outside its bounds [${p.min}, ${p.max}]`);
      values[p.name] = v;
    } else if (truth && Object.hasOwn(truth, p.name) && truth[p.name] !== undefined) {
      values[p.name] = truth[p.name];
      defaulted.push({ name: p.name, value: truth[p.name], from: 'truth' });
    } else if (p.init !== undefined) {
      values[p.name] = p.init;
      defaulted.push({ name: p.name, value: p.init, from: 'init' });
    } else {
      values[p.name] = (p.min + p.max) / 2;
      defaulted.push({ name: p.name, value: values[p.name], from: 'midpoint' });
    }
  }
  return { values, defaulted };
}
