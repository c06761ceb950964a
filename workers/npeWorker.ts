// Browser module Web Worker that trains and samples the NPE density estimator with onnxruntime-web
// (WebGPU when navigator.gpu yields a hardware adapter — or any adapter when the user asks for WebGPU —
// WASM otherwise). A thin adapter: the logic lives in
// core's createNpeSession; simulations are requested from the page, which runs them in the sim pool.
import { expose } from 'comlink';
import { createNpeSession } from '../src/core/npe/npeSession.ts';
import { createOrtRuntime } from '../src/ort/createOrtRuntime.ts';

expose(
  createNpeSession(
    (provider) =>
      createOrtRuntime(
        provider === 'wasm' ? { detectWebGpu: async () => false } : { allowFallbackAdapter: provider === 'webgpu' },
      ),
    () => performance.now(),
  ),
);
