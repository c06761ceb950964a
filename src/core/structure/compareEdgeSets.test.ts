import { describe, expect, it } from 'vitest';
import { compareEdgeSets, projectOntoNodes, type EdgePair } from './compareEdgeSets.ts';

const e = (s: string): EdgePair[] => s.split(' ').filter(Boolean).map((x) => ({ from: x.split('>')[0], to: x.split('>')[1] }));

describe('compareEdgeSets', () => {
  it('computes precision, recall and F1 from the overlap', () => {
    const s = compareEdgeSets(e('a>b b>c c>c x>c'), e('a>b b>c c>c d>c'));
    expect(s.truePositives).toBe(3);
    expect(s.precision).toBeCloseTo(3 / 4);
    expect(s.recall).toBeCloseTo(3 / 4);
    expect(s.f1).toBeCloseTo(3 / 4);
    expect(s.missing).toEqual(e('d>c'));
    expect(s.extra).toEqual(e('x>c'));
    expect(s.shd).toBe(2);
  });

  it('counts a reversed edge once in the SHD but as both missing and extra', () => {
    const s = compareEdgeSets(e('b>a'), e('a>b'));
    expect(s.shd).toBe(1);
    expect(s.precision).toBe(0);
    expect(s.f1).toBe(0);
  });

  it('treats a one-way edge against a two-way pair as one difference', () => {
    expect(compareEdgeSets(e('a>b'), e('a>b b>a')).shd).toBe(1);
  });

  it('scores identical graphs perfectly and empty candidates as zero', () => {
    expect(compareEdgeSets(e('a>b a>a'), e('a>a a>b'))).toMatchObject({ precision: 1, recall: 1, f1: 1, shd: 0 });
    expect(compareEdgeSets([], e('a>b'))).toMatchObject({ precision: 0, recall: 0, f1: 0, shd: 1 });
    expect(compareEdgeSets([], [])).toMatchObject({ precision: 1, recall: 1, f1: 1, shd: 0 });
  });
});

describe('projectOntoNodes', () => {
  it('keeps influence through hidden nodes as direct edges', () => {
    const out = projectOntoNodes(e('p>h h>x h>h x>x q>h2 h2>h'), new Set(['p', 'x', 'q']));
    expect(out.map((x) => `${x.from}>${x.to}`).sort()).toEqual(['p>x', 'q>x', 'x>x']);
  });
});
