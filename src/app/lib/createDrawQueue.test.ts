import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDrawQueue } from './createDrawQueue.ts';

/** Slots run on a macrotask, like after-next-paint in the browser. */
const slot = (cb: () => void) => setTimeout(cb, 0);

describe('createDrawQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('draws one chart per task, in request order', async () => {
    const log: string[] = [];
    const q = createDrawQueue({ minIntervalMs: 400, nextSlot: slot, now: () => Date.now() });
    const a = {};
    const b = {};
    q.schedule(a, () => log.push('a'));
    q.schedule(b, () => log.push('b'));
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['a', 'b']);
  });

  it('redraws the same chart at most once per interval, with the latest state only', async () => {
    const log: number[] = [];
    const q = createDrawQueue({ minIntervalMs: 400, nextSlot: slot, now: () => Date.now() });
    const a = {};
    q.schedule(a, () => log.push(1));
    await vi.advanceTimersByTimeAsync(1);
    q.schedule(a, () => log.push(2));
    q.schedule(a, () => log.push(3));
    await vi.advanceTimersByTimeAsync(300);
    expect(log).toEqual([1]);
    await vi.advanceTimersByTimeAsync(200);
    expect(log).toEqual([1, 3]);
  });

  it('a new chart is not held back by another chart waiting out its interval', async () => {
    const log: string[] = [];
    const q = createDrawQueue({ minIntervalMs: 400, nextSlot: slot, now: () => Date.now() });
    const a = {};
    const b = {};
    q.schedule(a, () => log.push('a1'));
    await vi.advanceTimersByTimeAsync(1);
    q.schedule(a, () => log.push('a2'));
    await vi.advanceTimersByTimeAsync(10);
    q.schedule(b, () => log.push('b'));
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['a1', 'b']);
    await vi.advanceTimersByTimeAsync(400);
    expect(log).toEqual(['a1', 'b', 'a2']);
  });

  it('waits for an async draw before the next, and survives a failing one', async () => {
    const log: string[] = [];
    const q = createDrawQueue({ minIntervalMs: 0, nextSlot: slot, now: () => Date.now() });
    q.schedule({}, () => new Promise<void>((r) => setTimeout(() => (log.push('slow'), r()), 50)));
    q.schedule({}, () => {
      throw new Error('boom');
    });
    q.schedule({}, () => log.push('last'));
    await vi.advanceTimersByTimeAsync(20);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(log).toEqual(['slow', 'last']);
  });

  it('cancel drops a pending draw', async () => {
    const log: string[] = [];
    const q = createDrawQueue({ minIntervalMs: 0, nextSlot: slot, now: () => Date.now() });
    const a = {};
    q.schedule(a, () => log.push('a'));
    q.cancel(a);
    await vi.advanceTimersByTimeAsync(10);
    expect(log).toEqual([]);
  });
});
