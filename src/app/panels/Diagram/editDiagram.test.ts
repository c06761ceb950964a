import { describe, expect, it } from 'vitest';
import { BIRTH_DEATH_DIAGRAM, SIR_DIAGRAM } from '../../../core/diagram/exampleDiagrams.ts';
import { addFlow, addStock, elementAtPath, freeName, pathOf, removeElement } from './editDiagram.ts';
import { layoutDiagram } from './layoutDiagram.ts';

describe('editDiagram', () => {
  it('freeName(d, prefix) skips names in use by any kind', () => {
    const [d] = addStock(SIR_DIAGRAM);
    expect(d.stocks.at(-1)!.name).toBe('stock1');
    expect(freeName(d, 'stock')).toBe('stock2');
  });

  it('addFlow draws a binomial flow out of a stock and a Poisson inflow from outside', () => {
    expect(addFlow(SIR_DIAGRAM, 'S', 'R')[0].flows.at(-1)).toEqual({ name: 'flow1', from: 'S', to: 'R', law: 'binomial', rate: '0.1' });
    expect(addFlow(SIR_DIAGRAM, null, 'S')[0].flows.at(-1)).toEqual({ name: 'flow1', from: null, to: 'S', law: 'poisson', rate: '1' });
  });

  it('removing a stock turns its flows ends into "outside" and drops flows left with no stock', () => {
    const d = removeElement(BIRTH_DEATH_DIAGRAM, { kind: 'stock', name: 'X' });
    expect(d.stocks).toEqual([]);
    expect(d.flows).toEqual([]);
    const sir = removeElement(SIR_DIAGRAM, { kind: 'stock', name: 'R' });
    expect(sir.flows[1]).toMatchObject({ name: 'recovery', from: 'I', to: null });
  });

  it('maps issue paths to elements and back', () => {
    expect(elementAtPath(SIR_DIAGRAM, 'flows[1].rate')).toEqual({ kind: 'flow', name: 'recovery' });
    expect(pathOf(SIR_DIAGRAM, { kind: 'parameter', name: 'gamma' })).toBe('parameters[1]');
    expect(elementAtPath(SIR_DIAGRAM, 'format')).toBeNull();
  });
});

describe('layoutDiagram', () => {
  it('places every element, with pipes through the flow valves and information links from what rates read', () => {
    const l = layoutDiagram(SIR_DIAGRAM);
    expect(l.nodes.map((n) => n.id).sort()).toEqual(['auxiliary:N', 'flow:infection', 'flow:recovery', 'parameter:beta', 'parameter:gamma', 'stock:I', 'stock:R', 'stock:S']);
    expect(l.edges.filter((e) => e.kind === 'pipe').map((e) => `${e.source}>${e.target}`)).toEqual([
      'stock:S>flow:infection',
      'flow:infection>stock:I',
      'stock:I>flow:recovery',
      'flow:recovery>stock:R',
    ]);
    expect(l.edges.filter((e) => e.kind === 'info').map((e) => `${e.source}>${e.target}`)).toContain('parameter:beta>flow:infection');
    const x = (id: string) => l.nodes.find((n) => n.id === id)!.x;
    expect(x('stock:S')).toBeLessThan(x('stock:I'));
    expect(x('stock:I')).toBeLessThan(x('stock:R'));
    expect(x('auxiliary:N')).toBeLessThan(x('flow:infection'));
  });

  it('draws clouds for flows from or to outside, and keeps positions the user dragged', () => {
    const moved = { ...BIRTH_DEATH_DIAGRAM, stocks: [{ ...BIRTH_DEATH_DIAGRAM.stocks[0], position: { x: 500, y: 40 } }] };
    const l = layoutDiagram(moved);
    expect(l.nodes.filter((n) => n.kind === 'cloud').map((n) => n.id)).toEqual(['cloud:births:from', 'cloud:deaths:to']);
    expect(l.nodes.find((n) => n.id === 'stock:X')).toMatchObject({ x: 500, y: 40 });
  });
});
