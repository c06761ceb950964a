import { binomialSample } from './binomialSample.ts';
import { poissonSample } from './poissonSample.ts';
import type { Rng } from './Rng.ts';

const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;

/** splitmix32: spreads a small integer seed over the 128-bit xoshiro state. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function fail(sampler: string, what: string, value: unknown): never {
  throw new RangeError(`rng.${sampler}: ${what}, got ${String(value)}`);
}

/** Infinity is rejected too: Marsaglia–Tsang and the other loops would never terminate on it. */
function isFinitePositive(x: number): boolean {
  return x > 0 && x < Infinity;
}

/**
 * A seeded xoshiro128** generator with NumPy-style samplers (see {@link Rng}).
 * The same seed gives the same stream in every JavaScript engine; distinct safe-integer seeds give
 * distinct streams.
 *
 * @param seed - any finite number (floored; seeds beyond 32 bits are folded in, not truncated)
 * @example
 * const rng = createRng(42);
 * rng.binomial(1000, 0.1); // ~100
 */
export function createRng(seed: number): Rng {
  const [a, b, c, d] = seedState(seed);
  return fromState(a, b, c, d);
}

/** The 128-bit xoshiro state for a seed (shared by createRng and Rng.reseed). */
function seedState(seed: number): [number, number, number, number] {
  if (!Number.isFinite(seed)) fail('createRng', 'seed must be finite', seed);
  const s = Math.floor(seed);
  const init = splitmix32(s >>> 0);
  const a = init();
  const b = init();
  let c = init();
  let d = init();
  const hi = Math.floor(s / TWO_32) % TWO_32 | 0;
  if (hi !== 0) {
    // Only seeds outside [0, 2^32) reach here, so 32-bit seeds keep their historical streams.
    const mixHi = splitmix32(hi ^ 0x6a09e667);
    c ^= mixHi();
    d ^= mixHi();
  }
  return [a, b, c, d];
}

function fromState(a: number, b: number, c: number, d: number): Rng {
  if ((a | b | c | d) === 0) a = 1; // the all-zero state is xoshiro's only fixed point

  function next32(): number {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t;
    d = rotl(d, 11);
    return result;
  }
  function rotl(x: number, k: number): number {
    return (x << k) | (x >>> (32 - k));
  }
  function random(): number {
    return ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / TWO_53;
  }

  let spareNormal = NaN;
  /** Marsaglia's polar method; the second variate of each pair is kept for the next call. */
  function stdNormal(): number {
    if (!Number.isNaN(spareNormal)) {
      const z = spareNormal;
      spareNormal = NaN;
      return z;
    }
    let u: number, v: number, r: number;
    do {
      u = 2 * random() - 1;
      v = 2 * random() - 1;
      r = u * u + v * v;
    } while (r >= 1 || r === 0);
    const f = Math.sqrt((-2 * Math.log(r)) / r);
    spareNormal = v * f;
    return u * f;
  }

  /** Gamma(shape, 1) for shape ≥ 1: Marsaglia & Tsang (2000), exact rejection. */
  function gammaAtLeastOne(shape: number): number {
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      let x: number, v: number;
      do {
        x = stdNormal();
        v = 1 + cc * x;
      } while (v <= 0);
      v = v * v * v;
      const u = random();
      if (u < 1 - 0.0331 * x * x * x * x) return dd * v;
      if (Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v;
    }
  }

  /**
   * log of a Gamma(shape, 1) variate. For shape < 1 it uses G(shape) = G(shape + 1)·U^(1/shape) in log
   * space, because U^(1/shape) underflows to 0 for small shapes (which would make beta return 0/0).
   */
  function logGammaVariate(shape: number): number {
    if (shape >= 1) return Math.log(gammaAtLeastOne(shape));
    return Math.log(gammaAtLeastOne(shape + 1)) + Math.log(1 - random()) / shape;
  }

  function gamma(shape: number, scale = 1): number {
    if (!isFinitePositive(shape)) fail('gamma', 'shape must be finite and > 0', shape);
    if (!(scale >= 0 && scale < Infinity)) fail('gamma', 'scale must be finite and >= 0', scale);
    if (shape >= 1) return gammaAtLeastOne(shape) * scale;
    return gammaAtLeastOne(shape + 1) * Math.pow(1 - random(), 1 / shape) * scale;
  }

  function poisson(lam: number): number {
    if (!(lam >= 0 && lam < Infinity)) fail('poisson', 'mean must be finite and >= 0', lam);
    return poissonSample(random, lam);
  }

  const rng: Rng = {
    random,
    uniform(low = 0, high = 1) {
      if (!Number.isFinite(low) || !Number.isFinite(high)) fail('uniform', 'low and high must be finite', `${low}, ${high}`);
      return low + (high - low) * random();
    },
    integers(low, high) {
      if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high) || !(high > low) || high - low > TWO_53) {
        fail('integers', 'need safe integers low < high with high - low <= 2^53', `${low}, ${high}`);
      }
      const range = high - low;
      // Rejection from the largest multiple of `range` keeps every integer exactly equally likely.
      if (range <= TWO_32) {
        const limit = TWO_32 - (TWO_32 % range);
        let x: number;
        do x = next32(); while (x >= limit);
        return low + (x % range);
      }
      const limit = TWO_53 - (TWO_53 % range);
      let x: number;
      do x = random() * TWO_53; while (x >= limit);
      return low + (x % range);
    },
    normal(loc = 0, scale = 1) {
      if (!Number.isFinite(loc)) fail('normal', 'loc must be finite', loc);
      if (!(scale >= 0 && scale < Infinity)) fail('normal', 'scale must be finite and >= 0', scale);
      return loc + scale * stdNormal();
    },
    exponential(scale = 1) {
      if (!(scale >= 0 && scale < Infinity)) fail('exponential', 'scale must be finite and >= 0', scale);
      return -Math.log(1 - random()) * scale;
    },
    gamma,
    beta(aa, bb) {
      if (!isFinitePositive(aa)) fail('beta', 'a must be finite and > 0', aa);
      if (!isFinitePositive(bb)) fail('beta', 'b must be finite and > 0', bb);
      if (aa >= 1 && bb >= 1) {
        const x = gammaAtLeastOne(aa);
        return x / (x + gammaAtLeastOne(bb));
      }
      // X/(X+Y) = 1/(1 + exp(log Y - log X)) never forms 0/0 when a gamma variate underflows.
      return 1 / (1 + Math.exp(logGammaVariate(bb) - logGammaVariate(aa)));
    },
    bernoulli(p) {
      if (!(p >= 0 && p <= 1)) fail('bernoulli', 'p must be in [0, 1]', p);
      return random() < p ? 1 : 0;
    },
    binomial(n, p) {
      if (!Number.isSafeInteger(n) || n < 0) fail('binomial', 'n must be a safe integer >= 0', n);
      if (!(p >= 0 && p <= 1)) fail('binomial', 'p must be in [0, 1]', p);
      return binomialSample(random, n, p);
    },
    poisson,
    negativeBinomial(n, p) {
      if (!isFinitePositive(n)) fail('negativeBinomial', 'n must be finite and > 0', n);
      if (!(p > 0 && p <= 1)) fail('negativeBinomial', 'p must be in (0, 1]', p);
      if (p === 1) return 0;
      // Gamma–Poisson mixture, as NumPy does; exact because both stages are.
      return poisson(gamma(n, (1 - p) / p));
    },
    categorical(weights) {
      let total = 0;
      let last = -1;
      for (let k = 0; k < weights.length; k++) {
        const w = weights[k];
        if (!(w >= 0 && w < Infinity)) fail('categorical', `weights[${k}] must be finite and >= 0`, w);
        total += w;
        if (w > 0) last = k;
      }
      if (!(total > 0 && total < Infinity)) fail('categorical', 'weights must have a finite positive sum', total);
      let u = random() * total;
      for (let k = 0; k < last; k++) {
        u -= weights[k];
        if (u < 0) return k;
      }
      // Rounding can leave u ≥ 0 after the last positive weight; it must not land on a zero weight.
      return last;
    },
    reseed(seed: number) {
      [a, b, c, d] = seedState(seed);
      if ((a | b | c | d) === 0) a = 1;
      spareNormal = NaN;
    },
    split() {
      // Four fresh parent outputs, each re-hashed, seed the child's full 128-bit state, so children are
      // neither shifted copies of the parent nor limited to 2^32 possible streams.
      const m = splitmix32(next32());
      return fromState(next32() ^ m(), next32() ^ m(), next32() ^ m(), next32() ^ m());
    },
  };
  return rng;
}
