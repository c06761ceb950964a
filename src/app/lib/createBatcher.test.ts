import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBatcher } from './createBatcher.ts';

describe('createBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('delivers the first item at once, then batches within the interval, in order', () => {
    const got: number[][] = [];
    const b = createBatcher<number>((xs) => got.push(xs), 100);
    b.push(1);
    b.push(2);
    b.push(3);
    expect(got).toEqual([[1]]);
    vi.advanceTimersByTime(100);
    expect(got).toEqual([[1], [2, 3]]);
  });

  it('flush delivers pending items now; cancel drops them', () => {
    const got: number[][] = [];
    const b = createBatcher<number>((xs) => got.push(xs), 100);
    b.push(1);
    b.push(2);
    b.flush();
    expect(got).toEqual([[1], [2]]);
    b.push(3); // within the interval of the flush: queued, not delivered
    b.push(4);
    b.cancel();
    vi.advanceTimersByTime(500);
    expect(got).toEqual([[1], [2]]);
  });
});
