import { describe, expect, it } from 'vitest';
import type { NpeSessionResult } from '../../core/npe/npeSession.ts';
import { npePreset, toNpeRunSummary } from './NpeRun.ts';

/** A finished session result with just what toNpeRunSummary reads. */
function result(o: Partial<NpeSessionResult>): NpeSessionResult {
  return {
    method: 'npe', params: { a: 0.5 }, bestFitness: 1, history: [], simulations: 10, failures: 0, seconds: 1, cancelled: false,
    posterior: { names: ['a'], mean: [0.5], std: [0.1], q05: [0.3], median: [0.5], q95: [0.7], corr: [[1]], samples: 2 },
    samples: [Float64Array.of(0.4), Float64Array.of(0.6)], acceptance: { drawn: 2, accepted: 2, rate: 1, truncated: false, low: false },
    sbc: null, pointEstimate: { kind: 'posterior-mean' }, training: { kind: 'maf', provider: 'wasm', epochs: [], stoppedBy: 'patience' },
    trainingSet: { requested: 10, used: 10, failures: 0 }, phaseSeconds: { simulate: 0, train: 0, sample: 0, sbc: 0 }, warnings: [], ...o,
  };
}

describe('npePreset', () => {
  it('npePreset gives the CLI defaults under the converge budget and the paper settings otherwise', () => {
    expect(npePreset('converge')).toEqual({ rounds: 2, pointEstimate: 'fitness-pick' });
    expect(npePreset('paper')).toEqual({ rounds: 1, pointEstimate: 'posterior-mean' });
    // Settings saved before budget modes existed ran the paper's NPE.
    expect(npePreset(undefined)).toEqual({ rounds: 1, pointEstimate: 'posterior-mean' });
  });
});

describe('toNpeRunSummary', () => {
  it('toNpeRunSummary records two rounds, the truncated box and the picked estimate', () => {
    const pick = { kind: 'fitness-pick' as const, chosen: 'sample' as const, fitness: 1.2, meanFitness: 1.3, candidates: 102, failures: 0 };
    const box = [{ name: 'a', min: 0.2, max: 0.8 }];
    const s = toNpeRunSummary(result({ pointEstimate: pick, truncatedBox: box }), Float64Array.of(1));
    expect(s?.rounds).toBe(2);
    expect(s?.truncatedBox).toEqual(box);
    expect(s?.pointEstimate).toEqual(pick);
  });

  it('toNpeRunSummary records one round and the posterior mean for the paper preset', () => {
    const s = toNpeRunSummary(result({}), Float64Array.of(1));
    expect(s?.rounds).toBe(1);
    expect(s?.truncatedBox).toBeUndefined();
    expect(s?.pointEstimate).toEqual({ kind: 'posterior-mean' });
  });
});
