import type { Diagram, DiagramFlow } from '../../../core/diagram/Diagram.ts';

/** The kinds of element the editor selects and edits. */
export type ElementKind = 'stock' | 'flow' | 'parameter' | 'auxiliary';

/** A selected element. */
export interface ElementRef {
  kind: ElementKind;
  name: string;
}

/** Every name in use (names are shared by all kinds, as expressions read them). */
export function namesOf(d: Diagram): Set<string> {
  return new Set([...d.stocks, ...d.flows, ...d.auxiliaries, ...d.parameters].map((x) => x.name));
}

/** `prefix1`, `prefix2`, … the first that is free. */
export function freeName(d: Diagram, prefix: string): string {
  const used = namesOf(d);
  for (let i = 1; ; i++) if (!used.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

/** Adds an integer stock starting at 0. */
export function addStock(d: Diagram): [Diagram, ElementRef] {
  const name = freeName(d, 'stock');
  return [{ ...d, stocks: [...d.stocks, { name, kind: 'integer', initial: 0 }] }, { kind: 'stock', name }];
}

/** Adds a parameter with the box [0, 1]. */
export function addParameter(d: Diagram): [Diagram, ElementRef] {
  const name = freeName(d, 'p');
  return [{ ...d, parameters: [...d.parameters, { name, min: 0, max: 1, init: 0.5 }] }, { kind: 'parameter', name }];
}

/** Adds an auxiliary equal to 0. */
export function addAuxiliary(d: Diagram): [Diagram, ElementRef] {
  const name = freeName(d, 'aux');
  return [{ ...d, auxiliaries: [...d.auxiliaries, { name, expression: '0' }] }, { kind: 'auxiliary', name }];
}

/**
 * Adds a flow: binomial with probability 0.1 when it leaves a stock, Poisson with mean 1 when it comes
 * from outside.
 * @param from source stock name, or null for outside.
 * @param to target stock name, or null for outside.
 */
export function addFlow(d: Diagram, from: string | null, to: string | null): [Diagram, ElementRef] {
  const name = freeName(d, 'flow');
  const flow: DiagramFlow = from !== null ? { name, from, to, law: 'binomial', rate: '0.1' } : { name, from, to, law: 'poisson', rate: '1' };
  return [{ ...d, flows: [...d.flows, flow] }, { kind: 'flow', name }];
}

/**
 * Removes an element. A removed stock's flows lose that end (it becomes "outside"); flows left with
 * no stock at either end are removed too. Expressions that read a removed name keep it (the checks
 * then show it as unknown, so nothing the user wrote disappears silently).
 */
export function removeElement(d: Diagram, ref: ElementRef): Diagram {
  switch (ref.kind) {
    case 'stock':
      return {
        ...d,
        stocks: d.stocks.filter((s) => s.name !== ref.name),
        flows: d.flows
          .map((f) => ({ ...f, from: f.from === ref.name ? null : f.from, to: f.to === ref.name ? null : f.to }))
          .filter((f) => f.from !== null || f.to !== null),
      };
    case 'flow':
      return { ...d, flows: d.flows.filter((f) => f.name !== ref.name) };
    case 'parameter':
      return { ...d, parameters: d.parameters.filter((p) => p.name !== ref.name) };
    case 'auxiliary':
      return { ...d, auxiliaries: d.auxiliaries.filter((a) => a.name !== ref.name) };
  }
}

/** The element an issue path such as `flows[1].rate` points at, if any. */
export function elementAtPath(d: Diagram, path: string): ElementRef | null {
  const m = /^(stocks|flows|parameters|auxiliaries)\[(\d+)\]/.exec(path);
  if (!m) return null;
  const i = Number(m[2]);
  const kind: ElementKind = m[1] === 'stocks' ? 'stock' : m[1] === 'flows' ? 'flow' : m[1] === 'parameters' ? 'parameter' : 'auxiliary';
  const list = m[1] === 'stocks' ? d.stocks : m[1] === 'flows' ? d.flows : m[1] === 'parameters' ? d.parameters : d.auxiliaries;
  return list[i] ? { kind, name: list[i].name } : null;
}

/** The path prefix of an element (`flows[1]`), for picking its issues. */
export function pathOf(d: Diagram, ref: ElementRef): string | null {
  const key = ref.kind === 'stock' ? 'stocks' : ref.kind === 'flow' ? 'flows' : ref.kind === 'parameter' ? 'parameters' : 'auxiliaries';
  const list: { name: string }[] = d[key];
  const i = list.findIndex((x) => x.name === ref.name);
  return i < 0 ? null : `${key}[${i}]`;
}
