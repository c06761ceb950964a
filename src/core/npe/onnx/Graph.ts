import type { Dim } from './shapes.ts';

/**
 * The graph IR: a straight-line list of ONNX nodes in execution order, named values, and initializers.
 * It is deliberately close to ONNX's GraphProto so that emitting bytes is a mechanical mapping and the
 * float64 reference interpreter can evaluate exactly what onnxruntime will run.
 */
export interface GraphNode {
  op: string;
  inputs: string[];
  outputs: string[];
  /** Integer attributes only (axis, keepdims, perm, to) — the op set needs no others. */
  attrs: Record<string, number | number[]>;
  /** Treated as a constant by autodiff (e.g. the max subtracted inside log-sum-exp, whose gradient cancels). */
  noGrad?: boolean;
}

export type Initializer =
  | { name: string; dims: number[]; type: 'float'; data: Float32Array }
  | { name: string; dims: number[]; type: 'int64'; data: number[] };

export interface ValueInfo {
  name: string;
  shape: Dim[];
}

export interface Graph {
  name: string;
  nodes: GraphNode[];
  initializers: Map<string, Initializer>;
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  /** Static (possibly symbolic) shape of every float value. */
  shapes: Map<string, Dim[]>;
}

/** A value handle returned by the builder. */
export interface T {
  readonly name: string;
  readonly shape: readonly Dim[];
}
