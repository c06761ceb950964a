import { FLOW_LAWS, type Diagram, type DiagramAuxiliary, type DiagramFlow, type DiagramParameter, type DiagramPosition, type DiagramStock, type FlowLaw } from './Diagram.ts';

/** One problem, at a JSON path such as `flows[1].rate`. */
export interface DiagramIssue {
  path: string;
  message: string;
}

/**
 * Reads untrusted diagram JSON for its shape and types only (no expression parsing, so it stays small
 * enough for the studio's first load, where project files are read): every error with its path.
 * `validateDiagram` adds the meaning checks.
 */
export function readDiagramShape(input: unknown): { ok: true; diagram: Diagram } | { ok: false; errors: DiagramIssue[] } {
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
  return { ok: true, diagram };
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
