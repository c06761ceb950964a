import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.ts';

/** Runs gsim in-process; whatif and policy start their own worker pool (2 threads here). */
async function gsim(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    signal: new AbortController().signal,
  });
  return { code, stdout, stderr };
}

const BETA_03 = `const parameters = { beta: { min: 0, max: 2, init: 0.3 }, gamma: { min: 0, max: 1, init: 0.1 } };
function step(state, action, params, rng) {
  const { S, I, R } = state;
  const N = S + I + R;
  if (N <= 0) return { S: 0, I: 0, R: 0 };
  const newInf = rng.binomial(S, Math.min(1, Math.max(0, 1 - Math.exp(-params.beta * I / N))));
  const newRec = rng.binomial(I, params.gamma);
  return { S: S - newInf, I: I + newInf - newRec, R: R + newRec };
}`;

describe('gsim whatif / policy', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gsim-whatif-'));
    writeFileSync(join(dir, 'sir.js'), BETA_03);
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify({ name: 'half', interventions: [{ type: 'param', target: 'beta', factor: 0.5, tStart: 0, tEnd: 9 }] }));
    writeFileSync(join(dir, 'grid.json'), JSON.stringify({
      name: 'tiny', x: { name: 'alpha', values: [0.1, 1] }, y: { name: 'start', values: [0, 10] },
      scenario: { name: 'l', interventions: [{ type: 'param', target: 'beta', factor: 'alpha', tStart: 'start', tEnd: 'start + 9' }] },
      define: { peak: 'max(I)' }, cost: 'peak + 100 * (1 - alpha)',
    }));
    writeFileSync(join(dir, 'loop.js'), `const parameters = { beta: { min: 0, max: 2, init: 0.3 }, gamma: { min: 0, max: 1, init: 0.1 } };
function step(state) { for (;;) {} }`);
    writeFileSync(join(dir, 'badcost.json'), JSON.stringify({
      name: 'bad', x: { name: 'alpha', values: [1] }, y: { name: 'start', values: [0] },
      scenario: { name: 'l', interventions: [] }, cost: 'peek + 1',
    }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('whatif --json: model vs truth curves, outcomes and W1 for every COVID lockdown panel', async () => {
    const r = await gsim(dir, 'whatif', '--sim', 'sir.js', '--env', 'covid', '--scenario', 'covid-lockdown', '--rollouts', '8', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.scenarios).toHaveLength(10);
    const first = out.scenarios[0];
    expect(first.model.mean.I).toHaveLength(61);
    expect(first.truth.outcomes.I.peak.mean).toBeGreaterThan(first.model.outcomes.I.peak.mean);
    expect(first.comparison.perVariable.I.peakW1).toBeGreaterThan(0);
    expect(out.meanW1).toBeGreaterThan(0);
  });

  it('whatif with the ground truth as the model and a scenario file has no comparison', async () => {
    const r = await gsim(dir, 'whatif', '--sim', 'gt:covid', '--scenario', 'scenario.json', '--rollouts', '4', '--horizon', '20', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.scenarios.map((s: { name: string }) => s.name)).toEqual(['half']);
    expect(out.scenarios[0].truth).toBeNull();
    expect(out.scenarios[0].model.mean.S).toHaveLength(21);
  });

  it('whatif names an unknown scenario and a parameter the model lacks', async () => {
    const a = await gsim(dir, 'whatif', '--sim', 'gt:covid', '--scenario', 'nope');
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/unknown scenario "nope": expected a .json file or one of covid-lockdown/);
    const b = await gsim(dir, 'whatif', '--sim', 'sir.js', '--env', 'covid', '--scenario', 'lead-time-4', '--rollouts', '2');
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/the simulator has no parameter "lead_time" to intervene on \(its parameters: beta, gamma\)/);
  });

  it('policy --json: cost matrices, optima and the regret of the model optimum in the truth', async () => {
    const r = await gsim(dir, 'policy', '--sim', 'sir.js', '--env', 'covid', '--grid', 'grid.json', '--rollouts', '4', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.model.mean).toHaveLength(2);
    expect(out.model.mean[0]).toHaveLength(2);
    expect(out.truth.optimum).toMatchObject({ x: expect.any(Number), y: expect.any(Number) });
    expect(out.regret.regret).toBeGreaterThanOrEqual(0);
    expect(out.truth.mean[out.model.optimum.i][out.model.optimum.j]).toBeCloseTo(out.regret.modelChoiceTrueCost, 9);
  });

  it('policy on a benchmark preset (supply-chain capacity × lead time) finds ΔC = 0 at lead time 3 in the truth', async () => {
    const r = await gsim(dir, 'policy', '--sim', 'gt:supply-chain', '--grid', 'supply-chain-capacity', '--rollouts', '10', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.model.optimum).toMatchObject({ x: 0, y: 3 });
    expect(out.truth).toBeNull();
  });

  it('policy reports a cost expression error clearly', async () => {
    const r = await gsim(dir, 'policy', '--sim', 'gt:covid', '--grid', 'badcost.json', '--rollouts', '2');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cost expression "peek \+ 1" threw ReferenceError: peek is not defined \(names available: .*I, R, S/);
  });

  it('a looping program ends at --timeout with a clear error instead of hanging (whatif and policy)', async () => {
    const t0 = Date.now();
    const w = await gsim(dir, 'whatif', '--sim', 'loop.js', '--env', 'covid', '--scenario', 'early-strict', '--rollouts', '2', '--workers', '2', '--timeout', '1');
    expect(w.code).toBe(1);
    expect(w.stderr).toMatch(/gsim whatif: .*did not finish within the time limit of 1 s/);
    const p = await gsim(dir, 'policy', '--sim', 'loop.js', '--env', 'covid', '--grid', 'grid.json', '--rollouts', '2', '--workers', '2', '--timeout', '1');
    expect(p.code).toBe(1);
    expect(p.stderr).toMatch(/gsim policy: .*did not finish within the time limit of 1 s/);
    expect(Date.now() - t0).toBeLessThan(45_000);
  });
});
