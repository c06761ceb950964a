import { describe, expect, it } from 'vitest';
import { gradientCases } from '../gradientCheckCases.ts';
import { interpretGraph, type Tensor64 } from '../interpretGraph.ts';
import { GraphBuilder } from '../GraphBuilder.ts';
import { gradients } from './gradients.ts';

const H = 1e-5;

function lossAt(c: ReturnType<typeof gradientCases>[number], feeds: Record<string, Tensor64>): number {
  return interpretGraph(c.graph, feeds).get('loss')!.data[0];
}

describe('gradient rules vs central finite differences (float64 interpreter)', () => {
  for (const c of gradientCases()) {
    it(`${c.name}: |analytic − FD| ≤ 1e-6 + 1e-6·|g|`, () => {
      const env = interpretGraph(c.graph, c.feeds);
      for (const name of c.wrt) {
        const analytic = env.get(`grad_${name}`)!;
        const x = c.feeds[name];
        expect(analytic.dims).toEqual(x.dims);
        for (let i = 0; i < x.data.length; i++) {
          const plus = Float64Array.from(x.data); plus[i] += H;
          const minus = Float64Array.from(x.data); minus[i] -= H;
          const fd = (lossAt(c, { ...c.feeds, [name]: { dims: x.dims, data: plus } })
            - lossAt(c, { ...c.feeds, [name]: { dims: x.dims, data: minus } })) / (2 * H);
          expect(Math.abs(analytic.data[i] - fd), `${name}[${i}] analytic ${analytic.data[i]} fd ${fd}`)
            .toBeLessThanOrEqual(1e-6 + 1e-6 * Math.abs(fd));
        }
      }
    });
  }
});

describe('gradients', () => {
  it('sums the contributions of a value used on several paths', () => {
    const b = new GraphBuilder('paths');
    const a = b.input('a', [2]);
    const loss = b.reduceSum(b.add(b.mul(a, 3), b.exp(a)));
    b.output('g', gradients(b, loss, [a])[0]);
    const g = interpretGraph(b.build(), { a: { dims: [2], data: Float64Array.of(0, 1) } }).get('g')!;
    expect([...g.data]).toEqual([3 + 1, 3 + Math.E].map((v) => expect.closeTo(v, 12)));
  });

  it('names the op that has no gradient rule', () => {
    const b = new GraphBuilder('nograd');
    const a = b.input('a', [2]);
    const loss = b.reduceSum(b.pow(a, 2));
    expect(() => gradients(b, loss, [a])).toThrow(/no gradient rule for Pow/);
  });

  it('rejects a non-scalar loss', () => {
    const b = new GraphBuilder('vec');
    const a = b.input('a', [2]);
    expect(() => gradients(b, b.exp(a), [a])).toThrow(/scalar/);
  });
});
