import { describe, expect, it } from 'vitest';
import { createDatasetPromiseCache } from './createDatasetPromiseCache.ts';

describe('createDatasetPromiseCache', () => {
  it('computes once per dataset and key, keeps the last `size`, and forgets a failure', async () => {
    const cached = createDatasetPromiseCache<number>(2);
    const a = {};
    let calls = 0;
    const compute = (v: number) => () => (calls++, Promise.resolve(v));
    expect(await cached(a, 'k', compute(1))).toBe(1);
    expect(await cached(a, 'k', compute(2))).toBe(1);
    expect(await cached({}, 'k', compute(3))).toBe(3); // another dataset object
    expect(calls).toBe(2);
    await cached(a, 'k2', compute(4)); // third entry: the first is dropped
    expect(await cached(a, 'k', compute(5))).toBe(5);
    await expect(cached(a, 'bad', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await cached(a, 'bad', compute(6))).toBe(6);
  });
});
