import { FLOW_LAWS, type Diagram, type DiagramAuxiliary, type DiagramFlow, type DiagramParameter, type DiagramPosition, type DiagramStock, type FlowLaw } from './Diagram.ts';
import { parseDiagramExpression } from './diagramExpression.ts';
import { RESERVED_NAMES } from './reservedNames.ts';
import { auxiliaryOrder } from './auxiliaryOrder.ts';

/** One problem, at a JSON path such as `flows[1].rate`. */
export interface DiagramIssue {
  path: string;
  message: string;
}

/** The outcome: the diagram when it has no errors, and every error with its path. */
export type DiagramValidation = { ok: true; diagram: Diagram } | { ok: false; errors: DiagramIssue[] };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Validates untrusted diagram JSON (a project file, an LLM's answer, the editor's draft): shapes and
 * types first, then meaning (unique names, flows between existing stocks, laws that fit their source,
 * expressions that parse and name only what exists, bounds in order). Every error is reported with its
 * path, not only the first, so that a user or the LLM can fix them all at once.
 *
 * @example
 * validateDiagram({ format: 'gsim-diagram', version: 1, stocks: [], flows: [{ name: 'f', from: 'X' }] })
 * // { ok: false, errors: [{ path: 'flows[0].from', message: 'no stock is named "X"' }, …] }
 */
export function validateDiagram(input: unknown, options: { meaning?: boolean } = {}): DiagramValidation {
  const errors: DiagramIssue[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  if (!isObject(input)) return { ok: false, errors: [{ path: '', message: `expected a diagram object, got ${describe(input)}` }] };
  if (input.format !== 'gsim-diagram') err('format', `expected "gsim-diagram", got ${describe(input.format)}`);
  if (input.version !== 1) err('version', `expected 1, got ${describe(input.version)}`);
  if (input.name !== undefined && typeof input.name !== 'string') err('name', `expected a string, got ${describe(input.name)}`);

  const stocks = list(input.stocks, 'stocks', err).map((v, i) => readStock(v, `stocks[${i}]`, err));
  const flows = list(input.flows, 'flows', err).map((v, i) => readFlow(v, `flows[${i}]`, err));
  const auxiliaries = list(input.auxiliaries ?? [], 'auxiliaries', err).map((v, i) => readAuxiliary(v, `auxiliaries[${i}]`, err));
  const parameters = list(input.parameters ?? [], 'parameters', err).map((v, i) => readParameter(v, `parameters[${i}]`, err));
  let action: Diagram['action'];
  if (input.action !== undefined) {
    if (!isObject(input.action)) err('action', `expected an object, got ${describe(input.action)}`);
    else action = { ...(typeof input.action.description === 'string' ? { description: input.action.description } : {}) };
  }
  if (errors.length > 0) return { ok: false, errors };

  const diagram: Diagram = {
    format: 'gsim-diagram',
    version: 1,
    ...(typeof input.name === 'string' ? { name: input.name } : {}),
    stocks: stocks as DiagramStock[],
    flows: flows as DiagramFlow[],
    auxiliaries: auxiliaries as DiagramAuxiliary[],
    parameters: parameters as DiagramParameter[],
    ...(action ? { action } : {}),
  };
  // A saved draft may be half drawn: project files check the shape only (`meaning: false`).
  if (options.meaning !== false) errors.push(...diagramMeaningErrors(diagram));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, diagram };
}

/**
 * The meaning errors of a well-typed diagram (what the editor shows while drawing, by path).
 * @param d a diagram whose fields have the right types.
 */
export function diagramMeaningErrors(d: Diagram): DiagramIssue[] {
  const errors: DiagramIssue[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });

  // Names: identifiers, unique across kinds, not taken by JavaScript or the generated code (which
  // names its own variables with "__", e.g. infection__rate, so they cannot collide).
  const seen = new Map<string, string>();
  const named: [string, string][] = [
    ...d.stocks.map((s, i): [string, string] => [s.name, `stocks[${i}]`]),
    ...d.flows.map((f, i): [string, string] => [f.name, `flows[${i}]`]),
    ...d.auxiliaries.map((a, i): [string, string] => [a.name, `auxiliaries[${i}]`]),
    ...d.parameters.map((p, i): [string, string] => [p.name, `parameters[${i}]`]),
  ];
  for (const [name, at] of named) {
    if (!IDENTIFIER.test(name)) err(`${at}.name`, `"${name}" is not a name: use letters, digits and _ (not starting with a digit)`);
    else if (RESERVED_NAMES.has(name)) err(`${at}.name`, `"${name}" is reserved (JavaScript or the simulator form); choose another name`);
    else if (name.includes('__')) err(`${at}.name`, `"${name}" contains "__", which the generated program keeps for its own variables`);
    else if (seen.has(name)) err(`${at}.name`, `"${name}" is already the name of ${seen.get(name)}`);
    if (!seen.has(name)) seen.set(name, at);
  }

  const stockByName = new Map(d.stocks.map((s) => [s.name, s]));
  const readable = new Set([...d.stocks.map((s) => s.name), ...d.auxiliaries.map((a) => a.name), ...d.parameters.map((p) => p.name), 'action']);
  const checkExpr = (text: string, path: string) => {
    const parsed = parseDiagramExpression(text);
    if (!parsed.ok) return err(path, `${parsed.message} (at character ${parsed.offset + 1})`);
    for (const name of parsed.names) {
      if (!readable.has(name)) {
        const isFlow = d.flows.some((f) => f.name === name);
        err(path, isFlow ? `"${name}" is a flow; rates read stocks, auxiliaries, parameters and action, not other flows` : `unknown name "${name}"`);
      }
    }
  };

  d.stocks.forEach((s, i) => {
    if (s.conveyor) {
      checkExpr(s.conveyor.leadTime, `stocks[${i}].conveyor.leadTime`);
      if (s.conveyor.queue !== undefined && (!IDENTIFIER.test(s.conveyor.queue) || readable.has(s.conveyor.queue))) {
        err(`stocks[${i}].conveyor.queue`, `"${s.conveyor.queue}" must be a name not used by another node`);
      }
    }
  });
  d.auxiliaries.forEach((a, i) => checkExpr(a.expression, `auxiliaries[${i}].expression`));
  const order = auxiliaryOrder(d.auxiliaries);
  if (!order.ok) err(`auxiliaries[${d.auxiliaries.findIndex((a) => a.name === order.cycle[0])}].expression`, `auxiliaries depend on each other in a circle: ${order.cycle.join(' → ')}`);

  d.flows.forEach((f, i) => {
    const at = `flows[${i}]`;
    if (f.from === null && f.to === null) err(at, 'a flow needs a stock at one end at least');
    if (f.from !== null && !stockByName.has(f.from)) err(`${at}.from`, `no stock is named "${f.from}"`);
    if (f.to !== null && !stockByName.has(f.to)) err(`${at}.to`, `no stock is named "${f.to}"`);
    if (f.from !== null && f.from === f.to) err(`${at}.to`, 'a flow cannot go from a stock back into itself');
    const source = f.from !== null ? stockByName.get(f.from) : undefined;
    if (f.law === 'binomial' && f.from === null) err(`${at}.law`, 'a binomial flow moves units of its source stock: draw it from a stock, or use poisson for an inflow from outside');
    if (f.law === 'conveyor' && (!source || !source.conveyor)) err(`${at}.law`, 'the conveyor law is for the outflow of a conveyor (a stock with a lead time)');
    if (source?.conveyor && f.law !== 'conveyor') err(`${at}.law`, `"${source.name}" is a conveyor: its outflow is what completes the lead time (law "conveyor")`);
    if (f.law !== 'conveyor') checkExpr(f.rate, `${at}.rate`);
    if (f.law === 'normal') {
      if (f.sd === undefined) err(`${at}.sd`, 'a normal flow needs a standard deviation expression');
      else checkExpr(f.sd, `${at}.sd`);
    }
    if (f.law === 'negativeBinomial') {
      if (f.dispersion === undefined) err(`${at}.dispersion`, 'a negative binomial flow needs a dispersion expression');
      else checkExpr(f.dispersion, `${at}.dispersion`);
    }
  });
  d.stocks.forEach((s, i) => {
    if (s.conveyor && d.flows.filter((f) => f.from === s.name).length > 1) err(`stocks[${i}].conveyor`, `a conveyor has one outflow; "${s.name}" has more`);
  });

  d.parameters.forEach((p, i) => {
    const at = `parameters[${i}]`;
    if (p.min > p.max) err(`${at}.max`, `max (${p.max}) is below min (${p.min})`);
    if (p.init !== undefined && (p.init < p.min || p.init > p.max)) err(`${at}.init`, `init (${p.init}) is outside [${p.min}, ${p.max}]`);
    if (p.fixed && p.init === undefined) err(`${at}.init`, 'a fixed parameter needs init (the value it keeps)');
  });
  return errors;
}

type Err = (path: string, message: string) => void;

function readStock(v: unknown, at: string, err: Err): DiagramStock | null {
  if (!isObject(v)) return (err(at, `expected a stock object, got ${describe(v)}`), null);
  const s: DiagramStock = {
    name: str(v.name, `${at}.name`, err),
    kind: v.kind === 'integer' || v.kind === 'continuous' ? v.kind : (err(`${at}.kind`, `expected "integer" or "continuous", got ${describe(v.kind)}`), 'integer'),
    initial: finite(v.initial ?? 0, `${at}.initial`, err),
  };
  if (v.nonNegative !== undefined) s.nonNegative = bool(v.nonNegative, `${at}.nonNegative`, err);
  if (v.conveyor !== undefined) {
    if (!isObject(v.conveyor)) err(`${at}.conveyor`, `expected { leadTime, queue? }, got ${describe(v.conveyor)}`);
    else {
      s.conveyor = { leadTime: exprText(v.conveyor.leadTime, `${at}.conveyor.leadTime`, err) };
      if (v.conveyor.queue !== undefined) s.conveyor.queue = str(v.conveyor.queue, `${at}.conveyor.queue`, err);
    }
  }
  copyCommon(v, s, at, err);
  return s;
}

function readFlow(v: unknown, at: string, err: Err): DiagramFlow | null {
  if (!isObject(v)) return (err(at, `expected a flow object, got ${describe(v)}`), null);
  const end = (x: unknown, p: string) => (x === null || x === undefined ? null : str(x, p, err));
  const law = FLOW_LAWS.includes(v.law as FlowLaw) ? (v.law as FlowLaw) : (err(`${at}.law`, `expected one of ${FLOW_LAWS.join(', ')}, got ${describe(v.law)}`), 'deterministic');
  const f: DiagramFlow = {
    name: str(v.name, `${at}.name`, err),
    from: end(v.from, `${at}.from`),
    to: end(v.to, `${at}.to`),
    law,
    rate: law === 'conveyor' && v.rate === undefined ? '0' : exprText(v.rate, `${at}.rate`, err),
  };
  if (v.sd !== undefined) f.sd = exprText(v.sd, `${at}.sd`, err);
  if (v.dispersion !== undefined) f.dispersion = exprText(v.dispersion, `${at}.dispersion`, err);
  if (v.description !== undefined) f.description = str(v.description, `${at}.description`, err);
  return f;
}

function readAuxiliary(v: unknown, at: string, err: Err): DiagramAuxiliary | null {
  if (!isObject(v)) return (err(at, `expected an auxiliary object, got ${describe(v)}`), null);
  const a: DiagramAuxiliary = { name: str(v.name, `${at}.name`, err), expression: exprText(v.expression, `${at}.expression`, err) };
  if (v.law !== undefined) {
    if (v.law === 'poisson') a.law = 'poisson';
    else err(`${at}.law`, `expected "poisson" (a random draw) or nothing (a plain expression), got ${describe(v.law)}`);
  }
  copyCommon(v, a, at, err);
  return a;
}

function readParameter(v: unknown, at: string, err: Err): DiagramParameter | null {
  if (!isObject(v)) return (err(at, `expected a parameter object, got ${describe(v)}`), null);
  const p: DiagramParameter = { name: str(v.name, `${at}.name`, err), min: finite(v.min, `${at}.min`, err), max: finite(v.max, `${at}.max`, err) };
  if (v.init !== undefined) p.init = finite(v.init, `${at}.init`, err);
  if (v.fixed !== undefined) p.fixed = bool(v.fixed, `${at}.fixed`, err);
  copyCommon(v, p, at, err);
  return p;
}

function copyCommon(v: Record<string, unknown>, into: { description?: string; position?: DiagramPosition }, at: string, err: Err): void {
  if (v.description !== undefined) into.description = str(v.description, `${at}.description`, err);
  if (v.position !== undefined) {
    if (!isObject(v.position)) err(`${at}.position`, `expected { x, y }, got ${describe(v.position)}`);
    else into.position = { x: finite(v.position.x, `${at}.position.x`, err), y: finite(v.position.y, `${at}.position.y`, err) };
  }
}

function list(v: unknown, at: string, err: Err): unknown[] {
  if (Array.isArray(v)) return v;
  err(at, `expected a list, got ${describe(v)}`);
  return [];
}

function str(v: unknown, at: string, err: Err): string {
  if (typeof v === 'string') return v;
  err(at, `expected a string, got ${describe(v)}`);
  return '';
}

/** An expression: a string, or a number written as one. */
function exprText(v: unknown, at: string, err: Err): string {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return str(v, at, err);
}

function finite(v: unknown, at: string, err: Err): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  err(at, `expected a finite number, got ${describe(v)}`);
  return 0;
}

function bool(v: unknown, at: string, err: Err): boolean {
  if (typeof v === 'boolean') return v;
  err(at, `expected true or false, got ${describe(v)}`);
  return false;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object' && v !== null) return 'an object';
  return JSON.stringify(v);
}
