import type { DiagramAuxiliary } from './Diagram.ts';
import { parseDiagramExpression } from './diagramExpression.ts';

/**
 * The order in which auxiliaries can be computed (each after the auxiliaries it reads), keeping the
 * diagram's order where it is free; or the names on a cycle. Unparsable expressions read nothing here
 * (validation reports them).
 */
export function auxiliaryOrder(auxiliaries: readonly DiagramAuxiliary[]): { ok: true; order: DiagramAuxiliary[] } | { ok: false; cycle: string[] } {
  const byName = new Map(auxiliaries.map((a) => [a.name, a]));
  const reads = new Map(
    auxiliaries.map((a) => {
      const parsed = parseDiagramExpression(a.expression);
      return [a.name, parsed.ok ? parsed.names.filter((n) => byName.has(n)) : []];
    }),
  );
  const order: DiagramAuxiliary[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  let cycle: string[] | null = null;
  const visit = (name: string): void => {
    if (cycle || state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      cycle = [...stack.slice(stack.indexOf(name)), name];
      return;
    }
    state.set(name, 'visiting');
    stack.push(name);
    for (const dep of reads.get(name) ?? []) visit(dep);
    stack.pop();
    state.set(name, 'done');
    order.push(byName.get(name)!);
  };
  for (const a of auxiliaries) visit(a.name);
  return cycle ? { ok: false, cycle } : { ok: true, order };
}
