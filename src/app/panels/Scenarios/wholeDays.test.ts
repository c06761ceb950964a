import { describe, expect, it } from 'vitest';
import { wholeDays } from './wholeDays.ts';

describe('wholeDays', () => {
  it('rounds the median and widens the bounds to whole days', () => {
    expect(wholeDays({ median: 16.5, q05: 14.95, q95: 25.05 })).toEqual({ median: 17, q05: 14, q95: 26 });
  });

  it('leaves whole days as they are', () => {
    expect(wholeDays({ median: 11, q05: 9, q95: 15 })).toEqual({ median: 11, q05: 9, q95: 15 });
  });
});
