import { describe, expect, it } from 'vitest';
import { estimateSecondsLeft } from './estimateSecondsLeft.ts';
import type { SweepCellResult } from './SweepResults.ts';

const done = (c: string, method: SweepCellResult['method'], seconds: number) => ({ case: c, method, seconds }) as SweepCellResult;
const todo = (c: string, method: SweepCellResult['method']) => ({ case: c, method, budget: 'converge' as const, seed: 9 });

describe('estimateSecondsLeft', () => {
  it('uses the same row and method, then the method, then every cell', () => {
    const finished = [done('covid', 'ga', 10), done('covid', 'ga', 20), done('covid', 'npe', 40), done('hospital', 'ga', 100)];
    expect(estimateSecondsLeft([todo('hospital', 'ga')], finished)).toBe(100);
    expect(estimateSecondsLeft([todo('supply-chain', 'npe')], finished)).toBe(40);
    expect(estimateSecondsLeft([todo('supply-chain', 'cmaes')], finished)).toBe(42.5);
    expect(estimateSecondsLeft([todo('covid', 'ga'), todo('covid', 'ga')], finished)).toBe(30);
    expect(estimateSecondsLeft([todo('covid', 'ga')], [])).toBeNaN();
  });
});
