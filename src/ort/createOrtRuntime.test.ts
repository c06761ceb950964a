import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../core/npe/onnx/GraphBuilder.ts';
import { encodeModel } from '../core/npe/onnx/encodeModel.ts';
import { createOrtRuntime } from './createOrtRuntime.ts';

function doubler(): Uint8Array {
  const b = new GraphBuilder('double');
  b.output('y', b.mul(b.input('a', ['N', 2]), 2));
  return encodeModel(b.build());
}

describe('createOrtRuntime', () => {
  it('picks WASM in Node, where there is no navigator.gpu', async () => {
    expect((await createOrtRuntime({ numThreads: 1 })).provider).toBe('wasm');
  });

  it('feeds an output back as an input without a host copy, and downloads it on demand', async () => {
    const rt = await createOrtRuntime({ numThreads: 1 });
    const s = await rt.createSession(doubler());
    expect(s.inputNames).toEqual(['a']);
    const first = await s.run({ a: { data: Float32Array.of(1, 2, 3, 4), dims: [2, 2] } });
    const second = await s.run({ a: first.y });
    expect([...second.y.dims]).toEqual([2, 2]);
    expect([...(await second.y.download())]).toEqual([4, 8, 12, 16]);
    first.y.dispose();
    second.y.dispose();
    await s.release();
  });

  it('rejects a device tensor that another runtime made', async () => {
    const s = await (await createOrtRuntime()).createSession(doubler());
    const foreign = { dims: [1, 2], download: async () => new Float32Array(2), dispose: () => {} };
    await expect(s.run({ a: foreign })).rejects.toThrow(/another runtime/);
    await s.release();
  });

  it('passes shape mismatches and missing inputs through as ORT\'s errors naming the input', async () => {
    const s = await (await createOrtRuntime()).createSession(doubler());
    await expect(s.run({ a: { data: new Float32Array(3), dims: [1, 3] } })).rejects.toThrow(/invalid dimensions for input: a/);
    await expect(s.run({})).rejects.toThrow(/input 'a' is missing/);
    await s.release();
  });
});
