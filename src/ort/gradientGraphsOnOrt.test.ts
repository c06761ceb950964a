import { beforeAll, describe, expect, it } from 'vitest';
import { encodeModel } from '../core/npe/onnx/encodeModel.ts';
import { gradientCases } from '../core/npe/onnx/gradientCheckCases.ts';
import { interpretGraph } from '../core/npe/onnx/interpretGraph.ts';
import type { TensorRuntime } from '../core/npe/TensorRuntime.ts';
import { createOrtRuntime } from './createOrtRuntime.ts';

let runtime: TensorRuntime;
beforeAll(async () => {
  runtime = await createOrtRuntime({ numThreads: 1, detectWebGpu: async () => false });
});

describe('gradient graphs on onnxruntime-web (Node, WASM) agree with the float64 interpreter', () => {
  for (const c of gradientCases(7)) {
    it(`${c.name}: every output within 1e-5 + 1e-4·|x|`, async () => {
      const session = await runtime.createSession(encodeModel(c.graph));
      const feeds = Object.fromEntries(Object.entries(c.feeds).map(([k, t]) => [k, { dims: t.dims, data: Float32Array.from(t.data) }]));
      const out = await session.run(feeds);
      // the reference sees the same float32-rounded inputs
      const ref = interpretGraph(c.graph, Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, { dims: t.dims, data: Float64Array.from(t.data) }])));
      for (const o of c.graph.outputs) {
        const want = ref.get(o.name)!;
        expect([...out[o.name].dims], o.name).toEqual(want.dims);
        const got = await out[o.name].download();
        got.forEach((v, i) => expect(Math.abs(v - want.data[i]), `${o.name}[${i}]`).toBeLessThanOrEqual(1e-5 + 1e-4 * Math.abs(want.data[i])));
      }
      await session.release();
    });
  }
  it('reports the provider it runs on', () => {
    expect(runtime.provider).toBe('wasm');
  });
});
