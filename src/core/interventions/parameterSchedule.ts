import { SimulatorError } from '../sim/SimulatorError.ts';
import type { CompiledSimulator, ParamValues } from '../sim/types.ts';
import type { ParamIntervention, ResolvedScenario } from './Scenario.ts';

/**
 * The parameter values each transition t → t+1 (t = 0..horizon−1) uses under a scenario's parameter
 * interventions: `out[t]`. Consecutive steps with the same values share one frozen object, so a
 * program's per-params caches (and compileSimulator's fixed-parameter merge) keep working.
 *
 * Targets resolve against the program's calibrated and fixed parameters: every listed name the program
 * declares is changed, and at least one must exist. A fixed parameter the program declares but `params`
 * lacks starts from its `init`.
 * @throws SimulatorError (`definition`) naming the scenario, the targets and the program's parameters
 * when no target exists.
 */
export function parameterSchedule(sim: CompiledSimulator, params: ParamValues, scenario: ResolvedScenario, horizon: number): ParamValues[] {
  const declared = new Map<string, number | undefined>();
  for (const p of sim.parameters) declared.set(p.name, params[p.name]);
  for (const p of sim.fixedParameters ?? []) declared.set(p.name, params[p.name] ?? p.init);
  const changes: { names: string[]; iv: ParamIntervention<number> }[] = [];
  for (const iv of scenario.interventions) {
    if (iv.type !== 'param') continue;
    const targets = Array.isArray(iv.target) ? iv.target : [iv.target];
    const names = targets.filter((n) => declared.has(n));
    if (names.length === 0) {
      throw new SimulatorError(
        'definition',
        `scenario "${scenario.name}": the simulator has no parameter ${targets.map((n) => `"${n}"`).join(' or ')} to intervene on ` +
          `(its parameters: ${[...declared.keys()].join(', ') || '(none)'}); write a scenario naming the analogous parameter`,
      );
    }
    changes.push({ names, iv });
  }
  const base = Object.freeze({ ...params });
  const out: ParamValues[] = [];
  let prev: ParamValues | undefined;
  for (let t = 0; t < horizon; t++) {
    let current: Record<string, number> | undefined;
    for (const { names, iv } of changes) {
      if (t < (iv.tStart ?? 0) || t > (iv.tEnd ?? Infinity)) continue;
      current ??= { ...base };
      for (const n of names) {
        const v = current[n] ?? declared.get(n);
        if (v === undefined) throw new SimulatorError('definition', `scenario "${scenario.name}": parameter "${n}" has no value to scale (pass it in params)`);
        current[n] = iv.set ?? v * (iv.factor ?? 1) + (iv.add ?? 0);
      }
    }
    const values: ParamValues = current ?? base;
    prev = prev && sameValues(prev, values) ? prev : Object.isFrozen(values) ? values : Object.freeze(values);
    out.push(prev);
  }
  return out;
}

function sameValues(a: ParamValues, b: ParamValues): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
}
