import { describe, expect, it } from 'vitest';
import { gridHash } from './gridHash.ts';
import { gridToJson, parseSweepGrid } from './parseSweepGrid.ts';
import { parseSeedList } from './parseSeedList.ts';
import { sweepCells } from './SweepGrid.ts';

const minimal = { benchmarks: ['covid', 'hospital'], methods: ['ga', 'npe'], seeds: '1..3' };

describe('parseSweepGrid', () => {
  it('fills the defaults of gsim data and gsim calibrate', () => {
    const g = parseSweepGrid(minimal);
    expect(g.cases.map((c) => c.name)).toEqual(['covid', 'hospital']);
    expect(g).toMatchObject({ seeds: [1, 2, 3], budgets: ['converge'], preset: null, dataSeed: 1, trajectories: 100, states: 1000, samples: 200, sims: null });
  });

  it('reads its own file format back to the same grid', () => {
    const g = parseSweepGrid({ ...minimal, datasets: [{ name: 'mine', data: 'd.csv', sim: 'm.js' }], budgets: ['paper', 'converge'], states: 'all', sims: 500 });
    expect(parseSweepGrid(gridToJson(g))).toEqual(g);
  });

  it.each([
    [{ ...minimal, methods: ['ga', 'pso'] }, 'methods[1]: expected one of ga, cmaes, npe, got "pso"'],
    [{ ...minimal, benchmarks: ['covid', 'supply'] }, 'benchmarks[1]: unknown benchmark "supply": expected one of covid, supply-chain, hospital'],
    [{ ...minimal, datasets: [{ data: 'a.csv' }] }, 'datasets[0].sim: expected a non-empty string, got nothing'],
    [{ ...minimal, seed: 3 }, 'seed: unknown key'],
    [{ ...minimal, samples: 0 }, 'samples: expected an integer in 1..100000, got 0'],
    [{ ...minimal, seeds: '1..3,2' }, 'seeds: seed 2 is listed twice'],
    [{ methods: ['ga'], seeds: [1] }, 'the grid has no cases'],
    [{ ...minimal, datasets: [{ name: 'covid', data: 'a.csv', sim: 'b.js' }] }, 'datasets[0]: case name "covid" is used twice'],
    [{ ...minimal, seeds: '0..999', methods: ['ga', 'cmaes', 'npe'], budgets: ['converge', 'paper'], benchmarks: ['covid', 'supply-chain', 'hospital'] }, 'over the limit of 10000'],
  ])('refuses %j with an error naming where', (grid, message) => {
    expect(() => parseSweepGrid(grid)).toThrow(message);
  });
});

describe('parseSeedList', () => {
  it('reads ranges, lists and arrays', () => {
    expect(parseSeedList('1..3,10', 'seeds')).toEqual([1, 2, 3, 10]);
    expect(parseSeedList([5, 4], 'seeds')).toEqual([5, 4]);
    expect(() => parseSeedList('5..1', 'seeds')).toThrow('runs backwards');
    expect(() => parseSeedList('1..100000', 'seeds')).toThrow('more than 1000 seeds');
    expect(() => parseSeedList(['1'], 'seeds')).toThrow('seeds[0]: expected an integer seed');
  });
});

describe('sweepCells and gridHash', () => {
  it('runs NPE once whatever the budgets, case by case', () => {
    const g = parseSweepGrid({ benchmarks: ['covid'], methods: ['ga', 'npe'], seeds: [1, 2], budgets: ['converge', 'paper'] });
    expect(sweepCells(g).map((c) => `${c.method}/${c.budget}/${c.seed}`)).toEqual([
      'ga/converge/1', 'ga/converge/2', 'npe/converge/1', 'npe/converge/2', 'ga/paper/1', 'ga/paper/2',
    ]);
  });

  it('changes with anything that changes results, including a file digest, and not with key order', () => {
    const g = parseSweepGrid(minimal);
    const same = parseSweepGrid({ seeds: [1, 2, 3], methods: ['ga', 'npe'], benchmarks: ['covid', 'hospital'] });
    expect(gridHash(same)).toBe(gridHash(g));
    expect(gridHash(parseSweepGrid({ ...minimal, samples: 100 }))).not.toBe(gridHash(g));
    expect(gridHash(g, { 'd.csv': 'abc' })).not.toBe(gridHash(g, { 'd.csv': 'abd' }));
    expect(gridHash(g)).toMatch(/^[0-9a-f]{16}$/);
  });
});
