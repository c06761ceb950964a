import { describe, expect, it } from 'vitest';
import { generateDataset } from '../data/generateDataset.ts';
import { getEnvironment } from '../envs/environments.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import { defaultDomainRules } from './defaultDomainRules.ts';
import { ruleViolationRates } from './ruleViolationRates.ts';

const covid = getEnvironment('covid');
const data = generateDataset(covid, 3, { train: 2, val: 4, test: 0, horizon: 20 });

/** An SIR that leaks people: recoveries are counted into R twice. */
const LEAKY = covid.groundTruthSource.replace('R: R + newRec', 'R: R + 2 * newRec');
/** An SIR whose I goes negative every step. */
const NEGATIVE = covid.groundTruthSource.replace('I: I + newInf - newRec', 'I: -1');

describe('ruleViolationRates', () => {
  it('ruleViolationRates(opts) finds no violations of the COVID rules by the ground truth', () => {
    const v = ruleViolationRates({ sim: compileSimulator(covid.groundTruthSource), params: covid.trueParams, dataset: data, rules: defaultDomainRules('covid'), seed: 1, rollouts: 3 });
    expect(v.map((x) => [x.rule, x.rate, x.evaluations])).toEqual([
      ['conservation', 0, 4 * 3 * 20],
      ['non-negative', 0, 4 * 3 * 20],
    ]);
  });

  it('ruleViolationRates(opts) measures the share of simulated steps breaking a rule', () => {
    const leaky = ruleViolationRates({ sim: compileSimulator(LEAKY), params: covid.trueParams, dataset: data, rules: defaultDomainRules('covid'), seed: 1, rollouts: 3 });
    // Conservation breaks exactly on steps with at least one recovery: a rate strictly between 0 and 1.
    expect(leaky[0].rate).toBeGreaterThan(0);
    expect(leaky[0].rate).toBeLessThan(1);
    expect(leaky[1].rate).toBe(0);
    const negative = ruleViolationRates({ sim: compileSimulator(NEGATIVE), params: covid.trueParams, dataset: data, rules: defaultDomainRules('covid'), seed: 1, rollouts: 2 });
    expect(negative[1].rate).toBe(1);
  });

  it('ruleViolationRates(opts) is deterministic for a seed', () => {
    const run = () => ruleViolationRates({ sim: compileSimulator(LEAKY), params: covid.trueParams, dataset: data, rules: defaultDomainRules('covid'), seed: 7, rollouts: 2 });
    expect(run()).toEqual(run());
  });

  it('ruleViolationRates(opts) reports a rule that does not compile as NaN with its error, and a throwing check as violated', () => {
    const v = ruleViolationRates({
      sim: compileSimulator(covid.groundTruthSource), params: covid.trueParams, dataset: data, seed: 1, rollouts: 1,
      rules: [
        { id: 'broken', description: 'does not parse', check: 'S >=' },
        { id: 'throws', description: 'reads a missing key', check: 'prev.nothing.x' },
      ],
    });
    expect(v[0]).toMatchObject({ rule: 'broken', evaluations: 0, error: expect.stringMatching(/syntax error/) });
    expect(v[0].rate).toBeNaN();
    expect(v[1]).toMatchObject({ rule: 'throws', rate: 1, error: expect.stringMatching(/^Domain rule "throws" threw TypeError/) });
  });

  it('ruleViolationRates(opts) gives NaN rates on an empty split', () => {
    const v = ruleViolationRates({ sim: compileSimulator(covid.groundTruthSource), params: covid.trueParams, dataset: data, split: 'test', rules: defaultDomainRules('covid'), seed: 1 });
    expect(v.every((x) => Number.isNaN(x.rate) && x.evaluations === 0)).toBe(true);
  });
});

describe('defaultDomainRules', () => {
  it.each(['supply-chain', 'hospital'] as const)('defaultDomainRules(%s) holds on the ground truth', (id) => {
    const env = getEnvironment(id);
    const d = generateDataset(env, 2, { train: 1, val: 2, test: 0, horizon: 30 });
    const v = ruleViolationRates({ sim: compileSimulator(env.groundTruthSource), params: env.trueParams, dataset: d, rules: defaultDomainRules(id), seed: 1, rollouts: 2 });
    expect(v.length).toBeGreaterThan(0);
    expect(v.map((x) => x.rate)).toEqual(v.map(() => 0));
    expect(v.every((x) => x.error === undefined)).toBe(true);
  });

  it('defaultDomainRules(env) has no rules for user data', () => {
    expect(defaultDomainRules(undefined)).toEqual([]);
    expect(defaultDomainRules('my-data')).toEqual([]);
  });
});
