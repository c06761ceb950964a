import { describe, expect, it } from 'vitest';
import type { IterationRecord } from './GsimLoop.ts';
import { reflectionPrompt } from './reflectionPrompt.ts';

function record(over: Partial<IterationRecord>): IterationRecord {
  return { iteration: 1, origin: 'llm', code: 'function step() {}', params: { a: 0.5, b: 2 }, valScore: 1.5, transcript: [], ...over };
}

describe('reflectionPrompt trust signals', () => {
  it('reflectionPrompt quotes how well the data pin each fitted parameter down, and the calibration warnings', () => {
    const text = reflectionPrompt({
      records: [record({
        trust: {
          identifiability: [
            { name: 'a', value: 0.5, width: 0.01, relativeWidth: 0.01, status: 'identified', atBound: null, tradesOffWith: null, source: 'curvature' },
            { name: 'b', value: 2, width: 4, relativeWidth: 0.4, status: 'unidentified', atBound: 'upper', tradesOffWith: 'a', source: 'curvature' },
          ],
          warnings: ['b = 2 sits at the upper bound of its prior box'],
        },
      })],
      topK: 3,
      iteration: 2,
      totalIterations: 5,
    });
    expect(text).toMatch(/pin each parameter down: a ±0\.01 \(identified\); b ±4 \(unidentified, at the upper bound, trades off with a\)/);
    expect(text).toContain('// Calibration warning: b = 2 sits at the upper bound of its prior box');
    expect(text).toMatch(/cannot pin down.*removing or merging/);
  });

  it('reflectionPrompt without trust signals shows only the fitted parameters', () => {
    const text = reflectionPrompt({ records: [record({})], topK: 3, iteration: 2, totalIterations: 5 });
    expect(text).toContain('const fittedParameters = { a: 0.5, b: 2 };');
    expect(text).not.toContain('Calibration warning');
    expect(text).not.toContain('pin each parameter down:');
  });
});
