// Browser module Web Worker that fits the data-driven baselines (SINDy; the MLP world model with
// onnxruntime-web: WebGPU on a hardware adapter, WASM otherwise). A thin adapter: the logic lives in
// core's createBaselineSession. It only trains and emits programs; the page scores them in the sim pool.
import { expose } from 'comlink';
import { createBaselineSession } from '../src/core/baselines/baselineSession.ts';
import { createOrtRuntime } from '../src/ort/createOrtRuntime.ts';

expose(createBaselineSession(() => createOrtRuntime({ allowFallbackAdapter: false })));
