import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../model/RunRecord.ts';
import { secondsRemaining } from './timeRemaining.ts';

const base = { status: 'running', createdAt: 0, iteration: 5, totalIterations: 20 } as RunRecord;

describe('secondsRemaining', () => {
  it('secondsRemaining projects the candidate cap at the pace so far (converge budget)', () => {
    expect(secondsRemaining({ ...base, candidates: 250, maxCandidates: 1000 }, 10_000)).toBeCloseTo(30, 9);
  });

  it('secondsRemaining projects the generations left (paper budget)', () => {
    expect(secondsRemaining(base, 10_000)).toBeCloseTo(30, 9);
  });

  it('secondsRemaining is null before the first generation and for a finished run', () => {
    expect(secondsRemaining({ ...base, iteration: 0 }, 10_000)).toBeNull();
    expect(secondsRemaining({ ...base, status: 'done' }, 10_000)).toBeNull();
  });
});
