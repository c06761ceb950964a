import type { Rng } from './Rng.ts';

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

/**
 * A seeded xoshiro128** generator with NumPy-style samplers (see {@link Rng}).
 * The same seed gives the same stream in every JavaScript engine.
 *
 * @example
 * const rng = createRng(42);
 * rng.binomial(1000, 0.1); // ~100
 */
export function createRng(seed: number): Rng {
  const init = splitmix32(Number.isFinite(seed) ? Math.floor(seed) : fail('createRng', 'seed must be finite', seed));
  let a = init(), b = init(), c = init(), d = init();
  if ((a | b | c | d) === 0) a = 1;

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
    return ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
  }

  let spareNormal = NaN;
  function stdNormal(): number {
    if (!Number.isNaN(spareNormal)) {
      const s = spareNormal;
      spareNormal = NaN;
      return s;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * random() - 1;
      v = 2 * random() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spareNormal = v * f;
    return u * f;
  }

  function gamma(shape: number, scale = 1): number {
    if (!(shape > 0)) fail('gamma', 'shape must be > 0', shape);
    if (!(scale >= 0)) fail('gamma', 'scale must be >= 0', scale);
    if (shape < 1) return gamma(shape + 1, scale) * Math.pow(random() || Number.MIN_VALUE, 1 / shape);
    // Marsaglia & Tsang (2000).
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
      if (u < 1 - 0.0331 * x * x * x * x) return dd * v * scale;
      if (Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v * scale;
    }
  }

  function poisson(lam: number): number {
    if (!(lam >= 0) || !Number.isFinite(lam)) fail('poisson', 'mean must be a finite number >= 0', lam);
    if (lam === 0) return 0;
    if (lam < 30) {
      // Multiplication method: exact, O(lam).
      const L = Math.exp(-lam);
      let k = 0;
      let p = random();
      while (p > L) {
        k++;
        p *= random();
      }
      return k;
    }
    // Large means: split into a gamma-distributed arrival time (exact, O(log lam) recursion).
    const m = Math.floor(lam * 0.875);
    const x = gamma(m);
    if (x > lam) return binomial(m - 1, lam / x);
    return m + poisson(lam - x);
  }

  function binomial(n: number, p: number): number {
    if (!(n >= 0) || !Number.isInteger(n)) fail('binomial', 'n must be a non-negative integer', n);
    if (!(p >= 0 && p <= 1)) fail('binomial', 'p must be in [0, 1]', p);
    if (n === 0 || p === 0) return 0;
    if (p === 1) return n;
    if (n * Math.min(p, 1 - p) < 30) {
      // Waiting-time (geometric skips): exact, O(n p).
      const q = p <= 0.5 ? p : 1 - p;
      const lq = Math.log1p(-q);
      let x = 0;
      let sum = 0;
      for (;;) {
        sum += Math.ceil(Math.log(1 - random()) / lq);
        if (sum > n) break;
        x++;
      }
      return p <= 0.5 ? x : n - x;
    }
    // Large n: the i-th order statistic of n uniforms is Beta(i, n+1-i) — exact recursive splitting.
    const i = (n + 1) >> 1;
    const y = beta(i, n + 1 - i);
    return y <= p ? i + binomial(n - i, (p - y) / (1 - y)) : binomial(i - 1, p / y);
  }

  function beta(a: number, b: number): number {
    if (!(a > 0)) fail('beta', 'a must be > 0', a);
    if (!(b > 0)) fail('beta', 'b must be > 0', b);
    const x = gamma(a);
    const y = gamma(b);
    return x / (x + y);
  }

  const rng: Rng = {
    random,
    uniform(low = 0, high = 1) {
      return low + (high - low) * random();
    },
    integers(low, high) {
      if (!Number.isInteger(low) || !Number.isInteger(high) || !(high > low)) {
        fail('integers', 'need integers low < high', `${low}, ${high}`);
      }
      return low + Math.floor(random() * (high - low));
    },
    normal(loc = 0, scale = 1) {
      if (!(scale >= 0)) fail('normal', 'scale must be >= 0', scale);
      return loc + scale * stdNormal();
    },
    exponential(scale = 1) {
      if (!(scale >= 0)) fail('exponential', 'scale must be >= 0', scale);
      return -Math.log(1 - random()) * scale;
    },
    gamma,
    beta,
    bernoulli(p) {
      if (!(p >= 0 && p <= 1)) fail('bernoulli', 'p must be in [0, 1]', p);
      return random() < p ? 1 : 0;
    },
    binomial,
    poisson,
    negativeBinomial(n, p) {
      if (!(n > 0)) fail('negativeBinomial', 'n must be > 0', n);
      if (!(p > 0 && p <= 1)) fail('negativeBinomial', 'p must be in (0, 1]', p);
      if (p === 1) return 0;
      return poisson(gamma(n, (1 - p) / p));
    },
    categorical(weights) {
      let total = 0;
      for (let k = 0; k < weights.length; k++) {
        const w = weights[k];
        if (!(w >= 0) || !Number.isFinite(w)) fail('categorical', `weights[${k}] must be finite and >= 0`, w);
        total += w;
      }
      if (!(total > 0)) fail('categorical', 'weights must have a positive sum', total);
      let u = random() * total;
      for (let k = 0; k < weights.length; k++) {
        u -= weights[k];
        if (u < 0) return k;
      }
      return weights.length - 1;
    },
    split() {
      return createRng(next32() ^ Math.imul(next32(), 0x9e3779b9));
    },
  };
  return rng;
}
