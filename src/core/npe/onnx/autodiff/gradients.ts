import type { T } from '../Graph.ts';
import type { GraphBuilder } from '../GraphBuilder.ts';
import { GRADIENT_RULES } from './gradientRules.ts';

/**
 * Reverse-mode differentiation: appends to `b` the nodes computing d loss / d w for each w in `wrt`
 * (loss must be a scalar). Only nodes on a path from some w to the loss are differentiated; gradients
 * of a value used several times are summed. A w the loss does not depend on gets an exact zero.
 */
export function gradients(b: GraphBuilder, loss: T, wrt: T[]): T[] {
  if (loss.shape.length !== 0) throw new Error(`gradients: loss must be a scalar, got [${loss.shape}]`);
  const nodes = b.nodeList.slice();
  // values that depend on some w (forward sweep)…
  const dependent = new Set(wrt.map((w) => w.name));
  for (const n of nodes) if (!n.noGrad && n.inputs.some((i) => dependent.has(i))) n.outputs.forEach((o) => dependent.add(o));
  if (!dependent.has(loss.name)) throw new Error('gradients: the loss does not depend on any requested value');

  const grads = new Map<string, T>([[loss.name, b.scalar(1)]]);
  const accumulate = (name: string, g: T) => {
    const prev = grads.get(name);
    grads.set(name, prev ? b.add(prev, g) : g);
  };
  // …then a backward sweep over them, in reverse execution order.
  for (let k = nodes.length - 1; k >= 0; k--) {
    const node = nodes[k];
    const g = grads.get(node.outputs[0]);
    if (!g || node.noGrad) continue;
    const need = node.inputs.map((i) => dependent.has(i));
    if (!need.some(Boolean)) continue;
    const rule = GRADIENT_RULES[node.op];
    if (!rule) throw new Error(`gradients: no gradient rule for ${node.op}`);
    // int64 index inputs (axes, shapes, indices) have no float shape entry; rules read them by name
    const x = node.inputs.map((i) => (b.initializer(i)?.type === 'int64' ? { name: i, shape: [] } : b.value(i)));
    const gx = rule({ b, node, x, y: b.value(node.outputs[0]), g, need });
    node.inputs.forEach((name, i) => { if (need[i] && gx[i]) accumulate(name, gx[i]); });
  }
  return wrt.map((w) => grads.get(w.name) ?? b.mul(w, 0));
}
