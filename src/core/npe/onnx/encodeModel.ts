import { create, toBinary } from '@bufbuild/protobuf';
import {
  AttributeProto_AttributeType, AttributeProtoSchema, GraphProtoSchema, ModelProtoSchema, NodeProtoSchema,
  OperatorSetIdProtoSchema, TensorProto_DataType, TensorProtoSchema, TensorShapeProto_DimensionSchema,
  TensorShapeProtoSchema, TypeProto_TensorSchema, TypeProtoSchema, ValueInfoProtoSchema,
  type TensorProto, type ValueInfoProto,
} from 'onnx-buf';
import type { Graph, Initializer, ValueInfo } from './Graph.ts';

/**
 * Opset 18 is the first where every Reduce* takes its axes as an input (one code path for all
 * reductions); onnxruntime-web 1.30 runs it on WASM and WebGPU. IR 8 is the IR version of opset 18.
 */
export const OPSET = 18;
export const IR_VERSION = 8;

function tensorProto(init: Initializer): TensorProto {
  const dims = init.dims.map(BigInt);
  if (init.type === 'int64') {
    return create(TensorProtoSchema, { name: init.name, dims, dataType: TensorProto_DataType.INT64, int64Data: init.data.map(BigInt) });
  }
  // raw little-endian bytes: compact, and what every runtime reads fastest
  const bytes = new Uint8Array(init.data.length * 4);
  const view = new DataView(bytes.buffer);
  init.data.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return create(TensorProtoSchema, { name: init.name, dims, dataType: TensorProto_DataType.FLOAT, rawData: bytes });
}

function valueInfo(v: ValueInfo): ValueInfoProto {
  const dim = v.shape.map((d) => create(TensorShapeProto_DimensionSchema, {
    value: typeof d === 'number' ? { case: 'dimValue', value: BigInt(d) } : { case: 'dimParam', value: d },
  }));
  const tensorType = create(TypeProto_TensorSchema, { elemType: TensorProto_DataType.FLOAT, shape: create(TensorShapeProtoSchema, { dim }) });
  return create(ValueInfoProtoSchema, { name: v.name, type: create(TypeProtoSchema, { value: { case: 'tensorType', value: tensorType } }) });
}

/** Serialises the graph as an ONNX ModelProto (float32 values, int64 index constants). */
export function encodeModel(graph: Graph, docString = ''): Uint8Array {
  const nodes = graph.nodes.map((n, i) => create(NodeProtoSchema, {
    name: `${n.op}_${i}`, opType: n.op, input: n.inputs, output: n.outputs,
    attribute: Object.entries(n.attrs).map(([name, v]) => Array.isArray(v)
      ? create(AttributeProtoSchema, { name, type: AttributeProto_AttributeType.INTS, ints: v.map(BigInt) })
      : create(AttributeProtoSchema, { name, type: AttributeProto_AttributeType.INT, i: BigInt(v) })),
  }));
  const g = create(GraphProtoSchema, {
    name: graph.name, node: nodes, initializer: [...graph.initializers.values()].map(tensorProto),
    input: graph.inputs.map(valueInfo), output: graph.outputs.map(valueInfo),
  });
  const model = create(ModelProtoSchema, {
    irVersion: BigInt(IR_VERSION), producerName: 'g-sim-studio', docString, graph: g,
    opsetImport: [create(OperatorSetIdProtoSchema, { domain: '', version: BigInt(OPSET) })],
  });
  return toBinary(ModelProtoSchema, model);
}
