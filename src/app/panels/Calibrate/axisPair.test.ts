import { describe, expect, it } from 'vitest';
import { validAxisPair } from './axisPair.ts';

describe('validAxisPair', () => {
  it('keeps a pair that indexes two existing parameters', () => {
    expect(validAxisPair([2, 0], 3)).toEqual([2, 0]);
  });

  it('falls back to the first two parameters when the run has fewer parameters than the pair needs', () => {
    expect(validAxisPair([0, 2], 2)).toEqual([0, 1]);
    expect(validAxisPair([0, -1], 4)).toEqual([0, 1]);
  });

  it('draws nothing for a run with fewer than two parameters (one still loading its program has none)', () => {
    expect(validAxisPair([0, 1], 0)).toBeNull();
    expect(validAxisPair([0, 0], 1)).toBeNull();
  });
});
