import { describe, expect, it } from 'vitest';
import type { IterationRecord } from './GsimLoop.ts';
import { appendIteration, bestRecord, initialLoopState, sameCodeAs, stopReasonAfter, topCandidates, warmStartFrom } from './loopState.ts';

function rec(iteration: number, valScore: number, extra: Partial<IterationRecord> = {}): IterationRecord {
  return { iteration, origin: 'llm', valScore, code: `code ${iteration}`, params: { a: iteration }, transcript: [], ...extra };
}

describe('loop state transitions', () => {
  it('appendIteration(state, record) tracks the best finite score and the iterations since it improved', () => {
    let s = initialLoopState();
    s = appendIteration(s, rec(1, Infinity));
    expect([s.bestIndex, s.stale]).toEqual([undefined, 1]);
    s = appendIteration(s, rec(2, 5));
    expect([s.bestIndex, s.stale]).toEqual([1, 0]);
    s = appendIteration(s, rec(3, 5)); // a tie is not an improvement
    s = appendIteration(s, rec(4, 7));
    expect([s.bestIndex, s.stale]).toEqual([1, 2]);
    s = appendIteration(s, rec(5, 1));
    expect([bestRecord(s)?.iteration, s.stale]).toEqual([5, 0]);
  });

  it('appendIteration(state, record) does not change its input', () => {
    const s = initialLoopState();
    const next = appendIteration(s, rec(1, 2));
    expect(s.records).toEqual([]);
    expect(next.records).toHaveLength(1);
  });

  it('initialLoopState(history) replays the history but restarts patience', () => {
    const s = initialLoopState([rec(1, 3), rec(2, 9), rec(3, 9)]);
    expect([bestRecord(s)?.iteration, s.stale, s.records.length]).toEqual([1, 0, 3]);
  });

  it('stopReasonAfter(state, done, max, patience) stops at the budget first, then on patience', () => {
    const stale = { records: [], bestIndex: undefined, stale: 3 };
    expect(stopReasonAfter(stale, 5, 5, 3)).toBe('max-iterations');
    expect(stopReasonAfter(stale, 4, 5, 3)).toBe('patience');
    expect(stopReasonAfter({ ...stale, stale: 2 }, 4, 5, 3)).toBeUndefined();
  });

  it('topCandidates(records, k) keeps the k best working candidates, best LAST, without failures or reuses', () => {
    const records = [rec(1, 4), rec(2, Infinity, { error: { phase: 'calibrate', message: 'x' } }), rec(3, 2), rec(4, 2, { reusedFrom: 3 }), rec(5, 3), rec(6, 2)];
    expect(topCandidates(records, 3).map((r) => r.iteration)).toEqual([5, 6, 3]);
    expect(topCandidates(records, 0)).toEqual([]);
  });

  it('sameCodeAs(records, code) finds the first evaluated iteration with the same code up to whitespace', () => {
    const records = [rec(1, 1, { code: 'a = 1;\nb = 2;' }), rec(2, 1, { code: 'a = 1; b = 2;', reusedFrom: 1 })];
    expect(sameCodeAs(records, '  a = 1;   b = 2;\n')?.iteration).toBe(1);
    expect(sameCodeAs(records, 'a = 1; b = 3;')).toBeUndefined();
  });

  it('warmStartFrom(state) copies the best candidate parameters, none before a working candidate', () => {
    expect(warmStartFrom(initialLoopState([rec(1, Infinity)]))).toBeUndefined();
    expect(warmStartFrom(initialLoopState([rec(1, 3), rec(2, 1)]))).toEqual({ a: 2 });
  });
});
