import { resolveScenario } from '../../core/interventions/resolveScenario.ts';
import type { Intervention, NumberOrExpr, Scenario } from '../../core/interventions/Scenario.ts';

/**
 * A scenario as the form holds it: every number is the text the user typed (a number, or an
 * expression such as `horizon - 10`), so nothing typed is lost while it is invalid.
 */
export interface ScenarioDraft {
  id: string;
  name: string;
  description?: string;
  interventions: InterventionDraft[];
}

/** One intervention row of the form. */
export type InterventionDraft =
  | { type: 'param'; target: string; mode: 'set' | 'factor' | 'add'; value: string; tStart: string; tEnd: string }
  | { type: 'state'; t: string; variable: string; mode: 'set' | 'add'; value: string }
  | { type: 'policy'; kind: 'none' | 'constant' | 'order-up-to'; value: string };

/** Field errors by form path: `name`, `interventions.0.value`, `interventions.2.tEnd`, or `scenario`. */
export type DraftErrors = Record<string, string>;

/** A blank row of each kind, as "Add …" buttons insert it. */
export function blankIntervention(type: InterventionDraft['type']): InterventionDraft {
  if (type === 'param') return { type, target: '', mode: 'factor', value: '', tStart: '0', tEnd: '' };
  if (type === 'state') return { type, t: '0', variable: '', mode: 'set', value: '' };
  return { type, kind: 'none', value: '' };
}

const text = (v: NumberOrExpr | undefined): string => (v === undefined ? '' : String(v));

/** A scenario (e.g. a benchmark preset) as form rows. */
export function scenarioToDraft(s: Scenario, id: string): ScenarioDraft {
  const rows = s.interventions.map((iv): InterventionDraft => {
    if (iv.type === 'param') {
      const mode = iv.set !== undefined ? 'set' : iv.factor !== undefined ? 'factor' : 'add';
      return { type: 'param', target: (Array.isArray(iv.target) ? iv.target : [iv.target]).join(', '), mode, value: text(iv[mode]), tStart: text(iv.tStart), tEnd: text(iv.tEnd) };
    }
    if (iv.type === 'state') {
      const [mode, rec] = iv.set ? (['set', iv.set] as const) : (['add', iv.add ?? {}] as const);
      const [variable = '', value] = Object.entries(rec)[0] ?? [];
      return { type: 'state', t: text(iv.t), variable, mode, value: text(value) };
    }
    const p = iv.policy;
    return { type: 'policy', kind: p.kind, value: p.kind === 'constant' ? text(p.order) : p.kind === 'order-up-to' ? text(p.level) : '' };
  });
  return { id, name: s.name, description: s.description, interventions: rows };
}

/** A typed field: a number when it reads as one, else the text as an expression; blank → absent. */
function field(v: string): NumberOrExpr | undefined {
  const t = v.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** The form rows as a {@link Scenario} (numbers parsed; anything else kept as an expression). */
export function draftToScenario(d: ScenarioDraft): Scenario {
  const interventions = d.interventions.map((r): Intervention => {
    if (r.type === 'param') {
      const targets = r.target.split(',').map((x) => x.trim()).filter(Boolean);
      return { type: 'param', target: targets.length === 1 ? targets[0] : targets, [r.mode]: field(r.value), tStart: field(r.tStart), tEnd: field(r.tEnd) };
    }
    if (r.type === 'state') return { type: 'state', t: field(r.t) as NumberOrExpr, [r.mode]: { [r.variable.trim()]: field(r.value) } };
    if (r.kind === 'none') return { type: 'policy', policy: { kind: 'none' } };
    const v = field(r.value) as NumberOrExpr;
    return { type: 'policy', policy: r.kind === 'constant' ? { kind: 'constant', order: v } : { kind: 'order-up-to', level: v } };
  });
  return { name: d.name.trim(), description: d.description, interventions };
}

/**
 * Checks a draft the way a run will (resolveScenario) and maps each problem to the field it concerns.
 * Whether a target parameter exists is left to the run: the worker knows the program's fixed
 * parameters too, and its error lists them all.
 * @returns an empty object when the draft is runnable.
 */
export function validateDraft(d: ScenarioDraft, horizon: number): DraftErrors {
  const errors: DraftErrors = {};
  if (!d.name.trim()) errors.name = 'Give the scenario a name.';
  d.interventions.forEach((r, i) => {
    const at = (f: string) => `interventions.${i}.${f}`;
    if (r.type === 'param') {
      const targets = r.target.split(',').map((x) => x.trim()).filter(Boolean);
      if (targets.length === 0) errors[at('target')] = 'Name the parameter to change.';
      if (r.value.trim() === '') errors[at('value')] = `Enter the ${r.mode === 'set' ? 'new value' : r.mode}.`;
    } else if (r.type === 'state') {
      if (!r.variable.trim()) errors[at('variable')] = 'Name the state variable.';
      if (r.value.trim() === '') errors[at('value')] = 'Enter a value.';
      if (r.t.trim() === '') errors[at('t')] = 'Enter the time.';
    } else if (r.kind !== 'none' && r.value.trim() === '') {
      errors[at('value')] = r.kind === 'constant' ? 'Enter the order.' : 'Enter the level.';
    }
  });
  if (Object.keys(errors).length > 0) return errors;
  try {
    resolveScenario(draftToScenario(d), {}, horizon);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /interventions\[(\d+)\]\.?(\w+)?/.exec(msg);
    const f = m?.[2] === 'set' || m?.[2] === 'factor' || m?.[2] === 'add' || m?.[2] === 'policy' ? 'value' : m?.[2];
    // Shown next to its field, the message needs no path: `syntax error in "0.5 *": Unexpected token`.
    errors[m ? `interventions.${m[1]}.${f ?? 'value'}` : 'scenario'] = m ? msg.replace(/^scenario "[^"]*" interventions\[\d+\][.\w]*:?\s*/, '') : msg;
  }
  return errors;
}

/** The time windows [tStart, tEnd] of a scenario's parameter interventions, to shade on charts. */
export function interventionWindows(s: Scenario<number>, horizon: number): { tStart: number; tEnd: number }[] {
  return s.interventions.flatMap((iv) => (iv.type === 'param' ? [{ tStart: iv.tStart ?? 0, tEnd: Math.min(iv.tEnd ?? horizon, horizon) }] : []));
}
