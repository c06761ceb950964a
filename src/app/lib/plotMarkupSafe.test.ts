import { describe, expect, it } from 'vitest';
import { plotMarkupSafe, plotMarkupSafeText } from './plotMarkupSafe.ts';

describe('plotMarkupSafe', () => {
  it('makes a link or a styled span in a name plain text, keeping the charts\' own tags', () => {
    expect(plotMarkupSafeText('<a href="http://evil.example/">gamma</a>')).toBe('&lt;a href="http://evil.example/">gamma&lt;/a>');
    expect(plotMarkupSafeText('<span style="font-size:99px">x</span>')).toBe('&lt;span style="font-size:99px">x&lt;/span>');
    expect(plotMarkupSafeText('R&D')).toBe('R&amp;D');
    expect(plotMarkupSafeText('beta %{x}<br>cost %{z:.4g}<extra></extra>')).toBe('beta %{x}<br>cost %{z:.4g}<extra></extra>');
    expect(plotMarkupSafeText('log₁₀ MSE')).toBe('log₁₀ MSE');
  });

  it('escapes every string of a figure and leaves numbers, typed arrays and unchanged parts as they are', () => {
    const y = new Float64Array([1, 2]);
    const trace = { type: 'scatter', name: '<a href="x">I</a>', x: ['<b>ok</b>', '<a>'], y, line: { color: '#fff' } };
    const safe = plotMarkupSafe([trace]);
    expect(safe[0]).toEqual({ ...trace, name: '&lt;a href="x">I&lt;/a>', x: ['<b>ok</b>', '&lt;a>'] });
    expect(safe[0].y).toBe(y);
    expect(safe[0].line).toBe(trace.line);
    const plain = [{ type: 'bar', name: 'S', x: [1, 2] }];
    expect(plotMarkupSafe(plain)).toBe(plain);
  });
});
