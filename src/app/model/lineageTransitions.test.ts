import { describe, expect, it } from 'vitest';
import { appendVersion, bestVersion, editedSinceLastVersion, valScorePoints } from './lineageTransitions.ts';
import type { LoopVersion } from './LoopVersion.ts';

function version(iteration: number, valScore: number, code?: string): LoopVersion {
  return { id: `v${iteration}`, projectId: 'p', createdAt: iteration, record: { iteration, origin: 'llm', valScore, transcript: [], ...(code ? { code } : {}) } };
}

describe('lineage transitions', () => {
  it('appendVersion(lineage, v) keeps iteration order and replaces the same id', () => {
    const l = appendVersion(appendVersion([], version(2, 1)), version(1, 2));
    expect(l.map((v) => v.record.iteration)).toEqual([1, 2]);
    expect(appendVersion(l, { ...version(2, 0.5) }).map((v) => v.record.valScore)).toEqual([2, 0.5]);
  });

  it('valScorePoints(lineage) gives null for failed iterations and the running best', () => {
    expect(valScorePoints([version(1, Infinity), version(2, 3), version(3, 5), version(4, 1)])).toEqual([
      { iteration: 1, valScore: null, best: null },
      { iteration: 2, valScore: 3, best: 3 },
      { iteration: 3, valScore: 5, best: 3 },
      { iteration: 4, valScore: 1, best: 1 },
    ]);
    expect(bestVersion([version(1, Infinity), version(2, 3), version(3, 2)])?.id).toBe('v3');
    expect(bestVersion([version(1, Infinity)])).toBeUndefined();
  });

  it('editedSinceLastVersion(lineage, source) ignores whitespace and needs a history', () => {
    const l = [version(1, 1, 'const a = 1;')];
    expect(editedSinceLastVersion([], 'x')).toBeUndefined();
    expect(editedSinceLastVersion(l, 'const a = 1;  \n')).toBeUndefined();
    expect(editedSinceLastVersion(l, 'const a = 2;')).toBe('const a = 2;');
  });
});
