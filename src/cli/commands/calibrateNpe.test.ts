import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const GSIM = fileURLToPath(new URL('../../../bin/gsim.mjs', import.meta.url));

function gsim(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [GSIM, ...args], { cwd, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('gsim calibrate --method npe', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gsim-npe-'));
    const r = await gsim(dir, 'data', '--env', 'covid', '--seed', '5', '--out', 'covid.json', '--train', '20', '--val', '5', '--test', '5');
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the posterior, acceptance, SBC, phase times and the point estimate\'s metrics as one JSON object', async () => {
    const r = await gsim(dir, 'calibrate', '--sim', 'gt:covid', '--data', 'covid.json', '--method', 'npe', '--sims', '200', '--sbc', '20',
      '--posterior-samples', '1000', '--states', '20', '--samples', '20', '--workers', '2', '--export-onnx', 'post.onnx', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.method).toBe('npe');
    expect(out.posterior.names).toEqual(['beta', 'gamma']);
    // Defaults (issue #14): two rounds, the point estimate picked among posterior candidates by the energy score.
    expect(out.rounds).toBe(2);
    expect(out.truncatedBox.map((b: { name: string }) => b.name)).toEqual(['beta', 'gamma']);
    expect(out.pointEstimate).toMatchObject({ kind: 'fitness-pick', candidates: 102 });
    expect(Math.abs(out.params.beta - 0.5)).toBeLessThan(0.1);
    // near the truth (0.5, 0.1) at this small budget (coverage itself is checked in tests/npe and the accuracy runs)
    expect(Math.abs(out.posterior.mean[0] - 0.5)).toBeLessThan(0.1);
    expect(Math.abs(out.posterior.mean[1] - 0.1)).toBeLessThan(0.03);
    expect(out.posterior.q05[0]).toBeLessThan(out.posterior.q95[0]);
    expect(out.acceptance.rate).toBeGreaterThan(0);
    expect(out.acceptance.rate).toBeLessThanOrEqual(1);
    expect(['pass', 'warn']).toContain(out.sbc.verdict);
    expect(out.sbc.simulations).toBe(20);
    expect(Object.keys(out.phaseSeconds)).toEqual(['simulate', 'train', 'sample', 'sbc']);
    expect(out.trainingSet).toEqual({ requested: 400, used: 400, failures: 0 });
    expect(out.training.provider).toBe('wasm');
    // history: both rounds' epochs, numbered on (one curve); training.epochs: the final round's estimator.
    expect(out.history.length).toBeGreaterThan(out.training.epochs.length);
    expect(out.history.map((h: { iteration: number }) => h.iteration)).toEqual(out.history.map((_: unknown, i: number) => i + 1));
    expect(out.metrics.test.transitions).toBeGreaterThan(0);
    expect(out.benchmark.w1).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'post.onnx'))).toBe(true);
    expect(readFileSync(join(dir, 'post.onnx.txt'), 'utf8')).toMatch(/theta/);
  });

  it('--preset paper is the paper\'s sbi path: one round on the first trajectory flattened, the posterior mean', async () => {
    const r = await gsim(dir, 'calibrate', '--sim', 'gt:covid', '--data', 'covid.json', '--method', 'npe', '--preset', 'paper', '--sims', '100', '--sbc', '0',
      '--posterior-samples', '500', '--states', '10', '--samples', '10', '--workers', '2', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ rounds: 1, observation: 'trajectory', pointEstimate: { kind: 'posterior-mean' }, trainingSet: { requested: 100 } });
    expect(out.params.beta).toBeCloseTo(out.posterior.mean[0], 10);
  });

  it('rejects an unknown estimator as bad usage (exit 2) before doing any work', async () => {
    const r = await gsim(dir, 'calibrate', '--sim', 'gt:covid', '--data', 'covid.json', '--method', 'npe', '--estimator', 'nsf', '--workers', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--estimator/);
  });
});
