import { describe, expect, it } from 'vitest';
import { themedLayout } from './themedLayout.ts';

describe('themedLayout', () => {
  it('themes a second subplot’s axes like the first, keeping what the chart set', () => {
    document.documentElement.style.setProperty('--border', '#2a3040');
    const l = themedLayout(document.documentElement, { xaxis2: { domain: [0.5, 1] }, yaxis2: { title: { text: 'W1' } } }) as Record<string, Record<string, unknown>>;
    for (const k of ['xaxis', 'yaxis', 'xaxis2', 'yaxis2']) expect(l[k].gridcolor, k).toBe('#2a3040');
    expect(l.xaxis2.domain).toEqual([0.5, 1]);
    expect(l.yaxis2.title).toEqual({ text: 'W1' });
  });
});
