import { describe, expect, it } from 'vitest';
import { createRng } from '../rng/createRng.ts';
import type { BatchEvaluator } from './Calibrator.ts';
import { calibrateWithSignals } from './calibrateWithSignals.ts';
import { cmaes } from './cmaes/cmaes.ts';
import { geneticAlgorithm } from './ga/geneticAlgorithm.ts';
import { probeIdentifiability } from './identifiability.ts';
import { analyticEvaluator, boxParameters } from './test/testProblems.ts';
import { calibrationWarnings } from './trustWarnings.ts';

const BOX = boxParameters(3, 0, 10);

/**
 * What a simulation's fitness looks like locally under common random numbers: the noise is shared by
 * every candidate of a call (a level shift and a random slope), not independent per point.
 */
function crnEvaluator(f: (x: Float64Array) => number): BatchEvaluator {
  return async (batch, seed) => {
    const rng = createRng(seed);
    const level = rng.normal(0, 0.5);
    const slope = Array.from({ length: batch[0].length }, () => rng.normal(0, 0.02));
    const fitness = Float64Array.from(batch, (x) => f(x) + level + x.reduce((s, v, k) => s + slope[k] * v, 0));
    return { fitness, simulations: batch.length, failures: 0 };
  };
}

describe('trust signals after a calibration', () => {
  it('probeIdentifiability: a sharp axis is identified, an axis the fitness ignores is not, a ridge trades off', async () => {
    // f depends sharply on x0, not at all on x1, and only on x2 + x3 (a ridge), with noise.
    const f = (x: Float64Array) => 50 * (x[0] - 3) ** 2 + (x[2] + x[3] - 8) ** 2;
    const params = boxParameters(4, 0, 10);
    const probe = await probeIdentifiability(params, crnEvaluator(f), { x0: 3, x1: 5, x2: 4, x3: 4 }, { seed: 1 });
    const by = Object.fromEntries(probe.parameters.map((p) => [p.name, p]));
    expect(by.x0.status).toBe('identified');
    expect(by.x1.status).toBe('unidentified');
    expect(by.x1.relativeWidth).toBe(0.5);
    expect(by.x2.tradesOffWith).toBe('x3');
    expect(by.x2.status).not.toBe('identified');
    expect(probe.candidates).toBe((1 + 8 + 6) * 3);
  });

  it('calibrationWarnings names a trading-off pair once, and points a GA or CMA-ES fit of it to NPE', () => {
    const pair = (source: 'curvature' | 'posterior') =>
      (['a', 'b'] as const).map((name) => ({ name, value: 1, width: 0.5, relativeWidth: 0.1, status: 'weak' as const, atBound: null, tradesOffWith: name === 'a' ? 'b' : 'a', source }));
    const fromSearch = calibrationWarnings({ bestFitness: 1, identifiability: pair('curvature') }).filter((w) => w.kind === 'trades-off');
    expect(fromSearch).toHaveLength(1);
    expect(fromSearch[0].message).toMatch(/^a and b trade off against each other: .*; NPE fits such pairs more reliably/);
    const fromNpe = calibrationWarnings({ bestFitness: 1, identifiability: pair('posterior') }).filter((w) => w.kind === 'trades-off');
    expect(fromNpe).toHaveLength(1);
    expect(fromNpe[0].message).not.toMatch(/NPE/);
  });

  it('calibrateWithSignals warns when the fitted value sits at a prior bound', async () => {
    // The minimum lies outside the box (x0 = -2), so the fit is pushed onto the lower face x0 = 0.
    const f = (x: Float64Array) => (x[0] + 2) ** 2 + (x[1] - 5) ** 2 + (x[2] - 5) ** 2;
    const r = await calibrateWithSignals(cmaes, BOX, analyticEvaluator(f, 0.01), { seed: 2, maxCandidates: 800 });
    expect(r.params.x0).toBeLessThan(0.1);
    expect(r.identifiability.find((p) => p.name === 'x0')!.atBound).toBe('lower');
    expect(r.warnings.filter((w) => w.kind === 'at-bound').map((w) => w.parameter)).toEqual(['x0']);
  });

  it('calibrateWithSignals warns when every candidate failed, and probes nothing', async () => {
    const ev = analyticEvaluator(() => Infinity);
    const r = await calibrateWithSignals(geneticAlgorithm, BOX, ev, { seed: 1, maxCandidates: 200 });
    expect(r.bestFitness).toBe(Infinity);
    expect(r.identifiability).toEqual([]);
    expect(r.warnings.map((w) => w.kind)).toEqual(['all-failed']);
    expect(r.warnings[0].message).toMatch(/infeasible region/);
  });

  it('calibrationWarnings flags a validation error far above the noise floor, and not one near it', () => {
    expect(calibrationWarnings({ bestFitness: 1, noiseRatio: 3.2 }).map((w) => w.kind)).toEqual(['above-noise-floor']);
    expect(calibrationWarnings({ bestFitness: 1, noiseRatio: 1.1 })).toEqual([]);
    expect(calibrationWarnings({ bestFitness: 1, noiseRatio: Infinity })[0].message).toMatch(/deterministic/);
  });

  it('calibrationWarnings flags a search stopped on its cap while still improving, and neither a stall nor a cap hit without that verdict', () => {
    const warned = calibrationWarnings({ bestFitness: 1, search: { stoppedBy: 'budget', candidates: 4400, capExtensions: 2, stillImproving: true } });
    expect(warned.map((w) => w.kind)).toEqual(['still-improving']);
    expect(warned[0].message).toMatch(/4,400 candidates.*extended 2 times.*--max-candidates/);
    expect(calibrationWarnings({ bestFitness: 1, search: { stoppedBy: 'budget', candidates: 2200, stillImproving: false } })).toEqual([]);
    expect(calibrationWarnings({ bestFitness: 1, search: { stoppedBy: 'stalled', candidates: 900 } })).toEqual([]);
  });
});
