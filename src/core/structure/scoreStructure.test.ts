import { describe, expect, it } from 'vitest';
import { covid } from '../envs/covid.ts';
import { listEnvironments } from '../envs/environments.ts';
import { supplyChain } from '../envs/supplyChain.ts';
import { analyzeStructure } from './analyzeStructure.ts';
import { benchmarkTruthEdges, scoreAgainstBenchmark } from './scoreStructure.ts';

function graphOf(source: string) {
  const r = analyzeStructure(source);
  if (!r.ok) throw new Error(r.error.message);
  return r.graph;
}

describe('scoreAgainstBenchmark', () => {
  it.each(listEnvironments().map((e) => [e.id, e] as const))('scores the %s ground truth perfectly against itself', (_, env) => {
    const s = scoreAgainstBenchmark(graphOf(env.groundTruthSource), env.id);
    expect(s).toMatchObject({ precision: 1, recall: 1, f1: 1, shd: 0 });
    expect(s.truthEdges).toBeGreaterThan(0);
  });

  it('derives truth edges only between observed variables and scored parameters', () => {
    const ids = new Set(benchmarkTruthEdges('supply-chain').flatMap((e) => [e.from, e.to]));
    // The shipment list is aliased to pipeline_total; the fixed warehouse capacity and the clock are projected away.
    expect([...ids].sort()).toEqual(['param:demand_rate', 'param:lead_time', 'state:backlog', 'state:inventory', 'state:pipeline_total']);
  });

  it('matches renamed parameters through the alias table', () => {
    const renamed = covid.starterSource.replaceAll('beta', 'transmission_rate').replaceAll('gamma', 'recoveryRate');
    const s = scoreAgainstBenchmark(graphOf(renamed), 'covid');
    expect(s.matched['param:transmission_rate']).toBe('param:beta');
    expect(s.matched['param:recoveryRate']).toBe('param:gamma');
    expect(s.f1).toBe(1);
  });

  it('finds the supply-chain starter’s extra edges: its geometric delay lets lead_time act on stock at once', () => {
    const s = scoreAgainstBenchmark(graphOf(supplyChain.starterSource), 'supply-chain');
    expect(s.recall).toBe(1);
    expect(s.extra.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['param:lead_time>state:backlog', 'param:lead_time>state:inventory']);
    expect(s.precision).toBeCloseTo(s.truePositives / (s.truePositives + 2));
    expect(s.shd).toBe(2);
  });

  it('counts a missing influence and an unknown parameter', () => {
    // Recoveries no longer depend on gamma but on a parameter the truth does not have.
    const changed = covid.starterSource.replace('const pRec = 1 - Math.exp(-params.gamma);', 'const pRec = params.delta;').replace("gamma: {", "delta: {");
    const s = scoreAgainstBenchmark(graphOf(changed), 'covid');
    expect(s.missing.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['param:gamma>state:I', 'param:gamma>state:R']);
    expect(s.extra.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['param:delta>state:I', 'param:delta>state:R']);
    expect(s.recall).toBeLessThan(1);
  });
});
