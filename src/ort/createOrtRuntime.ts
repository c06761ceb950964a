import * as ort from 'onnxruntime-web';
import type { DeviceTensor, Feed, TensorRuntime, TensorSession } from '../core/npe/TensorRuntime.ts';
import { isDeviceTensor } from '../core/npe/TensorRuntime.ts';

export interface OrtRuntimeOptions {
  /**
   * Decides between WebGPU and WASM. Default: WebGPU when `navigator.gpu` yields an adapter (browser
   * main thread or Web Worker), else WASM (always in Node). Injected in tests and by callers that know.
   */
  detectWebGpu?: () => Promise<boolean>;
  /** WASM threads (ORT's default is 1 on small machines; multi-threading needs cross-origin isolation). */
  numThreads?: number;
  /**
   * Whether the default detection accepts a software (fallback) WebGPU adapter such as SwiftShader
   * (default true, as the issue asks). Measured in headless Chromium on SwiftShader: a COVID-sized
   * training step took ≈1.4 s on WebGPU against ≈21 ms on WASM, so callers may prefer false.
   */
  allowFallbackAdapter?: boolean;
}

interface GpuAdapterLike { isFallbackAdapter?: boolean; info?: { isFallbackAdapter?: boolean } }
interface GpuNavigator { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }

async function defaultDetectWebGpu(allowFallback: boolean): Promise<boolean> {
  const nav = (globalThis as { navigator?: GpuNavigator }).navigator;
  if (!nav?.gpu) return false;
  try {
    const adapter = await nav.gpu.requestAdapter();
    if (!adapter) return false;
    return allowFallback || !(adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false);
  } catch {
    return false;
  }
}

/** Wraps an ORT output so it can be fed back without leaving the device. */
class OrtDeviceTensor implements DeviceTensor {
  constructor(readonly tensor: ort.Tensor) {}
  get dims(): readonly number[] { return this.tensor.dims; }
  async download(): Promise<Float32Array> {
    // a CPU tensor's data is ours already; a GPU tensor is copied down
    if (this.tensor.location === 'cpu') return Float32Array.from(this.tensor.data as Float32Array);
    return (await this.tensor.getData()) as Float32Array;
  }
  dispose(): void { this.tensor.dispose(); }
}

function toOrt(feed: Feed): ort.Tensor {
  if (isDeviceTensor(feed)) {
    if (!(feed instanceof OrtDeviceTensor)) throw new Error('ORT runtime: a device tensor from another runtime was fed');
    return feed.tensor;
  }
  return new ort.Tensor('float32', feed.data, feed.dims);
}

/**
 * A {@link TensorRuntime} on onnxruntime-web: WebGPU (outputs kept as GPU buffers) when available,
 * else WASM. The same code runs in Node (ORT's Node build uses WASM), the browser and Web Workers.
 */
export async function createOrtRuntime(options: OrtRuntimeOptions = {}): Promise<TensorRuntime> {
  if (options.numThreads !== undefined) ort.env.wasm.numThreads = options.numThreads;
  const webgpu = await (options.detectWebGpu ?? (() => defaultDetectWebGpu(options.allowFallbackAdapter ?? true)))();
  const provider = webgpu ? 'webgpu' : 'wasm';
  return {
    provider,
    async createSession(model: Uint8Array): Promise<TensorSession> {
      const session = await ort.InferenceSession.create(model, {
        executionProviders: [provider],
        graphOptimizationLevel: 'all',
        ...(webgpu ? { preferredOutputLocation: 'gpu-buffer' as const } : {}),
      });
      return {
        inputNames: session.inputNames,
        outputNames: session.outputNames,
        async run(feeds) {
          const ortFeeds: Record<string, ort.Tensor> = {};
          for (const [name, f] of Object.entries(feeds)) ortFeeds[name] = toOrt(f);
          const out = await session.run(ortFeeds);
          const result: Record<string, DeviceTensor> = {};
          for (const [name, t] of Object.entries(out)) result[name] = new OrtDeviceTensor(t);
          return result;
        },
        release: () => session.release(),
      };
    },
  };
}
