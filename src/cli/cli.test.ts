import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDataset } from '../core/data/validateDataset.ts';

const GSIM = fileURLToPath(new URL('../../bin/gsim.mjs', import.meta.url));

/** Runs the real executable from a scratch directory (gsim must work from any cwd). */
function gsim(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [GSIM, ...args], { cwd, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const BETA_03 = `// COVID SIR with the transmission rate fixed at a wrong 0.3; only gamma is free.
const parameters = { gamma: { min: 0, max: 1, init: 0.1 } };
function step(state, action, params, rng) {
  const { S, I, R } = state;
  const N = S + I + R;
  if (N <= 0) return { S: 0, I: 0, R: 0 };
  const newInf = rng.binomial(S, Math.min(1, Math.max(0, 1 - Math.exp(-0.3 * I / N))));
  const newRec = rng.binomial(I, params.gamma);
  return { S: S - newInf, I: I + newInf - newRec, R: R + newRec };
}`;

describe('gsim CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gsim-cli-'));
    writeFileSync(join(dir, 'beta03.js'), BETA_03);
    writeFileSync(join(dir, 'broken.json'), '{"format": "gsim-dataset", ');
    const r = await gsim(dir, 'data', '--env', 'covid', '--seed', '7', '--out', 'covid.json', '--train', '10', '--val', '5', '--test', '5');
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gsim envs --json prints one JSON object listing the three environments with bounds and true values', async () => {
    const r = await gsim(dir, 'envs', '--json');
    expect(r.code).toBe(0);
    const { environments } = JSON.parse(r.stdout);
    expect(environments.map((e: { id: string }) => e.id)).toEqual(['covid', 'supply-chain', 'hospital']);
    expect(environments[0].parameters[0]).toMatchObject({ name: 'beta', min: 0, max: 2, trueValue: 0.5 });
  });

  it('gsim data writes a dataset that validates, with the requested split sizes', () => {
    const data = validateDataset(JSON.parse(readFileSync(join(dir, 'covid.json'), 'utf8')));
    expect(data.env).toBe('covid');
    expect([data.splits.train.length, data.splits.val.length, data.splits.test.length]).toEqual([10, 5, 5]);
    expect(data.splits.train[0].states.length).toBe(61);
  });

  it('gsim evaluate: the ground truth sits at the noise floor and a program with beta fixed at 0.3 is clearly worse', async () => {
    const args = ['--data', 'covid.json', '--states', '30', '--samples', '50', '--workers', '2', '--json'];
    const [truth, wrong] = await Promise.all([gsim(dir, 'evaluate', '--sim', 'gt:covid', ...args), gsim(dir, 'evaluate', '--sim', 'beta03.js', ...args)]);
    expect(truth.code, truth.stderr).toBe(0);
    expect(wrong.code, wrong.stderr).toBe(0);
    const t = JSON.parse(truth.stdout);
    const w = JSON.parse(wrong.stdout);
    expect(t.params).toEqual({ beta: 0.5, gamma: 0.1 });
    expect(t.defaulted.map((d: { from: string }) => d.from)).toEqual(['truth', 'truth']);
    expect(t.benchmark.statesUsed).toBe(30);
    expect(t.benchmark.statesTotal).toBe(300);
    // Truth against truth: only sampling noise of 50 vs 50 draws (a few people), far below the wrong model.
    expect(t.benchmark.w1).toBeLessThan(5);
    expect(w.benchmark.w1).toBeGreaterThan(2 * t.benchmark.w1);
    expect(w.metrics.energyScore).toBeGreaterThan(t.metrics.energyScore);
    expect(w.defaulted).toEqual([{ name: 'gamma', value: 0.1, from: 'init' }]);
  });

  it.each([
    ['a missing --sim file', ['evaluate', '--sim', 'nope.js', '--data', 'covid.json'], /cannot read --sim file "nope\.js": no such file/],
    ['a missing --data file', ['evaluate', '--sim', 'gt:covid', '--data', 'missing.json'], /cannot read --data file "missing\.json": no such file/],
    ['malformed dataset JSON', ['evaluate', '--sim', 'gt:covid', '--data', 'broken.json'], /--data file "broken\.json" is not valid JSON/],
    ['an unknown environment', ['data', '--env', 'mars', '--seed', '1', '--out', 'x.json'], /unknown environment "mars".*covid, supply-chain, hospital/],
    ['an unknown ground truth', ['evaluate', '--sim', 'gt:mars', '--data', 'covid.json'], /unknown environment "mars" in --sim gt:mars/],
    ['malformed --params', ['evaluate', '--sim', 'gt:covid', '--data', 'covid.json', '--params', '{beta:1}'], /--params is not valid JSON/],
    ['an unknown parameter', ['evaluate', '--sim', 'gt:covid', '--data', 'covid.json', '--params', '{"betta":0.3}'], /unknown parameter "betta" in --params: the simulator's parameters are beta, gamma/],
    ['an unknown flag', ['calibrate', '--sim', 'gt:covid', '--colour'], /Unknown option '--colour'/],
  ])('%s exits non-zero with a message naming the problem', async (_what, args, message) => {
    const r = await gsim(dir, ...(args as string[]));
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('gsim calibrate --method ga with a tiny budget returns sane JSON', async () => {
    const r = await gsim(dir, 'calibrate', '--sim', 'gt:covid', '--data', 'covid.json', '--method', 'ga', '--generations', '2', '--popsize', '12', '--states', '10', '--samples', '20', '--workers', '2', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out.params)).toEqual(['beta', 'gamma']);
    expect(out.params.beta).toBeGreaterThanOrEqual(0);
    expect(out.params.beta).toBeLessThanOrEqual(2);
    expect(out.history.map((h: { iteration: number }) => h.iteration)).toEqual([1, 2]);
    expect(out.bestFitness).toBeGreaterThan(0);
    expect(out.simulations).toBe(12 * 5 * 600 * 2); // (12 + 2·2·12) candidates · 600 train transitions · mc 2
    expect(out.failures).toBe(0);
    expect(out.cancelled).toBe(false);
    expect(out.metrics.val.energyScore).toBeGreaterThan(0);
    expect(out.metrics.test.transitionsTotal).toBe(300);
    expect(out.benchmark.statesUsed).toBe(10);
  });
});
