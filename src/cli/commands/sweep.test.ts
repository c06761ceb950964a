import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSweepResults } from '../../core/sweep/readSweepResults.ts';
import { main } from '../main.ts';

/** Runs gsim in-process; `onStderr` sees each stderr line (to press Ctrl-C at a chosen moment). */
async function gsim(cwd: string, argv: string[], onStderr?: (line: string, abort: () => void) => void) {
  let stdout = '';
  let stderr = '';
  const controller = new AbortController();
  const code = await main(argv, {
    cwd,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => ((stderr += s), onStderr?.(s, () => controller.abort())) },
    signal: controller.signal,
  });
  return { code, stdout, stderr };
}

// A tiny but real sweep: 1 benchmark × 2 methods × 2 seeds, 5 trajectories per split, a 10-state W1.
const SIZES = ['--trajectories', '5', '--states', '10', '--samples', '20', '--workers', '2'];
const GRID = ['sweep', '--benchmarks', 'covid', '--methods', 'ga,cmaes', '--seeds', '1..2', ...SIZES, '--out', 'out'];

describe('gsim sweep', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gsim-sweep-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops after the current cell on Ctrl-C, resumes where it stopped, and a finished sweep reruns with no work', async () => {
    const stopped = await gsim(dir, GRID, (line, abort) => line.includes('[1/4]') && abort());
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toContain('stopping after the current cell');
    const partial = readSweepResults(readFileSync(join(dir, 'out/sweep.json'), 'utf8'));
    expect(partial.cells.map((c) => `${c.method}/${c.seed}`)).toEqual(['ga/1']);
    expect(readFileSync(join(dir, 'out/sweep.md'), 'utf8')).toContain('1 of 4 cells finished (partial');

    const resumed = await gsim(dir, [...GRID, '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('1 already in');
    const r = JSON.parse(resumed.stdout);
    expect(r).toMatchObject({ total: 4, done: 4, ran: 3, complete: true });
    const results = readSweepResults(readFileSync(join(dir, 'out/sweep.json'), 'utf8'));
    expect(results.cells.map((c) => `${c.method}/${c.seed}`)).toEqual(['ga/1', 'ga/2', 'cmaes/1', 'cmaes/2']);
    for (const c of results.cells) {
      expect(c).toMatchObject({ status: 'done', ranOn: 'local', error: null });
      expect(c.testW1).toBeGreaterThan(0);
      expect(Object.keys(c.params)).toEqual(['beta', 'gamma']);
    }
    expect(results.floors).toEqual([{ case: 'covid', w1: expect.any(Number), states: 10, samples: 20, seed: 1 }]);
    const md = readFileSync(join(dir, 'out/sweep.md'), 'utf8');
    expect(md).toMatch(/\| benchmark \| noise floor \| GA \| CMA-ES \|\n\| --- \| ---: \| ---: \| ---: \|\n\| covid \| [\d.]+ \| (\*\*)?[\d.]+ ± [\d.]+(\*\*)? \| (\*\*)?[\d.]+ ± [\d.]+(\*\*)? \|/);

    const again = await gsim(dir, [...GRID, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const a = JSON.parse(again.stdout);
    expect(a).toMatchObject({ done: 4, ran: 0 });
    expect(a.table).toEqual(r.table);
    expect(readSweepResults(readFileSync(join(dir, 'out/sweep.json'), 'utf8')).cells).toEqual(results.cells);
  }, 60_000);

  it('each cell is gsim calibrate with the same flags, on the dataset gsim data writes', async () => {
    const results = readSweepResults(readFileSync(join(dir, 'out/sweep.json'), 'utf8'));
    const cell = results.cells.find((c) => c.method === 'cmaes' && c.seed === 2)!;
    expect((await gsim(dir, ['data', '--env', 'covid', '--seed', '1', '--train', '5', '--val', '5', '--test', '5', '--out', 'covid.json'])).code).toBe(0);
    const cal = await gsim(dir, ['calibrate', '--sim', 'gt:covid', '--data', 'covid.json', '--method', 'cmaes', '--seed', '2', '--states', '10', '--samples', '20', '--workers', '2', '--json']);
    expect(cal.code, cal.stderr).toBe(0);
    const j = JSON.parse(cal.stdout);
    expect(cell.params).toEqual(j.params);
    expect(cell.testW1).toBe(j.benchmark.w1);
  }, 30_000);

  it('refuses to mix a different grid into the same results, naming both grids', async () => {
    const r = await gsim(dir, ['sweep', '--benchmarks', 'covid', '--methods', 'ga,cmaes', '--seeds', '1..3', ...SIZES, '--out', 'out']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out "out" holds the results of a different grid \(grid [0-9a-f]{16}, this one [0-9a-f]{16}; 4 of 4 cells done\): choose another --out/);
  });

  it('records a cell whose program fails on every candidate as failed, and runs a user dataset from a grid file', async () => {
    writeFileSync(join(dir, 'throws.js'), `const parameters = { beta: { min: 0, max: 2, init: 0.3 } };
function step(state, action, params, rng) { if (params.beta >= 0) throw new Error('always broken'); return state; }`);
    writeFileSync(join(dir, 'grid.json'), JSON.stringify({ datasets: [{ name: 'broken', data: 'covid.json', sim: 'throws.js' }], methods: ['ga'], seeds: [1], states: 10, samples: 20 }));
    const r = await gsim(dir, ['sweep', '--grid', 'grid.json', '--out', 'out-broken', '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    const [cell] = readSweepResults(readFileSync(join(dir, 'out-broken/sweep.json'), 'utf8')).cells;
    expect(cell).toMatchObject({ case: 'broken', status: 'failed', testW1: null, params: {} });
    expect(cell.error).toMatch(/^every candidate failed.*always broken/);
    expect(r.stdout).toContain('| broken | – | failed (1) |');
  }, 20_000);

  it('names the flag or the grid file path of a bad grid', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ benchmarks: ['covid'], methods: ['ga'], seeds: [1], datasets: [{ name: 'x', data: 'd.csv' }] }));
    expect((await gsim(dir, ['sweep', '--grid', 'bad.json'])).stderr).toContain('gsim sweep: --grid file "bad.json": datasets[0].sim: expected a non-empty string, got nothing');
    expect((await gsim(dir, ['sweep', '--benchmarks', 'covid,nope', '--methods', 'ga', '--seeds', '1'])).stderr).toContain('--benchmarks: unknown benchmark "nope"');
    expect((await gsim(dir, ['sweep', '--grid', 'bad.json', '--seeds', '1'])).stderr).toContain('--grid cannot be combined with --seeds');
    expect((await gsim(dir, ['sweep', '--methods', 'ga'])).code).toBe(2);
  });
});
