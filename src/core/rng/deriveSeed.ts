const TWO_32 = 4294967296;

/** One mixing round: a hash-combine step followed by a multiply and xorshift, each a bijection in `x`. */
function mix(h: number, x: number): number {
  h = Math.imul(h ^ ((x | 0) + 0x7f4a7c15 + (h << 6) + (h >>> 2)), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

/** The bits above 2^32 of a safe integer, as a 32-bit value (0 for every seed in [0, 2^32)). */
function high32(x: number): number {
  return Math.floor(x / TWO_32) | 0;
}

/**
 * Derives a 32-bit seed from a base seed and a path of integers (generation, chunk, state index…),
 * so that parallel pieces of work get independent, reproducible streams whatever the pool size.
 *
 * For a fixed prefix the result is a bijection of the last path element (distinct generations never
 * share a seed). Seeds and path elements outside [0, 2^32) have their high bits folded in, so
 * distinct safe integers give distinct inputs to the mixing; values in [0, 2^32) hash as they always did.
 *
 * @param seed - the base seed, a safe integer
 * @param path - safe integers naming the piece of work
 * @throws RangeError when the seed or a path element is not a safe integer
 * @example
 * createRng(deriveSeed(runSeed, generation)); // common random numbers for one GA generation
 */
export function deriveSeed(seed: number, ...path: number[]): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`deriveSeed: seed must be a safe integer, got ${String(seed)}`);
  let h = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  const hi = high32(seed);
  if (hi !== 0) h = mix(h ^ 0x243f6a88, hi);
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    if (!Number.isSafeInteger(p)) throw new RangeError(`deriveSeed: path[${i}] must be a safe integer, got ${String(p)}`);
    const pHi = high32(p);
    if (pHi !== 0) h = mix(h ^ 0x243f6a88, pHi);
    h = mix(h, p);
  }
  return h;
}
