import { describe, expect, it } from 'vitest';
import { CalibrationLedger } from './calibrationLedger.ts';
import { convergeBudget } from './budget.ts';
import { FINAL_PICK, pickFinalist } from './finalPick.ts';
import { finalPickReserve, withFinalPickReserve } from './finalPickReserve.ts';
import { analyticEvaluator, boxParameters } from './test/testProblems.ts';

// One parameter on [-1, 1], so unit and physical coordinates agree: f(x) = x + noise.
const PARAMS = boxParameters(1, -1, 1);
const at = (x: number) => new Float64Array([x]);

function ledgerFor(noise: number, seed: number, signal?: { aborted: boolean }) {
  const ev = analyticEvaluator((x) => x[0], noise);
  return { ev, ledger: new CalibrationLedger('cmaes', PARAMS, ev, { seed, ...(signal ? { signal } : {}) }, 1) };
}

describe('pickFinalist (the race at the end of a converge search)', () => {
  it('picks the truly better of two close finalists where one noisy call often would not', async () => {
    // True scores 0 and 0.05, noise sd 0.1 per score: one call picks the worse about 36 % of the time.
    let raced = 0;
    let single = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { ledger } = ledgerFor(0.1, seed);
      await pickFinalist(ledger, [at(0.05), at(0)], 1, 10_000);
      if (ledger.bestUnit?.[0] === 0) raced++;
      const once = await ledgerFor(0.1, seed).ev([at(0.05), at(0)], 12345 + seed);
      if (once.fitness[1] < once.fitness[0]) single++;
    }
    expect(raced).toBeGreaterThanOrEqual(18);
    expect(single).toBeLessThan(18);
  });

  it('drops a clearly worse finalist after the first rounds and keeps racing the close ones', async () => {
    const { ev, ledger } = ledgerFor(0.1, 3);
    await pickFinalist(ledger, [at(0.9), at(0.005), at(0)], 1, 10_000);
    expect(ev.calls.slice(0, FINAL_PICK.minRounds)).toEqual(Array(FINAL_PICK.minRounds).fill(3));
    expect(ev.calls[FINAL_PICK.minRounds]).toBe(2); // 0.9 is out
    expect(ev.calls.length).toBeLessThanOrEqual(FINAL_PICK.maxRounds);
    expect(ledger.bestUnit?.[0]).toBeLessThan(0.5);
    expect(ledger.bestFitness).toBeLessThan(0.1); // the winner's mean score
  });

  it('stays within its limit, and does nothing for one distinct finalist or no room for two rounds', async () => {
    const { ev, ledger } = ledgerFor(0.1, 4);
    expect(await pickFinalist(ledger, [at(0.3), at(0.1), at(0)], 7, 20)).toBe(7 + ev.calls.length);
    expect(ledger.candidates).toBeLessThanOrEqual(20);

    const one = ledgerFor(0.1, 4);
    one.ledger.setBest(at(0.5), 0.5);
    expect(await pickFinalist(one.ledger, [at(0.5), at(0.5)], 7, 10_000)).toBe(7);
    expect(await pickFinalist(one.ledger, [at(0.5), at(0)], 7, 3)).toBe(7);
    expect(one.ev.calls).toEqual([]);
    expect(one.ledger.bestUnit?.[0]).toBe(0.5);
  });

  it('keeps the incumbent when every finalist fails in the race, and reports a cancel', async () => {
    const failing = analyticEvaluator(() => Infinity);
    const ledger = new CalibrationLedger('cmaes', PARAMS, failing, { seed: 1 }, 1);
    ledger.setBest(at(0.2), 0.7);
    await pickFinalist(ledger, [at(0.1), at(0.3)], 1, 10_000);
    expect(ledger.bestUnit?.[0]).toBe(0.2);
    expect(ledger.bestFitness).toBe(0.7);

    const signal = { aborted: true };
    const { ledger: cancelled } = ledgerFor(0.1, 1, signal);
    const stop = async () => {
      throw new Error('stopped');
    };
    const stopped = new CalibrationLedger('cmaes', PARAMS, stop, { seed: 1, signal }, 1);
    expect(await pickFinalist(stopped, [at(0.1), at(0.3)], 1, 10_000)).toBeUndefined();
    expect(cancelled.candidates).toBe(0);
  });

  it('sets aside a tenth of the search cap for the race, at most 256, so the default cap leaves the search its 600 + 400 n', () => {
    for (const n of [1, 2, 4, 5, 12]) {
      const search = 600 + 400 * n;
      const whole = convergeBudget(n).maxCandidates;
      expect(whole).toBe(withFinalPickReserve(search));
      expect(whole - finalPickReserve(whole)).toBe(search);
    }
    expect(convergeBudget(2).maxCandidates).toBe(1540);
    expect(convergeBudget(12).maxCandidates).toBe(5656);
    expect(finalPickReserve(Infinity)).toBe(256);
  });
});
