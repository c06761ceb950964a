import { describe, expect, it } from 'vitest';
import { cloneSizeAtMost } from '../sandbox/browser/cloneSizeAtMost.ts';

describe('cloneSizeAtMost', () => {
  it('counts typed arrays by bytes, strings at two bytes a character, and each property', () => {
    expect(cloneSizeAtMost(new Float64Array(4), 1e6)).toBe(32);
    expect(cloneSizeAtMost('abc', 1e6)).toBe(6);
    expect(cloneSizeAtMost({ a: 1 }, 1e6)).toBe(16 + 2 + 8);
    expect(cloneSizeAtMost(new Map([['k', new ArrayBuffer(100)]]), 1e6)).toBe(16 + 2 + 100);
  });

  it('counts a shared object once and survives cycles', () => {
    const shared = new Float64Array(1000);
    const cyclic: Record<string, unknown> = { a: shared, b: shared };
    cyclic.self = cyclic;
    expect(cloneSizeAtMost(cyclic, 1e6)).toBe(3 * 16 + 2 * 'a'.length + 2 * 'b'.length + 2 * 'self'.length + 8000);
  });

  it('gives up as soon as the budget is passed, without walking the rest', () => {
    let reads = 0;
    const huge = new Proxy(new Array(1_000_000).fill(0), {
      get: (target, key) => (/^\d+$/.test(String(key)) && reads++, Reflect.get(target, key)),
    });
    expect(cloneSizeAtMost({ huge }, 1024)).toBe(Infinity);
    expect(reads).toBeLessThan(100); // 1024 bytes at 16 an entry
    expect(cloneSizeAtMost({ x: 'y'.repeat(600) }, 1024)).toBe(Infinity);
  });

  it('walks a deep chain without recursion', () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { n: deep };
    expect(cloneSizeAtMost(deep, 1e9)).toBe(100_000 * (16 + 2));
  });
});
