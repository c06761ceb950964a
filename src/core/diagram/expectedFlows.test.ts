import { describe, expect, it } from 'vitest';
import { BIRTH_DEATH_DIAGRAM, SIR_DIAGRAM, SUPPLY_CHAIN_DIAGRAM } from './exampleDiagrams.ts';
import { expectedFlows } from './expectedFlows.ts';

describe('expectedFlows', () => {
  it('is p × source for binomial flows, with auxiliaries computed first', () => {
    const f = expectedFlows(SIR_DIAGRAM, { S: 900, I: 100, R: 0 }, { beta: 0.5, gamma: 0.1 });
    expect(f.infection).toBeCloseTo(900 * (1 - Math.exp(-0.5 * 100 / 1000)), 10);
    expect(f.recovery).toBeCloseTo(10, 10);
  });

  it('is the rate for Poisson flows, parameters defaulting to init; NaN for a conveyor outflow', () => {
    expect(expectedFlows(BIRTH_DEATH_DIAGRAM, { X: 10 }, {})).toEqual({ births: 2 + 0.05 * 10, deaths: 0.1 * 10 });
    const supply = expectedFlows(SUPPLY_CHAIN_DIAGRAM, { inventory: 3, backlog: 7, pipeline_total: 4 }, { demand_rate: 5 }, 6);
    // served = min(3, 7) = 3 old backorders; nothing left for today's mean demand of 5, all backordered.
    expect(supply).toEqual({ ordered: 6, delivered: NaN, shipped: 3, backordered: 5, fulfilled: 3 });
  });
});
