import { describe, expect, it } from 'vitest';
import { aggregateSweep, sweepColumns } from './aggregateSweep.ts';
import { formatSweepMarkdown } from './formatSweepMarkdown.ts';
import { readSweepResults } from './readSweepResults.ts';
import type { SweepCellResult, SweepResults } from './SweepResults.ts';

function cell(c: Partial<SweepCellResult>): SweepCellResult {
  return {
    case: 'covid', method: 'ga', budget: 'converge', seed: 1, status: 'done', params: { beta: 0.5 }, testW1: 1, testW1StdError: 0.1,
    val: { energyScore: 1, mse: 2, rolloutW1: 3 }, seconds: 2, failures: 0, ranOn: 'local', error: null, ...c,
  };
}

const cells = [
  cell({ seed: 1, testW1: 0.02 }), cell({ seed: 2, testW1: 0.04 }),
  cell({ method: 'npe', seed: 1, testW1: 0.05 }), cell({ method: 'npe', seed: 2, status: 'failed', testW1: null, error: 'boom | x' }),
  cell({ case: 'my|data<b>', method: 'ga', testW1: 0.3, ranOn: 'queue' }),
];
const results: SweepResults = {
  format: 'gsim-sweep', version: 1, gridHash: '0123456789abcdef', command: 'gsim sweep --benchmarks covid --methods ga,npe --seeds 1..2',
  grid: { benchmarks: ['covid'], methods: ['ga', 'npe'], seeds: [1, 2] }, total: 6, cells, floors: [{ case: 'covid', w1: 0.019, states: 300, samples: 200, seed: 1 }],
  wallSeconds: 12.5, updatedAt: '2026-12-05T07:00:00.000Z',
};

describe('aggregateSweep', () => {
  it('gives mean ± sample std over seeds, counts failures out, marks the best per row', () => {
    const t = aggregateSweep(['covid', 'my|data<b>'], sweepColumns(['ga', 'npe'], ['converge']), cells, results.floors);
    expect(t.columns.map((c) => c.label)).toEqual(['GA', 'NPE']);
    const [ga, npe] = t.rows[0].stats;
    expect(ga).toMatchObject({ n: 2, cells: 2, best: true });
    expect(ga!.mean).toBeCloseTo(0.03, 12);
    expect(ga!.std).toBeCloseTo(Math.SQRT2 * 0.01, 12);
    expect(npe).toMatchObject({ mean: 0.05, std: 0, n: 1, cells: 2, best: false });
    expect(t.rows[0].floor).toBe(0.019);
    expect(t.rows[1]).toMatchObject({ floor: null, stats: [{ n: 1, best: true }, null] });
  });

  it('labels columns with the budget only when the sweep has several', () => {
    expect(aggregateSweep([], sweepColumns(['ga', 'npe'], ['converge', 'paper']), [], []).columns.map((c) => c.label)).toEqual(['GA (converge)', 'NPE', 'GA (paper)']);
  });
});

describe('formatSweepMarkdown', () => {
  it('writes the paper-shaped table with the floor, partial counts and escaped names', () => {
    const t = aggregateSweep(['covid', 'my|data<b>'], sweepColumns(['ga', 'npe'], ['converge']), cells, results.floors);
    const md = formatSweepMarkdown(results, t);
    expect(md).toContain('| benchmark | noise floor | GA | NPE |');
    expect(md).toContain('| covid | 0.0190 | **0.0300 ± 0.0141** | 0.0500 ± 0 (1 of 2) |');
    expect(md).toContain('| my\\|data&lt;b&gt; | – | **0.300 ± 0** | – |');
    expect(md).toContain('failed: boom \\| x');
    expect(md).toContain('5 of 6 cells finished (partial');
  });
});

describe('readSweepResults', () => {
  it('reads back what it is given', () => {
    expect(readSweepResults(JSON.stringify(results))).toEqual(results);
  });

  it.each([
    [{ ...results, format: 'other' }, 'format: expected "gsim-sweep"'],
    [{ ...results, cells: [{ ...cells[0], testW1: 'NaN' }] }, 'cells[0].testW1: expected a finite number, got "NaN"'],
    [{ ...results, cells: [{ ...cells[0], ranOn: '<b>x</b>' }] }, 'cells[0].ranOn: expected one of local, queue'],
    [{ ...results, total: 1e9 }, 'total: expected an integer in 0..10000'],
    [{ ...results, total: 1 }, 'cells: 5 entries is over the limit of 1'],
    [{ ...results, cells: [{ ...cells[0], case: 'x'.repeat(501) }] }, 'cells[0].case: 501 characters is over the limit of 500'],
    [{ ...results, grid: { ...results.grid, methods: ['evil'] } }, 'grid.methods[0]: expected one of ga, cmaes, npe'],
  ])('refuses a hostile or broken file with the path of the problem (%#)', (file, message) => {
    expect(() => readSweepResults(JSON.stringify(file))).toThrow(message);
  });

  it('refuses text that is not JSON', () => {
    expect(() => readSweepResults('<script>')).toThrow('not valid JSON');
  });
});
