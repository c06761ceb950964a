import { SimulatorError } from '../sim/SimulatorError.ts';
import { compileExpression } from './compileExpression.ts';
import type { Intervention, NumberOrExpr, PolicySpec, ResolvedScenario, Scenario } from './Scenario.ts';

/**
 * Resolves every number of a scenario template: numbers stay, strings are expressions over `knobs`
 * (and `horizon`), e.g. `{ type: 'param', target: 'beta', factor: 0.1, tStart: 'tau', tEnd: 'tau + 19' }`
 * with `{ tau: 10 }`. Also checks the shape, so a scenario file with a typo fails with the path.
 * @param template the scenario (from a preset or a JSON file).
 * @param knobs knob values by name (empty for a plain scenario).
 * @throws SimulatorError naming the scenario and the field when a field is malformed or an expression fails.
 * @example
 * resolveScenario({ name: 'x', interventions: [{ type: 'param', target: 'lead_time', set: 'l' }] }, { l: 4 });
 */
export function resolveScenario(template: Scenario, knobs: Readonly<Record<string, number>> = {}, horizon?: number): ResolvedScenario {
  if (template === null || typeof template !== 'object') throw bad('a scenario must be an object { name, interventions: [...] }');
  const name = typeof template.name === 'string' ? template.name : 'scenario';
  if (!Array.isArray(template.interventions)) throw bad(`scenario "${name}": "interventions" must be an array`);
  const h = template.horizon ?? horizon;
  const scope: Record<string, number> = { ...knobs };
  if (h !== undefined) scope.horizon = h;
  const num = (v: NumberOrExpr | undefined, path: string): number | undefined => {
    if (v === undefined) return undefined;
    if (typeof v === 'number') {
      if (Number.isNaN(v)) throw bad(`scenario "${name}" ${path} is NaN`);
      return v;
    }
    if (typeof v === 'string') return compileExpression(v, Object.keys(scope), `scenario "${name}" ${path}`)(scope);
    throw bad(`scenario "${name}" ${path} must be a number or an expression string, got ${JSON.stringify(v)}`);
  };
  const record = (r: Record<string, NumberOrExpr> | undefined, path: string): Record<string, number> | undefined => {
    if (r === undefined) return undefined;
    if (r === null || typeof r !== 'object') throw bad(`scenario "${name}" ${path} must be an object of numbers by variable`);
    return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, num(v, `${path}.${k}`)!]));
  };
  const interventions = template.interventions.map((iv: Intervention, i): Intervention<number> => {
    const path = `interventions[${i}]`;
    if (iv === null || typeof iv !== 'object') throw bad(`scenario "${name}" ${path} must be an object`);
    switch (iv.type) {
      case 'param': {
        const targets = Array.isArray(iv.target) ? iv.target : [iv.target];
        if (targets.length === 0 || targets.some((t) => typeof t !== 'string')) throw bad(`scenario "${name}" ${path}.target must be a parameter name or a list of names`);
        if (iv.set !== undefined && (iv.factor !== undefined || iv.add !== undefined)) throw bad(`scenario "${name}" ${path}: give either set, or factor and/or add`);
        if (iv.set === undefined && iv.factor === undefined && iv.add === undefined) throw bad(`scenario "${name}" ${path}: needs set, factor or add`);
        return {
          type: 'param', target: targets,
          set: num(iv.set, `${path}.set`), factor: num(iv.factor, `${path}.factor`), add: num(iv.add, `${path}.add`),
          tStart: num(iv.tStart, `${path}.tStart`), tEnd: num(iv.tEnd, `${path}.tEnd`),
        };
      }
      case 'state': {
        const t = num(iv.t, `${path}.t`);
        if (t === undefined) throw bad(`scenario "${name}" ${path} needs t`);
        return { type: 'state', t, set: record(iv.set, `${path}.set`), add: record(iv.add, `${path}.add`) };
      }
      case 'policy':
        return { type: 'policy', policy: resolvePolicy(iv.policy, (v, p) => {
          const r = num(v, `${path}.policy.${p}`);
          if (r === undefined) throw bad(`scenario "${name}" ${path}.policy needs ${p}`);
          return r;
        }, `scenario "${name}" ${path}.policy`) };
      default:
        throw bad(`scenario "${name}" ${path}.type must be "param", "state" or "policy", got ${JSON.stringify((iv as { type?: unknown }).type)}`);
    }
  });
  return { name, description: template.description, interventions, horizon: h };
}

function resolvePolicy(p: PolicySpec, num: (v: NumberOrExpr, field: string) => number, path: string): PolicySpec<number> {
  if (p === null || typeof p !== 'object') throw bad(`${path} must be an object { kind, ... }`);
  switch (p.kind) {
    case 'none':
      return { kind: 'none' };
    case 'constant':
      return { kind: 'constant', order: num(p.order, 'order') };
    case 'order-up-to':
      return { kind: 'order-up-to', level: num(p.level, 'level') };
    default:
      throw bad(`${path}.kind must be "none", "constant" or "order-up-to", got ${JSON.stringify((p as { kind?: unknown }).kind)}`);
  }
}

function bad(message: string): SimulatorError {
  return new SimulatorError('definition', message);
}
