import type { T } from '../Graph.ts';
import type { GraphBuilder } from '../GraphBuilder.ts';
import { sameShape, type Shape } from '../shapes.ts';

/**
 * Sums a gradient of the broadcast result back to an operand's shape. Broadcasting copies the operand
 * along (a) leading axes it lacks and (b) axes where it has size 1, so the gradient is the sum over
 * exactly those axes: (b) with keepdims so the 1s stay, then (a) without, leaving `target`'s rank.
 * Axes are decided from static shapes; a symbolic batch dim against 1 counts as broadcast.
 */
export function unbroadcast(b: GraphBuilder, g: T, target: Shape): T {
  if (sameShape(g.shape, target)) return g;
  const lead = g.shape.length - target.length;
  const ones: number[] = [];
  target.forEach((d, i) => { if (d === 1 && g.shape[i + lead] !== 1) ones.push(i + lead); });
  let out = ones.length ? b.reduceSum(g, ones, true) : g;
  if (lead > 0) out = b.reduceSum(out, Array.from({ length: lead }, (_, i) => i), false);
  if (!sameShape(out.shape, target)) {
    throw new Error(`unbroadcast: cannot reduce gradient [${g.shape}] to [${target}]`);
  }
  return out;
}
