import type { Graph, GraphNode } from './Graph.ts';

/** A dense row-major tensor evaluated in float64 (int64 index tensors are held as floats too). */
export interface Tensor64 {
  dims: number[];
  data: Float64Array;
}

const size = (dims: number[]) => dims.reduce((a, b) => a * b, 1);

function broadcastDims(a: number[], b: number[], op: string): number[] {
  const rank = Math.max(a.length, b.length);
  return Array.from({ length: rank }, (_, i) => {
    const da = a[i - rank + a.length] ?? 1;
    const db = b[i - rank + b.length] ?? 1;
    if (da !== db && da !== 1 && db !== 1) throw new Error(`${op}: dims [${a}] and [${b}] do not broadcast`);
    return da === 1 ? db : da;
  });
}

/** Strides of `dims` viewed inside an `out`-ranked broadcast (0 along broadcast axes). */
function broadcastStrides(dims: number[], out: number[]): number[] {
  const strides = new Array<number>(out.length).fill(0);
  let s = 1;
  for (let i = dims.length - 1; i >= 0; i--) {
    const j = i + out.length - dims.length;
    strides[j] = dims[i] === 1 ? 0 : s;
    s *= dims[i];
  }
  return strides;
}

/** Calls f(outIndex, offsets...) for every element of the broadcast of `inputs` to `out`. */
function forEachBroadcast(out: number[], inputs: number[][], f: (i: number, offs: number[]) => void): void {
  const strides = inputs.map((d) => broadcastStrides(d, out));
  const idx = new Array<number>(out.length).fill(0);
  const offs = new Array<number>(inputs.length).fill(0);
  const n = size(out);
  for (let i = 0; i < n; i++) {
    f(i, offs);
    for (let ax = out.length - 1; ax >= 0; ax--) {
      idx[ax]++;
      for (let k = 0; k < offs.length; k++) offs[k] += strides[k][ax];
      if (idx[ax] < out[ax]) break;
      for (let k = 0; k < offs.length; k++) offs[k] -= strides[k][ax] * out[ax];
      idx[ax] = 0;
    }
  }
}

const BINARY: Record<string, (a: number, b: number) => number> = {
  Add: (a, b) => a + b, Sub: (a, b) => a - b, Mul: (a, b) => a * b, Div: (a, b) => a / b,
  Pow: (a, b) => a ** b, Min: Math.min, Max: Math.max, Equal: (a, b) => (a === b ? 1 : 0),
};
const UNARY: Record<string, (a: number) => number> = {
  Neg: (a) => -a, Exp: Math.exp, Log: Math.log, Tanh: Math.tanh, Sqrt: Math.sqrt, Identity: (a) => a,
  Sigmoid: (a) => 1 / (1 + Math.exp(-a)), Cast: (a) => a,
};

function reduce(x: Tensor64, axesT: Tensor64 | undefined, keepdims: boolean, op: string): Tensor64 {
  const axes = axesT ? [...axesT.data].map((a) => (a < 0 ? a + x.dims.length : a)) : x.dims.map((_, i) => i);
  const kept = x.dims.map((d, i) => (axes.includes(i) ? 1 : d));
  const out = new Float64Array(size(kept)).fill(op === 'ReduceMax' ? -Infinity : 0);
  forEachBroadcast(x.dims, [kept, x.dims], (_, [o, i]) => {
    out[o] = op === 'ReduceMax' ? Math.max(out[o], x.data[i]) : out[o] + x.data[i];
  });
  if (op === 'ReduceMean') {
    const count = size(x.dims) / size(kept);
    for (let i = 0; i < out.length; i++) out[i] /= count;
  }
  return { dims: keepdims ? kept : x.dims.filter((_, i) => !axes.includes(i)), data: out };
}

function evalNode(n: GraphNode, ins: Tensor64[]): Tensor64 {
  const [a, b] = ins;
  if (n.op in BINARY) {
    const f = BINARY[n.op];
    const dims = broadcastDims(a.dims, b.dims, n.op);
    const data = new Float64Array(size(dims));
    forEachBroadcast(dims, [a.dims, b.dims], (i, [ia, ib]) => { data[i] = f(a.data[ia], b.data[ib]); });
    return { dims, data };
  }
  if (n.op in UNARY) return { dims: a.dims, data: a.data.map(UNARY[n.op]) };
  switch (n.op) {
    case 'MatMul': {
      const [r, k] = a.dims; const m = b.dims[1];
      const data = new Float64Array(r * m);
      for (let i = 0; i < r; i++) for (let p = 0; p < k; p++) {
        const v = a.data[i * k + p];
        for (let j = 0; j < m; j++) data[i * m + j] += v * b.data[p * m + j];
      }
      return { dims: [r, m], data };
    }
    case 'Transpose': {
      const [r, c] = a.dims;
      const data = new Float64Array(r * c);
      for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) data[j * r + i] = a.data[i * c + j];
      return { dims: [c, r], data };
    }
    case 'ReduceSum': case 'ReduceMean': case 'ReduceMax':
      return reduce(a, b, n.attrs.keepdims !== 0, n.op);
    case 'Gather': {
      const axis = n.attrs.axis as number;
      const idx = [...b.data];
      const dims = [...a.dims.slice(0, axis), ...b.dims, ...a.dims.slice(axis + 1)];
      if (b.dims.length !== 1) throw new Error('Gather: only 1-D indices are interpreted');
      const outer = size(a.dims.slice(0, axis)); const inner = size(a.dims.slice(axis + 1)); const len = a.dims[axis];
      const data = new Float64Array(size(dims));
      for (let o = 0; o < outer; o++) idx.forEach((src, j) => {
        for (let q = 0; q < inner; q++) data[(o * idx.length + j) * inner + q] = a.data[(o * len + src) * inner + q];
      });
      return { dims, data };
    }
    case 'Reshape':
      return { dims: [...b.data].map((d, i) => (d === 0 ? a.dims[i] : d)), data: a.data };
    case 'Unsqueeze': {
      const dims = [...a.dims];
      for (const ax of [...b.data].sort((x, y) => x - y)) dims.splice(ax, 0, 1);
      return { dims, data: a.data };
    }
    case 'Shape': return { dims: [a.dims.length], data: Float64Array.from(a.dims) };
    case 'Size': return { dims: [], data: Float64Array.of(size(a.dims)) };
    case 'Expand': {
      const dims = broadcastDims(a.dims, [...b.data], n.op);
      const data = new Float64Array(size(dims));
      forEachBroadcast(dims, [a.dims], (i, [ia]) => { data[i] = a.data[ia]; });
      return { dims, data };
    }
    default:
      throw new Error(`interpreter: op ${n.op} is not implemented`);
  }
}

/**
 * Evaluates the graph in float64: the reference the gradient checks use (finite differences need more
 * precision than float32) and that onnxruntime's results are compared against. Returns every value.
 */
export function interpretGraph(graph: Graph, feeds: Record<string, Tensor64>): Map<string, Tensor64> {
  const env = new Map<string, Tensor64>();
  for (const init of graph.initializers.values()) env.set(init.name, { dims: init.dims, data: Float64Array.from(init.data) });
  for (const inp of graph.inputs) {
    const t = feeds[inp.name];
    if (!t) throw new Error(`interpreter: missing input '${inp.name}'`);
    env.set(inp.name, t);
  }
  for (const n of graph.nodes) {
    const ins = n.inputs.map((name) => {
      const t = env.get(name);
      if (!t) throw new Error(`interpreter: ${n.op} reads '${name}' before it is defined`);
      return t;
    });
    env.set(n.outputs[0], evalNode(n, ins));
  }
  return env;
}
