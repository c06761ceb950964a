import type { Rng } from '../../rng/Rng.ts';

/**
 * Tournament selection (EvoTorch `CrossOver` tournaments): draws `size` contestants uniformly at
 * random, with replacement, and returns the index of the one with the lowest fitness. Ties (notably
 * several +Infinity failures) go to the first contestant drawn, which is itself a random choice.
 *
 * @param fitness scores of the population, lower is better.
 * @param size contestants per tournament (the paper uses 4).
 * @param rng the search's random stream (advanced `size` times).
 * @example
 * const parent = tournamentSelection(fitness, 4, rng);
 */
export function tournamentSelection(fitness: ArrayLike<number>, size: number, rng: Rng): number {
  const n = fitness.length;
  if (n === 0) throw new RangeError('Error in tournamentSelection: the population is empty');
  let best = rng.integers(0, n);
  for (let k = 1; k < size; k++) {
    const c = rng.integers(0, n);
    if (fitness[c] < fitness[best]) best = c;
  }
  return best;
}
