import type { GraphNode, T } from '../Graph.ts';
import type { GraphBuilder } from '../GraphBuilder.ts';
import { unbroadcast } from './unbroadcast.ts';

/** What a rule sees: the node, its inputs and output as values, the output's gradient, and which inputs need one. */
export interface GradContext {
  b: GraphBuilder;
  node: GraphNode;
  x: T[];
  y: T;
  g: T;
  need: boolean[];
}

/** Returns one gradient per input (undefined where not needed or not differentiable, e.g. index inputs). */
export type GradRule = (c: GradContext) => (T | undefined)[];

/** Gradient of an elementwise op whose derivative is dy/dx = d(x, y). */
const unary = (d: (c: GradContext) => T): GradRule => (c) => [c.b.mul(c.g, d(c))];

/** One function per differentiable op; reductions and broadcasts explain their shape handling inline. */
export const GRADIENT_RULES: Record<string, GradRule> = {
  Identity: ({ g }) => [g],
  Add: ({ b, g, x, need }) => [need[0] ? unbroadcast(b, g, x[0].shape) : undefined, need[1] ? unbroadcast(b, g, x[1].shape) : undefined],
  Sub: ({ b, g, x, need }) => [need[0] ? unbroadcast(b, g, x[0].shape) : undefined, need[1] ? unbroadcast(b, b.neg(g), x[1].shape) : undefined],
  Mul: ({ b, g, x, need }) => [
    need[0] ? unbroadcast(b, b.mul(g, x[1]), x[0].shape) : undefined,
    need[1] ? unbroadcast(b, b.mul(g, x[0]), x[1].shape) : undefined,
  ],
  // d(a/b)/db = -a/b² = -y/b, which reuses the forward output
  Div: ({ b, g, x, y, need }) => [
    need[0] ? unbroadcast(b, b.div(g, x[1]), x[0].shape) : undefined,
    need[1] ? unbroadcast(b, b.neg(b.div(b.mul(g, y), x[1])), x[1].shape) : undefined,
  ],
  Neg: ({ b, g }) => [b.neg(g)],
  Exp: unary(({ y }) => y),
  Log: ({ b, g, x }) => [b.div(g, x[0])],
  Tanh: unary(({ b, y }) => b.sub(1, b.mul(y, y))),
  Sigmoid: unary(({ b, y }) => b.mul(y, b.sub(1, y))),
  Sqrt: ({ b, g, y }) => [b.div(b.mul(g, 0.5), y)],
  // [n,k]×[k,m]: dA = G Bᵀ, dB = Aᵀ G (the batch dim n is summed by the second product)
  MatMul: ({ b, g, x, need }) => [
    need[0] ? b.matmul(g, b.transpose(x[1])) : undefined,
    need[1] ? b.matmul(b.transpose(x[0]), g) : undefined,
  ],
  Transpose: ({ b, g }) => [b.transpose(g)],
  // The summed axes are copies in the gradient: restore them (Unsqueeze when keepdims=0), then Expand
  // to the input's runtime shape, which carries the batch size.
  ReduceSum: ({ b, g, x, node }) => [b.expandLike(restoreAxes(b, g, x[0], node), x[0])],
  // As ReduceSum, divided by the number of averaged elements = size(x)/size(y), known only at run time.
  ReduceMean: ({ b, g, x, y, node }) => [b.mul(b.expandLike(restoreAxes(b, g, x[0], node), x[0]), b.div(b.sizeOf(y), b.sizeOf(x[0])))],
  // A permutation's gradient is the inverse permutation of the gradient.
  Gather: ({ b, g, node }) => {
    const idx = b.initializer(node.inputs[1]);
    if (!idx || idx.type !== 'int64') throw new Error('Gather gradient: indices must be a constant permutation');
    const inv = new Array<number>(idx.data.length);
    idx.data.forEach((src, j) => { inv[src] = j; });
    return [b.permute(g, inv, node.attrs.axis as number)];
  },
  // Reshape back; a symbolic dim is copied with 0 from the gradient at the same position.
  Reshape: ({ b, g, x }) => [b.reshape(g, x[0].shape.map((d, i) => (typeof d === 'number' ? d : g.shape[i] === d ? 0 : fail(d))))],
  Unsqueeze: ({ b, g, x }) => [b.reshape(g, x[0].shape.map((d, i) => (typeof d === 'number' ? d : g.shape[i] === d ? 0 : fail(d))))],
};

function fail(d: string | number): never {
  throw new Error(`Reshape gradient: symbolic dim ${d} moves position`);
}

function restoreAxes(b: GraphBuilder, g: T, x: T, node: GraphNode): T {
  if (node.attrs.keepdims !== 0) return g;
  const axesName = node.inputs[1];
  const axes = axesName ? (b.initializer(axesName)?.data as number[]) : x.shape.map((_, i) => i);
  return axes.length ? b.unsqueeze(g, axes) : g;
}
