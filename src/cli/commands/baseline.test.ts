import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

describe('gsim baseline', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gsim-baseline-'));
    const r = await gsim(dir, 'data', '--env', 'covid', '--seed', '5', '--out', 'covid.json', '--train', '20', '--val', '10', '--test', '5');
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const score = ['--states', '40', '--samples', '50', '--workers', '2', '--json'];

  it('gsim baseline --method sindy --json: test W1 above the noise floor, and the written program scores the same under gsim evaluate', async () => {
    const r = await gsim(dir, 'baseline', '--method', 'sindy', '--data', 'covid.json', '--out', 'sindy.js', ...score);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ method: 'sindy', env: 'covid', trainTrajectories: 20, trainTransitions: 1200, out: 'sindy.js' });
    expect(out.summary).toHaveLength(3);
    expect(out.benchmark.statesUsed).toBe(40);
    expect(out.noiseFloor).toBeGreaterThan(0);
    expect(out.benchmark.w1).toBeGreaterThan(out.noiseFloor);
    expect(Object.keys(out.metrics.perVariableMse)).toEqual(['S', 'I', 'R']);
    const again = await gsim(dir, 'evaluate', '--sim', 'sindy.js', '--data', 'covid.json', ...score);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).benchmark.w1).toBe(out.benchmark.w1);
  });

  it('gsim baseline --method mlp trains on a subset with ONNX Runtime and reports its epochs', async () => {
    const r = await gsim(dir, 'baseline', '--method', 'mlp', '--data', 'covid.json', '--trajectories', '5', '--epochs', '3', ...score);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ method: 'mlp', trainTrajectories: 5, trainTransitions: 300, epochs: 3 });
    expect(out.summary[0]).toMatch(/trained on wasm/);
    expect(Number.isFinite(out.benchmark.w1)).toBe(true);
  });

  it('gsim baseline rejects an unknown method with a usage error naming the choices', async () => {
    const r = await gsim(dir, 'baseline', '--method', 'gp', '--data', 'covid.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--method.*sindy.*mlp/);
  });
});
