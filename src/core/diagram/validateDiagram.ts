import type { Diagram } from './Diagram.ts';
import { readDiagramShape, type DiagramIssue } from './readDiagramShape.ts';
import { parseDiagramExpression } from './diagramExpression.ts';
import { RESERVED_NAMES } from './reservedNames.ts';
import { auxiliaryOrder } from './auxiliaryOrder.ts';

export type { DiagramIssue };

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
  const shape = readDiagramShape(input);
  if (!shape.ok || options.meaning === false) return shape;
  const errors = diagramMeaningErrors(shape.diagram);
  return errors.length > 0 ? { ok: false, errors } : shape;
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

