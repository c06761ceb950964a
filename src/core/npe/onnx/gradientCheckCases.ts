import { createRng } from '../../rng/createRng.ts';
import type { Graph, T } from './Graph.ts';
import { GraphBuilder } from './GraphBuilder.ts';
import { gradients } from './autodiff/gradients.ts';
import type { Tensor64 } from './interpretGraph.ts';

/**
 * One small graph per differentiable op, shared by the finite-difference test (float64 interpreter)
 * and the onnxruntime agreement test. Each graph has inputs a[, b] and a random weighting r, outputs
 * loss = Σ r ⊙ op(a, b) and the gradients `grad_a`[, `grad_b`]; r makes every output element matter
 * with a different weight, so a gradient summed to the wrong axis cannot pass.
 */
export interface GradientCase {
  name: string;
  graph: Graph;
  feeds: Record<string, Tensor64>;
  /** Inputs the gradients are taken for. */
  wrt: string[];
}

type Domain = 'any' | 'positive';
interface Spec {
  name: string;
  inputs: [string, (number | string)[], Domain][];
  f: (b: GraphBuilder, x: T[]) => T;
}

const N = 3; // the value bound to the symbolic batch dim 'N'

const SPECS: Spec[] = [
  { name: 'Add (row-vector broadcast)', inputs: [['a', ['N', 4], 'any'], ['b', [4], 'any']], f: (b, [x, y]) => b.add(x, y) },
  { name: 'Add (outer broadcast [N,1]+[1,4])', inputs: [['a', ['N', 1], 'any'], ['b', [1, 4], 'any']], f: (b, [x, y]) => b.add(x, y) },
  { name: 'Sub (column broadcast)', inputs: [['a', ['N', 4], 'any'], ['b', ['N', 1], 'any']], f: (b, [x, y]) => b.sub(x, y) },
  { name: 'Mul (broadcast)', inputs: [['a', ['N', 3], 'any'], ['b', [3], 'any']], f: (b, [x, y]) => b.mul(x, y) },
  { name: 'Mul (same input twice)', inputs: [['a', ['N', 3], 'any']], f: (b, [x]) => b.mul(x, x) },
  { name: 'Div (scalar divisor)', inputs: [['a', ['N', 3], 'any'], ['b', [], 'positive']], f: (b, [x, y]) => b.div(x, y) },
  { name: 'Div (elementwise)', inputs: [['a', ['N', 3], 'any'], ['b', ['N', 3], 'positive']], f: (b, [x, y]) => b.div(x, y) },
  { name: 'Neg', inputs: [['a', ['N', 3], 'any']], f: (b, [x]) => b.neg(x) },
  { name: 'Exp', inputs: [['a', ['N', 3], 'any']], f: (b, [x]) => b.exp(x) },
  { name: 'Log', inputs: [['a', ['N', 3], 'positive']], f: (b, [x]) => b.log(x) },
  { name: 'Tanh', inputs: [['a', ['N', 3], 'any']], f: (b, [x]) => b.tanh(x) },
  { name: 'Sigmoid', inputs: [['a', ['N', 3], 'any']], f: (b, [x]) => b.sigmoid(x) },
  { name: 'Sqrt', inputs: [['a', ['N', 3], 'positive']], f: (b, [x]) => b.sqrt(x) },
  { name: 'MatMul', inputs: [['a', ['N', 4], 'any'], ['b', [4, 2], 'any']], f: (b, [x, y]) => b.matmul(x, y) },
  { name: 'Transpose', inputs: [['a', ['N', 4], 'any']], f: (b, [x]) => b.transpose(x) },
  { name: 'ReduceSum (axis 1, keepdims 0)', inputs: [['a', ['N', 4], 'any']], f: (b, [x]) => b.reduceSum(x, [1]) },
  { name: 'ReduceSum (axis 0, keepdims 1)', inputs: [['a', ['N', 4], 'any']], f: (b, [x]) => b.reduceSum(x, [0], true) },
  { name: 'ReduceSum (all axes)', inputs: [['a', ['N', 4], 'any']], f: (b, [x]) => b.reduceSum(x) },
  { name: 'ReduceMean (batch axis)', inputs: [['a', ['N', 4], 'any']], f: (b, [x]) => b.reduceMean(x, [0]) },
  { name: 'ReduceMean (all axes)', inputs: [['a', ['N', 2, 3], 'any']], f: (b, [x]) => b.reduceMean(x) },
  { name: 'Gather (permutation of axis 1)', inputs: [['a', ['N', 4], 'any']], f: (b, [x]) => b.permute(x, [2, 0, 3, 1], 1) },
  { name: 'Reshape [N,6]→[N,2,3]', inputs: [['a', ['N', 6], 'any']], f: (b, [x]) => b.reshape(x, [0, 2, 3]) },
  { name: 'Unsqueeze [N,3]→[N,1,3]', inputs: [['a', ['N', 3], 'any']], f: (b, [x]) => b.unsqueeze(x, [1]) },
  { name: 'LogSumExp (ReduceMax detached)', inputs: [['a', ['N', 5], 'any']], f: (b, [x]) => b.logSumExp(x, 1) },
];

const concrete = (shape: readonly (number | string)[]) => shape.map((d) => (typeof d === 'number' ? d : N));

export function gradientCases(seed = 1): GradientCase[] {
  const rng = createRng(seed);
  const tensor = (shape: readonly (number | string)[], domain: Domain): Tensor64 => {
    const dims = concrete(shape);
    const n = dims.reduce((a, c) => a * c, 1);
    return { dims, data: Float64Array.from({ length: n }, () => (domain === 'positive' ? rng.uniform(0.5, 2) : rng.normal(0, 1))) };
  };
  return SPECS.map((spec) => {
    const b = new GraphBuilder(spec.name);
    const xs = spec.inputs.map(([name, shape]) => b.input(name, shape));
    const y = spec.f(b, xs);
    const r = b.input('r', y.shape);
    const loss = b.reduceSum(b.mul(y, r));
    b.output('loss', loss);
    gradients(b, loss, xs).forEach((g, i) => b.output(`grad_${xs[i].name}`, g));
    const feeds: Record<string, Tensor64> = { r: tensor(y.shape, 'any') };
    for (const [name, shape, domain] of spec.inputs) feeds[name] = tensor(shape, domain);
    return { name: spec.name, graph: b.build(), feeds, wrt: xs.map((x) => x.name) };
  });
}
