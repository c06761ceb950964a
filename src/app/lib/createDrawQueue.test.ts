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
  it('paces a costly chart: after a draw of c ms its next waits c / maxShare from the start', async () => {
    const log: number[] = [];
    const q = createDrawQueue({ minIntervalMs: 400, maxShare: 0.1, nextSlot: slot, now: () => Date.now() });
    const a = {};
    // The draw reports its own cost (Plot passes Plotly's time): 200 ms, so the next is due 2 s after it.
    q.schedule(a, () => (log.push(Date.now()), Promise.resolve(200)));
    await vi.advanceTimersByTimeAsync(1);
    q.schedule(a, () => (log.push(Date.now()), Promise.resolve(20)));
    await vi.advanceTimersByTimeAsync(1900);
    expect(log).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(log).toHaveLength(2);
    expect(log[1] - log[0]).toBeGreaterThanOrEqual(2000);
    expect(log[1] - log[0]).toBeLessThan(2010);
    // A cheap draw (20 ms, 200 ms at a tenth) falls back to the minimum interval.
    q.schedule(a, () => log.push(Date.now()));
    await vi.advanceTimersByTimeAsync(410);
    expect(log[2] - log[1]).toBeGreaterThanOrEqual(400);
    expect(log[2] - log[1]).toBeLessThan(410);
  });

  it('paces by the time until an unreported draw settles, and never holds back another chart', async () => {
    const log: string[] = [];
    const q = createDrawQueue({ minIntervalMs: 0, maxShare: 0.5, nextSlot: slot, now: () => Date.now() });
    const a = {};
    q.schedule(a, () => new Promise<void>((r) => setTimeout(() => (log.push('a1'), r()), 300)));
    await vi.advanceTimersByTimeAsync(301);
    q.schedule(a, () => log.push('a2'));
    q.schedule({}, () => log.push('b'));
    await vi.advanceTimersByTimeAsync(2);
    expect(log).toEqual(['a1', 'b']);
    await vi.advanceTimersByTimeAsync(300);
    expect(log).toEqual(['a1', 'b', 'a2']);
  });

  it('reads a share given as a function when it works out the next redraw', async () => {
    const log: number[] = [];
    let share = 1;
    const q = createDrawQueue({ minIntervalMs: 0, maxShare: () => share, nextSlot: slot, now: () => Date.now() });
    const a = {};
    q.schedule(a, () => (log.push(Date.now()), Promise.resolve(100)));
    await vi.advanceTimersByTimeAsync(1);
    q.schedule(a, () => (log.push(Date.now()), Promise.resolve(100)));
    await vi.advanceTimersByTimeAsync(150);
    expect(log).toHaveLength(2);
    share = 0.1; // a run started: the next redraw waits 100 / 0.1 = 1 s
    q.schedule(a, () => log.push(Date.now()));
    await vi.advanceTimersByTimeAsync(900);
    expect(log).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(log).toHaveLength(3);
  });

  it('rejects a share outside (0, 1]', () => {
    expect(() => createDrawQueue({ minIntervalMs: 0, maxShare: 0 })).toThrow(/maxShare must be in \(0, 1\], got 0/);
    expect(() => createDrawQueue({ minIntervalMs: 0, maxShare: 2 })).toThrow(/got 2/);
  });
});
