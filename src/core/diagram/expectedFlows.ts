import type { Diagram } from './Diagram.ts';
import { auxiliaryOrder } from './auxiliaryOrder.ts';
import { evaluateExpression, parseDiagramExpression } from './diagramExpression.ts';

/**
 * The expected amount of each flow in one step from the given stock levels (what the animation draws
 * as flow magnitudes): binomial p·source (p clamped to [0, 1]), otherwise the rate floored at 0; a
 * conveyor's outflow is NaN (it depends on the shipments in transit, not on levels). Competing
 * outflows are not capped here. Evaluated by walking the expression trees (no code runs).
 *
 * @param levels stock levels by name (missing ones read as NaN).
 * @param params parameter values by name (missing ones take `init`, else the box midpoint).
 * @param action the action (0 when none).
 */
export function expectedFlows(d: Diagram, levels: Readonly<Record<string, number>>, params: Readonly<Record<string, number>>, action = 0): Record<string, number> {
  const scope: Record<string, number> = { action };
  for (const p of d.parameters) scope[p.name] = params[p.name] ?? p.init ?? (p.min + p.max) / 2;
  for (const s of d.stocks) scope[s.name] = levels[s.name] ?? NaN;
  const order = auxiliaryOrder(d.auxiliaries);
  // A Poisson auxiliary contributes its mean.
  for (const a of order.ok ? order.order : d.auxiliaries) scope[a.name] = a.law === 'poisson' ? Math.max(0, evaluate(a.expression, scope)) : evaluate(a.expression, scope);
  const out: Record<string, number> = {};
  for (const f of d.flows) {
    if (f.law === 'conveyor') {
      out[f.name] = NaN;
      continue;
    }
    const rate = evaluate(f.rate, scope);
    if (f.law === 'binomial') {
      const p = rate > 0 ? Math.min(1, rate) : 0;
      out[f.name] = p * Math.max(0, scope[f.from!] ?? NaN);
    } else out[f.name] = rate > 0 ? rate : 0;
  }
  return out;
}

function evaluate(text: string, scope: Record<string, number>): number {
  const parsed = parseDiagramExpression(text);
  return parsed.ok ? evaluateExpression(parsed.ast, scope) : NaN;
}
