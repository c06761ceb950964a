import type { Graph, GraphNode, Initializer, T, ValueInfo } from './Graph.ts';
import { broadcastShapes, shapeToString, type Dim, type Shape } from './shapes.ts';

type Operand = T | number;

/**
 * Builds a {@link Graph} one op at a time, inferring every value's static shape as it goes so that
 * shape errors surface here (naming the op) rather than inside onnxruntime. Numbers passed where a
 * tensor is expected become float32 scalar constants.
 */
export class GraphBuilder {
  private readonly nodes: GraphNode[] = [];
  private readonly initializers = new Map<string, Initializer>();
  private readonly inputs: ValueInfo[] = [];
  private readonly outputs: ValueInfo[] = [];
  private readonly shapes = new Map<string, Dim[]>();
  private readonly scalars = new Map<number, T>();
  private counter = 0;

  constructor(readonly name: string) {}

  /** Nodes emitted so far (autodiff walks them backwards). */
  get nodeList(): readonly GraphNode[] {
    return this.nodes;
  }

  shapeOf(name: string): Dim[] {
    const s = this.shapes.get(name);
    if (!s) throw new Error(`graph ${this.name}: unknown value '${name}'`);
    return s;
  }

  value(name: string): T {
    return { name, shape: this.shapeOf(name) };
  }

  initializer(name: string): Initializer | undefined {
    return this.initializers.get(name);
  }

  input(name: string, shape: Shape): T {
    this.declare(name, [...shape]);
    this.inputs.push({ name, shape: [...shape] });
    return this.value(name);
  }

  /** Exposes `t` as graph output `name` (through an Identity node when the names differ). */
  output(name: string, t: T): void {
    if (t.name !== name) this.emit('Identity', [t], [...t.shape], {}, false, name);
    this.outputs.push({ name, shape: [...t.shape] });
  }

  /** A named float32 initializer (weights, masks, z-scoring constants). */
  param(name: string, dims: number[], data: ArrayLike<number>): T {
    const size = dims.reduce((a, b) => a * b, 1);
    if (data.length !== size) throw new Error(`initializer ${name}: ${data.length} values for dims ${shapeToString(dims)}`);
    this.declare(name, dims);
    this.initializers.set(name, { name, dims, type: 'float', data: Float32Array.from(data) });
    return this.value(name);
  }

  constant(data: ArrayLike<number>, dims: number[]): T {
    return this.param(this.fresh('const'), dims, data);
  }

  scalar(v: number): T {
    let t = this.scalars.get(v);
    if (!t) this.scalars.set(v, (t = this.constant([v], [])));
    return t;
  }

  /** A 1-D int64 initializer (axes, shapes, gather indices); not a float value, so it has no shape entry. */
  ints(values: number[]): string {
    const name = this.fresh('ints');
    this.initializers.set(name, { name, dims: [values.length], type: 'int64', data: [...values] });
    return name;
  }

  add(a: Operand, b: Operand): T { return this.binary('Add', a, b); }
  sub(a: Operand, b: Operand): T { return this.binary('Sub', a, b); }
  mul(a: Operand, b: Operand): T { return this.binary('Mul', a, b); }
  div(a: Operand, b: Operand): T { return this.binary('Div', a, b); }
  pow(a: Operand, b: Operand): T { return this.binary('Pow', a, b); }
  min(a: Operand, b: Operand): T { return this.binary('Min', a, b); }
  max(a: Operand, b: Operand): T { return this.binary('Max', a, b); }
  neg(a: T): T { return this.emit('Neg', [a], [...a.shape]); }
  exp(a: T): T { return this.emit('Exp', [a], [...a.shape]); }
  log(a: T): T { return this.emit('Log', [a], [...a.shape]); }
  tanh(a: T): T { return this.emit('Tanh', [a], [...a.shape]); }
  sigmoid(a: T): T { return this.emit('Sigmoid', [a], [...a.shape]); }
  sqrt(a: T): T { return this.emit('Sqrt', [a], [...a.shape]); }
  identity(a: T): T { return this.emit('Identity', [a], [...a.shape]); }

  /** 2-D matrix product [n, k] × [k, m]. */
  matmul(a: T, b: T): T {
    if (a.shape.length !== 2 || b.shape.length !== 2 || a.shape[1] !== b.shape[0]) {
      throw new Error(`MatMul: expects [n, k] × [k, m], got ${shapeToString(a.shape)} × ${shapeToString(b.shape)}`);
    }
    return this.emit('MatMul', [a, b], [a.shape[0], b.shape[1]]);
  }

  transpose(a: T): T {
    if (a.shape.length !== 2) throw new Error(`Transpose: expects a matrix, got ${shapeToString(a.shape)}`);
    return this.emit('Transpose', [a], [a.shape[1], a.shape[0]], { perm: [1, 0] });
  }

  /** Sum over `axes` (all axes when omitted). */
  reduceSum(a: T, axes?: number[], keepdims = false): T { return this.reduce('ReduceSum', a, axes, keepdims); }
  reduceMean(a: T, axes?: number[], keepdims = false): T { return this.reduce('ReduceMean', a, axes, keepdims); }
  /** Max is only used where its gradient cancels, so autodiff treats it as a constant. */
  reduceMaxNoGrad(a: T, axes: number[], keepdims = true): T { return this.reduce('ReduceMax', a, axes, keepdims, true); }

  /** log Σ exp over one axis (kept), stabilised by the detached max. */
  logSumExp(a: T, axis: number): T {
    const m = this.reduceMaxNoGrad(a, [axis], true);
    return this.add(this.log(this.reduceSum(this.exp(this.sub(a, m)), [axis], true)), m);
  }

  /** 1 where `a` attains its maximum along `axis`, else 0 (float). Sampling only: not differentiable. */
  oneHotArgMax(a: T, axis: number): T {
    const m = this.reduceMaxNoGrad(a, [axis], true);
    const eq = this.emitRaw('Equal', [a.name, m.name], broadcastShapes(a.shape, m.shape, 'Equal'), {}, true);
    return this.emitRaw('Cast', [eq.name], [...a.shape], { to: 1 }, true);
  }

  /** Reorders `axis` by the constant permutation `perm` (autodiff inverts it). */
  permute(a: T, perm: number[], axis: number): T {
    const n = a.shape[axis];
    const sorted = [...perm].sort((x, y) => x - y);
    if (n !== perm.length || sorted.some((v, i) => v !== i)) {
      throw new Error(`Gather: [${perm.join(', ')}] is not a permutation of axis ${axis} of ${shapeToString(a.shape)}`);
    }
    return this.emitRaw('Gather', [a.name, this.ints(perm)], [...a.shape], { axis });
  }

  /** ONNX Reshape: 0 copies the input's dimension at that position (keeps the batch symbol). */
  reshape(a: T, dims: number[]): T {
    const out: Dim[] = dims.map((d, i) => {
      if (d === 0) return a.shape[i];
      if (d > 0) return d;
      throw new Error(`Reshape: dimension ${d} not supported (use 0 or a positive size)`);
    });
    return this.emitRaw('Reshape', [a.name, this.ints(dims)], out, {});
  }

  /** Broadcasts `a` to the runtime shape of `like` (used by gradients of reductions). */
  expandLike(a: T, like: T): T {
    const shape = this.fresh('shape');
    this.nodes.push({ op: 'Shape', inputs: [like.name], outputs: [shape], attrs: {} });
    return this.emitRaw('Expand', [a.name, shape], [...like.shape], {});
  }

  /** Number of elements of `a` as a float32 scalar (batch size is only known at run time). */
  sizeOf(a: T): T {
    const size = this.fresh('size');
    this.nodes.push({ op: 'Size', inputs: [a.name], outputs: [size], attrs: {} });
    return this.emitRaw('Cast', [size], [], { to: 1 });
  }

  unsqueeze(a: T, axes: number[]): T {
    const out: Dim[] = [...a.shape];
    for (const ax of [...axes].sort((x, y) => x - y)) out.splice(ax, 0, 1);
    return this.emitRaw('Unsqueeze', [a.name, this.ints(axes)], out, {});
  }

  build(): Graph {
    return {
      name: this.name, nodes: [...this.nodes], initializers: new Map(this.initializers),
      inputs: [...this.inputs], outputs: [...this.outputs], shapes: new Map(this.shapes),
    };
  }

  private reduce(op: string, a: T, axes: number[] | undefined, keepdims: boolean, noGrad = false): T {
    const rank = a.shape.length;
    const norm = (axes ?? a.shape.map((_, i) => i)).map((ax) => (ax < 0 ? ax + rank : ax));
    if (norm.some((ax) => ax < 0 || ax >= rank)) throw new Error(`${op}: axes [${axes}] out of range for ${shapeToString(a.shape)}`);
    const out = keepdims ? a.shape.map((d, i) => (norm.includes(i) ? 1 : d)) : a.shape.filter((_, i) => !norm.includes(i));
    const inputs = axes ? [a.name, this.ints(norm)] : [a.name];
    return this.emitRaw(op, inputs, out, { keepdims: keepdims ? 1 : 0 }, noGrad);
  }

  private binary(op: string, a: Operand, b: Operand): T {
    const ta = typeof a === 'number' ? this.scalar(a) : a;
    const tb = typeof b === 'number' ? this.scalar(b) : b;
    return this.emit(op, [ta, tb], broadcastShapes(ta.shape, tb.shape, op));
  }

  private emit(op: string, inputs: T[], shape: Dim[], attrs: GraphNode['attrs'] = {}, noGrad = false, name?: string): T {
    return this.emitRaw(op, inputs.map((t) => t.name), shape, attrs, noGrad, name);
  }

  private emitRaw(op: string, inputs: string[], shape: Dim[], attrs: GraphNode['attrs'], noGrad = false, name?: string): T {
    const out = name ?? this.fresh(op);
    this.declare(out, shape);
    this.nodes.push({ op, inputs, outputs: [out], attrs, ...(noGrad ? { noGrad } : {}) });
    return this.value(out);
  }

  private declare(name: string, shape: Dim[]): void {
    if (this.shapes.has(name)) throw new Error(`graph ${this.name}: value '${name}' defined twice`);
    this.shapes.set(name, shape);
  }

  private fresh(prefix: string): string {
    return `${prefix}_${this.counter++}`;
  }
}
