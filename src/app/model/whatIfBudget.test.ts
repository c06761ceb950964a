import { describe, expect, it } from 'vitest';
import { MAX_WHATIF_VALUES, whatIfBudget } from './whatIfBudget.ts';

describe('whatIfBudget', () => {
  it('sums over scenarios and over the model and truth sides', () => {
    const b = whatIfBudget(3, 100, 60, 3, true);
    expect(b.steps).toBe(3 * 2 * 100 * 60);
    expect(b.values).toBe(3 * 2 * 100 * 61 * 3);
    expect(b.over).toBe(false);
  });

  it('is over the limit when the scenarios together exceed it, though each alone fits', () => {
    // One scenario: 5000 × 1001 × 5 = 2.5·10⁷ numbers per side, under the limit without a truth.
    expect(whatIfBudget(1, 5000, 1000, 5, false).over).toBe(false);
    const two = whatIfBudget(2, 5000, 1000, 5, false);
    expect(two.values).toBeGreaterThan(MAX_WHATIF_VALUES);
    expect(two.over).toBe(true);
  });
});
