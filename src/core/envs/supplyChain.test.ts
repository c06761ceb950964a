import { describe, expect, it } from 'vitest';
import { generateDataset } from '../data/generateDataset.ts';
import { expectClose } from '../metrics/expectClose.ts';
import { createRng } from '../rng/createRng.ts';
import { compileSimulator } from '../sim/compileSimulator.ts';
import type { Action, State } from '../sim/types.ts';
import { SUPPLY_CHAIN_ORDER_UP_TO, supplyChain } from './supplyChain.ts';

const TOL_MC = 0.05;
const VARS = supplyChain.variables;
const gt = compileSimulator(supplyChain.groundTruthSource);
/** No demand, so that stock moves only through orders and arrivals. */
const NO_DEMAND = { demand_rate: 0, lead_time: 2 };

function pipelineSum(s: State): number {
  return (s.pipeline as [number, number][]).reduce((acc, [q]) => acc + q, 0);
}

describe('supply chain ground truth', () => {
  const data = generateDataset(supplyChain, 2, { train: 30, val: 0, test: 0 });

  it('keeps inventory and backlog non-negative integers, pipeline_total equal to the pipeline sum, and t counting', () => {
    for (const tr of data.splits.train) {
      tr.states.forEach((s, t) => {
        for (const v of VARS) expect(Number.isInteger(s[v]) && (s[v] as number) >= 0).toBe(true);
        expect(s.pipeline_total).toBe(pipelineSum(s));
        expect(s.t).toBe(t);
      });
    }
  });

  it('never holds stock and backlog at once (backlog is served first)', () => {
    for (const tr of data.splits.train) for (const s of tr.states) expect(Math.min(s.inventory as number, s.backlog as number)).toBe(0);
  });

  it('conserves stock: inventory - backlog + pipeline changes by order - demand', () => {
    const rng = createRng(4);
    for (const tr of data.splits.train.slice(0, 5)) {
      tr.states.slice(0, -1).forEach((s, t) => {
        const next = gt.step(s, tr.actions[t], supplyChain.trueParams, rng, VARS);
        const position = (x: State) => (x.inventory as number) - (x.backlog as number) + (x.pipeline_total as number);
        const demand = position(s) + (tr.actions[t] as number) - position(next);
        expect(Number.isInteger(demand) && demand >= 0).toBe(true);
      });
    }
  });

  it('an order of q placed with action a_t and lead time 2 is in transit in states t+1 and t+2 and in inventory from state t+3', () => {
    const states: State[] = [{ inventory: 0, backlog: 0, pipeline: [], pipeline_total: 0, t: 0 }];
    const actions: Action[] = [7, 0, 0, 0];
    const rng = createRng(1);
    for (const a of actions) states.push(gt.step(states[states.length - 1], a, NO_DEMAND, rng, VARS));
    expect(states[1]).toMatchObject({ inventory: 0, pipeline: [[7, 2]], pipeline_total: 7 });
    expect(states[2]).toMatchObject({ inventory: 0, pipeline: [[7, 1]], pipeline_total: 7 });
    expect(states[3]).toMatchObject({ inventory: 7, pipeline: [], pipeline_total: 0, t: 3 });
    expect(states[4]).toMatchObject({ inventory: 7, pipeline: [], pipeline_total: 0 });
  });

  it('uses the lead time as Math.trunc(lead_time): 2.9 behaves like 2, 1 arrives a step earlier', () => {
    const start = { inventory: 0, backlog: 0, pipeline: [], pipeline_total: 0, t: 0 };
    const rng = createRng(1);
    const s1 = gt.step(start, 5, { demand_rate: 0, lead_time: 2.9 }, rng, VARS);
    expect(s1.pipeline).toEqual([[5, 2]]);
    const quick = gt.step(start, 5, { demand_rate: 0, lead_time: 1 }, rng, VARS);
    expect(gt.step(quick, 0, { demand_rate: 0, lead_time: 1 }, rng, VARS)).toMatchObject({ inventory: 5, pipeline_total: 0 });
  });

  it('an arrival serves the old backlog before anything else', () => {
    const s = { inventory: 0, backlog: 4, pipeline: [[10, 1]], pipeline_total: 10, t: 5 };
    expect(gt.step(s, 0, NO_DEMAND, createRng(1), VARS)).toMatchObject({ inventory: 6, backlog: 0, pipeline_total: 0, t: 6 });
  });

  it('orders nothing for a null, zero or negative action, and whole units for a fractional one', () => {
    const s = { inventory: 3, backlog: 0, pipeline: [], pipeline_total: 0, t: 0 };
    for (const a of [null, 0, -4]) expect(gt.step(s, a, NO_DEMAND, createRng(1), VARS).pipeline_total).toBe(0);
    expect(gt.step(s, 3.7, NO_DEMAND, createRng(1), VARS).pipeline).toEqual([[3, 2]]);
  });

  it('draws Poisson demand with mean demand_rate', () => {
    const s = { inventory: 1000, backlog: 0, pipeline: [], pipeline_total: 0, t: 0 };
    const rng = createRng(8);
    let total = 0;
    for (let k = 0; k < 3000; k++) total += 1000 - (gt.step(s, 0, supplyChain.trueParams, rng, VARS).inventory as number);
    expectClose(total / 3000, 5, TOL_MC, 'mean demand');
  });

  it('has no holding or backlog cost parameters (they do not enter the transition)', () => {
    expect(gt.parameters.map((p) => p.name)).toEqual(['demand_rate', 'lead_time']);
  });

  it('starts with inventory 20, no backlog and an empty pipeline', () => {
    expect(supplyChain.initialState(createRng(1))).toEqual({ inventory: 20, backlog: 0, pipeline: [], pipeline_total: 0, t: 0 });
  });
});

describe('supply chain behaviour policy', () => {
  it('orders up to 25 on the inventory position, replaced about 10% of the time by a random order in 0..10', () => {
    const s = { inventory: 10, backlog: 2, pipeline: [[3, 1], [4, 2]], pipeline_total: 7, t: 0 };
    const rng = createRng(12);
    const n = 5000;
    let upTo = 0;
    for (let k = 0; k < n; k++) {
      const a = supplyChain.policy(s, 0, rng) as number;
      expect(Number.isInteger(a) && a >= 0 && (a <= 10 || a === SUPPLY_CHAIN_ORDER_UP_TO - 15)).toBe(true);
      if (a === 10) upTo++;
    }
    // Order-up-to gives 25 - (10 - 2 + 7) = 10; exploration draws 10 with probability 1/11.
    expectClose(upTo / n, 0.9 + 0.1 / 11, TOL_MC, 'share of order-up-to actions');
  });

  it('orders nothing (unless exploring) when the position is already above 25', () => {
    const s = { inventory: 40, backlog: 0, pipeline: [], pipeline_total: 0, t: 0 };
    const rng = createRng(2);
    const actions = Array.from({ length: 500 }, () => supplyChain.policy(s, 0, rng) as number);
    expect(actions.filter((a) => a === 0).length).toBeGreaterThan(420);
    expect(Math.max(...actions)).toBeLessThanOrEqual(10);
  });
});
