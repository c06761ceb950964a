import type { Diagram } from './Diagram.ts';
import { auxiliaryOrder } from './auxiliaryOrder.ts';
import { evaluateExpression, parseDiagramExpression } from './diagramExpression.ts';
import { diagramMeaningErrors, type DiagramIssue } from './validateDiagram.ts';

/** What the editor shows while drawing. */
export interface DiagramCheck {
  /** Problems that stop code generation (by path). */
  errors: DiagramIssue[];
  /** Legal but probably unintended (by path). */
  warnings: DiagramIssue[];
  /** Which flows keep the total of the stocks and which change it. */
  conservation: ConservationReport;
}

/** Flows between two stocks keep the total; flows from or to outside change it. */
export interface ConservationReport {
  conserved: boolean;
  /** Flows crossing the boundary, e.g. `births (outside → X)`. */
  boundaryFlows: string[];
  /** One sentence for the editor. */
  summary: string;
}

/** Laws whose amount has no upper bound of its own. */
const UNBOUNDED = new Set(['poisson', 'negativeBinomial', 'normal']);
/** At most this many parameter-box corners are tried when looking for bad probabilities. */
const MAX_CORNERS = 1024;

/**
 * Checks a well-typed diagram while it is drawn: the meaning errors of `validateDiagram`, plus
 * warnings for flows that can ask a stock for more than it holds, probabilities that leave [0, 1]
 * somewhere in the parameter box (tried at the box's corners, stocks at their initial levels), stocks
 * no flow touches, parameters nothing reads, lead times below one step; and the conservation report.
 */
export function checkDiagram(d: Diagram): DiagramCheck {
  const errors = diagramMeaningErrors(d);
  const warnings: DiagramIssue[] = [];
  const warn = (path: string, message: string) => warnings.push({ path, message });

  d.stocks.forEach((s, i) => {
    const touching = d.flows.filter((f) => f.from === s.name || f.to === s.name);
    if (touching.length === 0) warn(`stocks[${i}]`, `no flow touches "${s.name}": it keeps its level for ever`);
    if (s.conveyor && !d.flows.some((f) => f.from === s.name)) warn(`stocks[${i}].conveyor`, `nothing leaves conveyor "${s.name}": draw its outflow (law conveyor)`);
  });

  d.flows.forEach((f, i) => {
    const source = f.from !== null ? d.stocks.find((s) => s.name === f.from) : undefined;
    if (!source || source.conveyor) return;
    if (source.nonNegative === false) {
      if (f.law === 'binomial') warn(`flows[${i}].law`, `"${source.name}" may go negative, but a binomial flow draws from max(0, ${source.name})`);
      else warn(`flows[${i}]`, `"${f.name}" is not limited by what "${source.name}" holds, so "${source.name}" can go negative (non-negative is off)`);
    } else if (UNBOUNDED.has(f.law) || (f.law === 'deterministic' && !boundedBy(f.rate, source.name, d))) {
      warn(`flows[${i}]`, `"${f.name}" can ask for more than "${source.name}" holds; the program takes at most what is left, so "${source.name}" stays at or above 0`);
    }
  });

  const scopes = cornerScopes(d);
  d.flows.forEach((f, i) => {
    if (f.law !== 'binomial') return;
    const bad = findOutside(f.rate, scopes, (v) => v < 0 || v > 1 || Number.isNaN(v));
    if (bad) warn(`flows[${i}].rate`, `the probability of "${f.name}" is ${fmt(bad.value)} at ${bad.where} (the program clamps it to [0, 1])`);
  });
  for (const s of d.stocks) {
    const competing = d.flows.filter((f) => f.from === s.name && f.law === 'binomial');
    if (competing.length < 2) continue;
    const sum = competing.map((f) => `(${f.rate})`).join(' + ');
    const bad = findOutside(sum, scopes, (v) => v > 1);
    if (bad) warn(`stocks[${d.stocks.indexOf(s)}]`, `the outflow probabilities of "${s.name}" add up to ${fmt(bad.value)} at ${bad.where}; the later outflows then get less than their share`);
  }
  d.stocks.forEach((s, i) => {
    if (!s.conveyor) return;
    const bad = findOutside(s.conveyor.leadTime, scopes, (v) => !(v >= 1));
    if (bad) warn(`stocks[${i}].conveyor.leadTime`, `the lead time is ${fmt(bad.value)} at ${bad.where}; it is taken as at least 1 step`);
  });

  const read = new Set<string>();
  const texts = [...d.flows.flatMap((f) => [f.rate, f.sd ?? '', f.dispersion ?? '']), ...d.auxiliaries.map((a) => a.expression), ...d.stocks.map((s) => s.conveyor?.leadTime ?? '')];
  for (const t of texts) {
    const parsed = t ? parseDiagramExpression(t) : null;
    if (parsed?.ok) parsed.names.forEach((n) => read.add(n));
  }
  d.parameters.forEach((p, i) => {
    if (!read.has(p.name)) warn(`parameters[${i}]`, `nothing reads "${p.name}": calibration cannot learn it`);
  });

  return { errors, warnings, conservation: conservationReport(d) };
}

/** The conservation report alone. */
export function conservationReport(d: Diagram): ConservationReport {
  const boundaryFlows = d.flows.filter((f) => f.from === null || f.to === null).map((f) => `${f.name} (${f.from ?? 'outside'} → ${f.to ?? 'outside'})`);
  const total = d.stocks.map((s) => s.name).join(' + ') || 'the stocks';
  return {
    conserved: boundaryFlows.length === 0,
    boundaryFlows,
    summary:
      boundaryFlows.length === 0
        ? `Every flow runs between stocks: ${total} stays constant.`
        : `${total} changes only through ${boundaryFlows.join(', ')}; the other flows keep it.`,
  };
}

/**
 * True when a deterministic rate is `Math.min(…)` with the source stock among its arguments, directly
 * or through auxiliaries that are (e.g. `served = Math.min(inventory, backlog)`).
 */
function boundedBy(text: string, stock: string, d: Diagram, depth = 0): boolean {
  const parsed = parseDiagramExpression(text);
  if (!parsed.ok || depth > d.auxiliaries.length) return false;
  const ast = parsed.ast;
  if (ast.type === 'Identifier') {
    const aux = d.auxiliaries.find((a) => a.name === ast.name);
    return aux !== undefined && boundedBy(aux.expression, stock, d, depth + 1);
  }
  return ast.type === 'MathCall' && ast.name === 'min' && ast.args.some((a) => a.type === 'Identifier' && a.name === stock);
}

interface Scope {
  values: Record<string, number>;
  where: string;
}

/**
 * Value sets to try: every corner of the parameter box (fixed parameters at init; a random-free subset
 * when there are too many corners: each parameter at min and at max with the others at init), with the
 * stocks at their initial levels and the auxiliaries computed from them; `action` is 0.
 */
function cornerScopes(d: Diagram): Scope[] {
  const free = d.parameters.filter((p) => !p.fixed && p.min !== p.max);
  const base: Record<string, number> = { action: 0 };
  for (const p of d.parameters) base[p.name] = p.init ?? (p.min + p.max) / 2;
  for (const s of d.stocks) base[s.name] = s.initial;
  const settings: Record<string, number>[] = [];
  if (2 ** free.length <= MAX_CORNERS) {
    for (let mask = 0; mask < 2 ** free.length; mask++) {
      settings.push(Object.fromEntries(free.map((p, j) => [p.name, mask & (1 << j) ? p.max : p.min])));
    }
  } else {
    for (const p of free) settings.push({ [p.name]: p.min }, { [p.name]: p.max });
  }
  const order = auxiliaryOrder(d.auxiliaries);
  return settings.map((setting) => {
    const values = { ...base, ...setting };
    for (const a of order.ok ? order.order : []) {
      const parsed = parseDiagramExpression(a.expression);
      // A Poisson auxiliary is checked at its mean.
      values[a.name] = parsed.ok ? evaluateExpression(parsed.ast, values) : NaN;
    }
    const where = Object.entries(setting).map(([k, v]) => `${k} = ${fmt(v)}`).join(', ') || 'the initial values';
    return { values, where };
  });
}

function findOutside(text: string, scopes: Scope[], bad: (v: number) => boolean): { value: number; where: string } | null {
  const parsed = parseDiagramExpression(text);
  if (!parsed.ok) return null;
  for (const s of scopes) {
    const value = evaluateExpression(parsed.ast, s.values);
    if (bad(value)) return { value, where: s.where };
  }
  return null;
}

function fmt(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(3))) : String(v);
}
