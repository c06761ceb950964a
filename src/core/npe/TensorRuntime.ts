/**
 * The seam between core's ONNX graphs and whatever runs them (onnxruntime-web on WebGPU or WASM, its
 * Node build in the CLI and tests). Core builds model bytes and feeds; the runtime owns sessions and
 * device memory. Outputs stay where the provider produced them (GPU buffers on WebGPU) and can be fed
 * straight back as inputs — the training loop's weights and Adam state never visit the host between
 * steps — and are downloaded only when core needs numbers.
 */
export interface TensorRuntime {
  /** Execution provider in use, shown to the user: 'webgpu', 'wasm' or 'cpu'. */
  readonly provider: string;
  createSession(model: Uint8Array): Promise<TensorSession>;
}

/** Float32 data on the host. */
export interface HostTensor {
  readonly data: Float32Array;
  readonly dims: readonly number[];
}

/** A runtime-owned tensor (possibly on the GPU). Dispose it when no longer fed anywhere. */
export interface DeviceTensor {
  readonly dims: readonly number[];
  download(): Promise<Float32Array>;
  dispose(): void;
}

export type Feed = HostTensor | DeviceTensor;

export function isDeviceTensor(f: Feed): f is DeviceTensor {
  return typeof (f as DeviceTensor).download === 'function';
}

export interface TensorSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  /** Runs the graph; every output comes back as a device tensor owned by the caller. */
  run(feeds: Record<string, Feed>): Promise<Record<string, DeviceTensor>>;
  release(): Promise<void>;
}
