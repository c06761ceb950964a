import { describe, expect, it } from 'vitest';
import { covid } from '../../../core/envs/covid.ts';
import { analyzeStructure } from '../../../core/structure/analyzeStructure.ts';
import { scoreAgainstBenchmark } from '../../../core/structure/scoreStructure.ts';
import { layoutStructureGraph } from './layoutStructureGraph.ts';

function graphOf(source: string) {
  const r = analyzeStructure(source);
  if (!r.ok) throw new Error(r.error.message);
  return r.graph;
}

describe('layoutStructureGraph', () => {
  it('puts parameters left of state variables and keeps every node inside the canvas', () => {
    const g = graphOf(covid.starterSource);
    const l = layoutStructureGraph(g, null);
    const x = (id: string) => l.nodes.find((n) => n.id === id)!.x;
    expect(x('param:beta')).toBeLessThan(x('state:S'));
    for (const n of l.nodes) {
      expect(n.x - n.width / 2).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width / 2).toBeLessThanOrEqual(l.width);
      expect(n.y + n.height / 2).toBeLessThanOrEqual(l.height);
    }
    expect(l.edges.every((e) => e.status === 'influence')).toBe(true);
  });

  it('tags edges against the truth and draws the truth-only ones, with ghost nodes for unknown truth nodes', () => {
    // gamma renamed to a parameter the truth does not know, and recoveries made constant.
    const src = covid.starterSource.replace('const pRec = 1 - Math.exp(-params.gamma);', 'const pRec = params.delta;').replace('gamma: {', 'delta: {');
    const g = graphOf(src);
    const l = layoutStructureGraph(g, scoreAgainstBenchmark(g, 'covid'));
    const status = (id: string) => l.edges.find((e) => e.id.endsWith(id))?.status;
    expect(status('param:beta->state:S')).toBe('match');
    expect(status('param:delta->state:R')).toBe('extra');
    expect(status('ghost:param:gamma->state:R')).toBe('missing');
    expect(l.nodes.find((n) => n.id === 'ghost:param:gamma')?.ghost).toBe(true);
  });
});
