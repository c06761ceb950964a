/**
 * Derives a 32-bit seed from a base seed and a path of integers (generation, chunk, state index…),
 * so that parallel pieces of work get independent, reproducible streams whatever the pool size.
 *
 * @example
 * createRng(deriveSeed(runSeed, generation)); // common random numbers for one GA generation
 */
export function deriveSeed(seed: number, ...path: number[]): number {
  let h = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  for (const p of path) {
    h = Math.imul(h ^ ((p | 0) + 0x7f4a7c15 + (h << 6) + (h >>> 2)), 0xc2b2ae35) >>> 0;
    h ^= h >>> 15;
  }
  return h >>> 0;
}
