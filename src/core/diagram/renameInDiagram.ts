import type { Diagram } from './Diagram.ts';
import { renameInExpression } from './diagramExpression.ts';

/**
 * Renames a stock, flow, auxiliary or parameter and every reference to it (flow ends, expressions),
 * returning a new diagram. Expressions that do not parse are left as written.
 *
 * @example
 * renameInDiagram(sir, 'beta', 'transmission') // the infection rate now reads `transmission * I / N`
 */
export function renameInDiagram(d: Diagram, from: string, to: string): Diagram {
  if (from === to) return d;
  const rn = (text: string) => renameInExpression(text, from, to);
  const name = <T extends { name: string }>(x: T): T => (x.name === from ? { ...x, name: to } : x);
  return {
    ...d,
    stocks: d.stocks.map((s) => ({ ...name(s), ...(s.conveyor ? { conveyor: { ...s.conveyor, leadTime: rn(s.conveyor.leadTime) } } : {}) })),
    flows: d.flows.map((f) => ({
      ...name(f),
      from: f.from === from ? to : f.from,
      to: f.to === from ? to : f.to,
      rate: rn(f.rate),
      ...(f.sd !== undefined ? { sd: rn(f.sd) } : {}),
      ...(f.dispersion !== undefined ? { dispersion: rn(f.dispersion) } : {}),
    })),
    auxiliaries: d.auxiliaries.map((a) => ({ ...name(a), expression: rn(a.expression) })),
    parameters: d.parameters.map(name),
  };
}
