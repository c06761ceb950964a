// Browser module Web Worker that fits the data-driven baselines (SINDy; the MLP world model with
// onnxruntime-web: WebGPU on a hardware adapter, WASM otherwise). A thin adapter: the logic lives in
// core's createBaselineSession. It only trains and emits programs; the page scores them in the sim pool.
import { expose } from 'comlink';
import { createBaselineSession } from '../src/core/baselines/baselineSession.ts';
import { createOrtRuntime } from '../src/ort/createOrtRuntime.ts';

// A task boundary between minibatches, so the page's cancel message is handled during training
// (a MessageChannel message: no 4 ms timer clamp).
const channel = new MessageChannel();
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

expose(createBaselineSession(() => createOrtRuntime({ allowFallbackAdapter: false }), yieldToEvents));
