import { describe, expect, it } from 'vitest';
import { boundedInt, checkImportLimits, IMPORT_LIMITS } from './importLimits.ts';

describe('checkImportLimits', () => {
  it('names the path of a list, a text or a nesting beyond the limits', () => {
    expect(() => checkImportLimits({ runs: [{ history: new Array(IMPORT_LIMITS.arrayItems + 1).fill(0) }] })).toThrow(/^\(file\)\.runs\[0\]\.history: a list of 2,000,001 items; at most 2,000,000/);
    expect(() => checkImportLimits({ project: { knowledge: 'x'.repeat(IMPORT_LIMITS.stringChars + 1) } })).toThrow(/^\(file\)\.project\.knowledge: a text of 5,000,001 characters/);
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(() => checkImportLimits(deep)).toThrow(/nested more than 64 levels deep/);
  });

  it('accepts an ordinary project', () => {
    expect(() => checkImportLimits({ format: 'gsim-project', project: { variables: ['S', 'I', 'R'], states: Array.from({ length: 1000 }, () => ({ S: 1, I: 2, R: 3 })) } })).not.toThrow();
  });
});

describe('boundedInt', () => {
  it('refuses a number the UI would not allow, naming the bounds', () => {
    expect(boundedInt(200, 'runs[0].settings.popsize', [1, 1000])).toBe(200);
    expect(() => boundedInt(2e7, 'runs[0].settings.popsize', [1, 1000])).toThrow('runs[0].settings.popsize: expected a whole number from 1 to 1000 (as the studio allows), got 20000000');
    expect(() => boundedInt(2.5, 'x', [1, 10])).toThrow(/got 2.5/);
    expect(() => boundedInt('3', 'x', [1, 10])).toThrow(/got string/);
  });
});
