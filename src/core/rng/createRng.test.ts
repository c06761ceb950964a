import { describe, expect, it } from 'vitest';
import { createRng } from './createRng.ts';
import type { Rng } from './Rng.ts';

/**
 * Statistical checks allow SIGMAS standard errors. Seeds are fixed, so each check is deterministic; with
 * a correct sampler a 5-sigma miss has probability ~6e-7 per check, so a failure means a real bias.
 */
const SIGMAS = 5;
const N = 20_000;

interface Moments {
  mean: number;
  variance: number;
  /** Excess kurtosis: sets the standard error of the variance estimate. */
  exKurt: number;
}

/**
 * Draws `n` samples and checks the sample mean and the mean squared deviation from the exact mean
 * (an unbiased variance estimator whose variance is exactly σ⁴(2 + excess kurtosis)/n).
 */
function expectMoments(label: string, draw: () => number, exact: Moments, n = N): void {
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    const d = x - exact.mean;
    sum += d;
    sq += d * d;
  }
  const meanErr = sum / n;
  const varHat = sq / n;
  const meanSe = Math.sqrt(exact.variance / n);
  const varSe = exact.variance * Math.sqrt((2 + exact.exKurt) / n);
  expect(Math.abs(meanErr), `${label}: mean ${exact.mean + meanErr} vs ${exact.mean} (se ${meanSe})`).toBeLessThanOrEqual(SIGMAS * meanSe);
  expect(Math.abs(varHat - exact.variance), `${label}: variance ${varHat} vs ${exact.variance} (se ${varSe})`).toBeLessThanOrEqual(SIGMAS * varSe);
}

const binomialMoments = (n: number, p: number): Moments => ({
  mean: n * p,
  variance: n * p * (1 - p),
  exKurt: (1 - 6 * p * (1 - p)) / (n * p * (1 - p)),
});
const poissonMoments = (lam: number): Moments => ({ mean: lam, variance: lam, exKurt: 1 / lam });

/** Chi-square critical value for `df` degrees of freedom at z standard normal quantile (Wilson–Hilferty). */
function chiSquareCritical(df: number, z: number): number {
  const c = 2 / (9 * df);
  return df * Math.pow(1 - c + z * Math.sqrt(c), 3);
}

/**
 * Pearson's chi-square of `n` draws against an exact pmf: every k whose expected count is ≥ 20 is its own
 * bin, the rest pool into one bin. Fails above the 5-sigma (z = 5) critical value.
 */
function expectPmf(label: string, draw: () => number, pmf: (k: number) => number, kMax: number, n: number): void {
  const counts = new Float64Array(kMax + 2);
  let outside = NaN;
  for (let i = 0; i < n; i++) {
    const k = draw();
    // A plain check in the loop: expect() per draw would dominate the run time.
    if (Number.isInteger(k) && k >= 0 && k <= kMax) counts[k]++;
    else outside = k;
  }
  expect(outside, `${label}: a draw fell outside 0..${kMax}`).toBeNaN();
  let chi2 = 0;
  let bins = 0;
  let pooledObs = 0;
  let pooledExp = 0;
  for (let k = 0; k <= kMax; k++) {
    const e = n * pmf(k);
    if (e >= 20) {
      chi2 += (counts[k] - e) ** 2 / e;
      bins++;
    } else {
      pooledObs += counts[k];
      pooledExp += e;
    }
  }
  if (pooledExp > 0) {
    chi2 += (pooledObs - pooledExp) ** 2 / pooledExp;
    bins++;
  }
  expect(bins, `${label}: too few bins`).toBeGreaterThan(5);
  expect(chi2, `${label}: chi-square ${chi2} with ${bins - 1} df`).toBeLessThan(chiSquareCritical(bins - 1, SIGMAS));
}

/** log k! by direct summation: independent of the sampler's Stirling/saddle-point machinery. */
function logFactorials(kMax: number): Float64Array {
  const out = new Float64Array(kMax + 1);
  for (let k = 1; k <= kMax; k++) out[k] = out[k - 1] + Math.log(k);
  return out;
}
function binomialPmf(n: number, p: number): (k: number) => number {
  const lf = logFactorials(n);
  return (k) => Math.exp(lf[n] - lf[k] - lf[n - k] + k * Math.log(p) + (n - k) * Math.log1p(-p));
}
function poissonPmf(lam: number, kMax: number): (k: number) => number {
  const lf = logFactorials(kMax);
  return (k) => Math.exp(-lam + k * Math.log(lam) - lf[k]);
}

function draws<T>(rng: Rng, count: number, f: (r: Rng) => T): T[] {
  return Array.from({ length: count }, () => f(rng));
}

describe('createRng(seed) streams', () => {
  it('createRng(seed) is deterministic for a seed', () => {
    const all = (r: Rng) => [r.random(), r.normal(), r.binomial(900, 0.05), r.poisson(1e4), r.integers(0, 7), r.gamma(0.5)];
    expect(draws(createRng(7), 20, (r) => all(r).join())).toEqual(draws(createRng(7), 20, (r) => all(r).join()));
  });

  it('createRng(42) reproduces its pinned stream (saved runs replay from their seed)', () => {
    const r = createRng(42);
    const got = [r.random(), r.random(), r.normal(), r.exponential(), r.gamma(2.5), r.uniform(1, 2), r.beta(2, 3)];
    const pinned = [0.6606157208001621, 0.1117019639532224, 0.15178267621950975, 3.4698791150706727, 1.986105955580981, 1.4965303146779625, 0.618057735945704];
    expect(got).toEqual(pinned);
  });

  it('createRng(seed) gives different streams for different seeds, including seeds beyond 32 bits', () => {
    const seeds = [0, 1, 2, -1, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 40 + 1, Number.MAX_SAFE_INTEGER];
    const firsts = seeds.map((s) => draws(createRng(s), 4, (r) => r.random()).join());
    expect(new Set(firsts).size).toBe(seeds.length);
  });

  it('createRng(seed) floors fractional seeds and rejects non-finite ones', () => {
    expect(createRng(3.7).random()).toBe(createRng(3).random());
    expect(() => createRng(NaN)).toThrow(/createRng/);
    expect(() => createRng(Infinity)).toThrow(RangeError);
  });

  it('split() streams differ from the parent, from each other, and are deterministic', () => {
    const parent = createRng(11);
    const a = parent.split();
    const b = parent.split();
    const rest = draws(parent, 50, (r) => r.random());
    const sa = draws(a, 50, (r) => r.random());
    const sb = draws(b, 50, (r) => r.random());
    expect(new Set([...rest, ...sa, ...sb]).size).toBe(150);
    const again = createRng(11);
    expect(draws(again.split(), 50, (r) => r.random())).toEqual(sa);
  });

  it('split() child is uncorrelated with its parent', () => {
    const parent = createRng(12);
    const child = parent.split();
    let sxy = 0;
    for (let i = 0; i < N; i++) sxy += (parent.random() - 0.5) * (child.random() - 0.5);
    // Each product has variance 1/144, so the mean has standard error 1/(12 √N).
    expect(Math.abs(sxy / N)).toBeLessThan(SIGMAS / (12 * Math.sqrt(N)));
  });
});

describe('continuous samplers: mean and variance', () => {
  it('random() is in [0, 1) with the uniform moments', () => {
    const rng = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const u = rng.random();
      expect(u >= 0 && u < 1).toBe(true);
    }
    expectMoments('random', () => rng.random(), { mean: 0.5, variance: 1 / 12, exKurt: -1.2 });
  });

  it('uniform(low, high) has the uniform moments and defaults to [0, 1)', () => {
    const rng = createRng(2);
    expectMoments('uniform(-1, 3)', () => rng.uniform(-1, 3), { mean: 1, variance: 16 / 12, exKurt: -1.2 });
    expectMoments('uniform()', () => rng.uniform(), { mean: 0.5, variance: 1 / 12, exKurt: -1.2 });
  });

  it('normal(loc, scale) has mean loc and variance scale²', () => {
    const rng = createRng(3);
    expectMoments('normal(3, 2)', () => rng.normal(3, 2), { mean: 3, variance: 4, exKurt: 0 });
    expectMoments('normal()', () => rng.normal(), { mean: 0, variance: 1, exKurt: 0 });
    expect(rng.normal(5, 0)).toBe(5);
  });

  it('exponential(scale) has mean scale (NumPy convention, not a rate)', () => {
    const rng = createRng(4);
    expectMoments('exponential(2)', () => rng.exponential(2), { mean: 2, variance: 4, exKurt: 6 });
    expectMoments('exponential()', () => rng.exponential(), { mean: 1, variance: 1, exKurt: 6 });
  });

  it('gamma(shape, scale) has mean shape·scale and variance shape·scale² for small and large shapes', () => {
    const rng = createRng(5);
    for (const shape of [0.05, 0.5, 1, 2.5, 100]) {
      const scale = 2;
      expectMoments(`gamma(${shape}, 2)`, () => rng.gamma(shape, scale), {
        mean: shape * scale,
        variance: shape * scale * scale,
        exKurt: 6 / shape,
      });
    }
  });

  it('beta(a, b) matches the exact moments, including tiny shapes where gammas underflow', () => {
    const rng = createRng(6);
    for (const [a, b] of [[0.01, 0.01], [0.1, 0.1], [0.5, 2], [1, 1], [2, 5], [50, 20]]) {
      const s = a + b;
      const ex = (6 * ((a - b) ** 2 * (s + 1) - a * b * (s + 2))) / (a * b * (s + 2) * (s + 3));
      expectMoments(`beta(${a}, ${b})`, () => rng.beta(a, b), { mean: a / s, variance: (a * b) / (s * s * (s + 1)), exKurt: ex });
    }
    for (let i = 0; i < 2000; i++) {
      const x = rng.beta(0.001, 0.001);
      expect(x >= 0 && x <= 1, `beta(0.001, 0.001) gave ${x}`).toBe(true);
    }
  });
});

describe('discrete samplers: mean and variance', () => {
  it('integers(low, high) stays in [low, high), reaches both ends, and has the discrete-uniform moments', () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const k = rng.integers(-3, 4);
      expect(Number.isInteger(k) && k >= -3 && k < 4).toBe(true);
      seen.add(k);
    }
    expect([...seen].sort((x, y) => x - y)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    for (let i = 0; i < 100; i++) expect(rng.integers(5, 6)).toBe(5);
    const m = 10;
    expectMoments('integers(0, 10)', () => rng.integers(0, m), {
      mean: (m - 1) / 2,
      variance: (m * m - 1) / 12,
      exKurt: (-6 * (m * m + 1)) / (5 * (m * m - 1)),
    });
    // Ranges wider than 2^32 take the 53-bit path.
    const w = 2 ** 40;
    expectMoments('integers(0, 2^40)', () => rng.integers(0, w), { mean: (w - 1) / 2, variance: (w * w - 1) / 12, exKurt: -1.2 });
  });

  it('bernoulli(p) has mean p and variance p(1-p), and is 0/1 exactly at p = 0/1', () => {
    const rng = createRng(8);
    expectMoments('bernoulli(0.3)', () => rng.bernoulli(0.3), { mean: 0.3, variance: 0.21, exKurt: (1 - 6 * 0.21) / 0.21 });
    for (let i = 0; i < 100; i++) {
      expect(rng.bernoulli(0)).toBe(0);
      expect(rng.bernoulli(1)).toBe(1);
    }
  });

  it('binomial(n, p) matches n·p and n·p·(1-p) in every regime (inversion, BTRS, p > 1/2)', () => {
    const rng = createRng(9);
    const cases: [number, number][] = [
      [1, 0.5], [10, 0.3], [20, 0.5], [50, 0.7], [900, 0.005], [1000, 0.0099], [1000, 0.01], [900, 0.05], [1000, 0.3],
    ];
    for (const n of [1e6, 1e9]) for (const p of [1e-6, 0.01, 0.5, 0.99]) cases.push([n, p]);
    for (const [n, p] of cases) {
      expectMoments(`binomial(${n}, ${p})`, () => rng.binomial(n, p), binomialMoments(n, p), 10_000);
    }
  });

  it('binomial(n, p) returns integers in [0, n], including huge n', () => {
    const rng = createRng(10);
    for (const [n, p] of [[3, 0.5], [25, 0.9], [1e9, 0.5], [Number.MAX_SAFE_INTEGER, 0.5], [Number.MAX_SAFE_INTEGER, 1e-15]]) {
      for (let i = 0; i < 200; i++) {
        const k = rng.binomial(n, p);
        expect(Number.isInteger(k) && k >= 0 && k <= n, `binomial(${n}, ${p}) gave ${k}`).toBe(true);
      }
    }
  });

  it('poisson(lam) matches mean and variance lam from 0.5 to 1e12', () => {
    const rng = createRng(11);
    for (const lam of [0.5, 5, 9.99, 10, 30, 1e3, 1e7, 1e12]) {
      expectMoments(`poisson(${lam})`, () => rng.poisson(lam), poissonMoments(lam), 10_000);
    }
  });

  it('negativeBinomial(n, p) counts failures before the n-th success (NumPy convention)', () => {
    const rng = createRng(12);
    for (const [n, p] of [[5, 0.3], [0.5, 0.7], [1, 0.5], [100, 0.01], [3, 0.999]]) {
      expectMoments(`negativeBinomial(${n}, ${p})`, () => rng.negativeBinomial(n, p), {
        mean: (n * (1 - p)) / p,
        variance: (n * (1 - p)) / (p * p),
        exKurt: 6 / n + (p * p) / (n * (1 - p)),
      });
    }
  });

  it('categorical(weights) picks each index with probability weight/sum and never a zero weight', () => {
    const rng = createRng(13);
    const weights = [1, 2, 0, 3, 4, 0];
    const counts = new Array(weights.length).fill(0);
    const n = 50_000;
    for (let i = 0; i < n; i++) counts[rng.categorical(weights)]++;
    const total = 10;
    weights.forEach((w, k) => {
      const p = w / total;
      const se = Math.sqrt((n * p * (1 - p)) || 0);
      expect(Math.abs(counts[k] - n * p), `categorical index ${k}`).toBeLessThanOrEqual(SIGMAS * se);
    });
    expect(counts[2] + counts[5]).toBe(0);
    expect(rng.categorical(Float64Array.of(0, 0, 5))).toBe(2);
    expect(rng.categorical([1e-300, 0])).toBe(0);
  });
});

describe('exact probabilities (chi-square against the pmf)', () => {
  it('binomial(50, 0.3) (BTRS near the mode) matches the exact pmf', () => {
    const rng = createRng(21);
    expectPmf('binomial(50, 0.3)', () => rng.binomial(50, 0.3), binomialPmf(50, 0.3), 50, 100_000);
  });

  it('binomial(20, 0.45) (inversion) and binomial(20, 0.5) (BTRS at its limit n·p = 10) match the exact pmf', () => {
    const rng = createRng(22);
    expectPmf('binomial(20, 0.45)', () => rng.binomial(20, 0.45), binomialPmf(20, 0.45), 20, 100_000);
    expectPmf('binomial(20, 0.5)', () => rng.binomial(20, 0.5), binomialPmf(20, 0.5), 20, 100_000);
  });

  it('binomial(1000, 0.97) (BTRS tails: the log test more than 15 from the mode, p > 1/2) matches the exact pmf', () => {
    const rng = createRng(23);
    expectPmf('binomial(1000, 0.97)', () => rng.binomial(1000, 0.97), binomialPmf(1000, 0.97), 1000, 200_000);
  });

  it('binomial(5000, 0.3) (BTRS, wide spread) matches the exact pmf', () => {
    const rng = createRng(26);
    expectPmf('binomial(5000, 0.3)', () => rng.binomial(5000, 0.3), binomialPmf(5000, 0.3), 5000, 200_000);
  });

  it('poisson(7) (inversion) and poisson(10) (PTRS at its lower limit) match the exact pmf', () => {
    const rng = createRng(24);
    expectPmf('poisson(7)', () => rng.poisson(7), poissonPmf(7, 200), 200, 100_000);
    expectPmf('poisson(10)', () => rng.poisson(10), poissonPmf(10, 200), 200, 100_000);
  });

  it('poisson(2000) (PTRS with the log test away from the mode) matches the exact pmf', () => {
    const rng = createRng(25);
    expectPmf('poisson(2000)', () => rng.poisson(2000), poissonPmf(2000, 4000), 4000, 200_000);
  });
});

describe('edge cases', () => {
  it('binomial is 0 for n = 0 or p = 0 and n for p = 1', () => {
    const rng = createRng(31);
    expect(rng.binomial(0, 0.5)).toBe(0);
    expect(rng.binomial(0, 1)).toBe(0);
    expect(rng.binomial(1e9, 0)).toBe(0);
    expect(rng.binomial(1e9, 1)).toBe(1e9);
  });

  it('poisson(0) is 0 and negativeBinomial(n, 1) is 0', () => {
    const rng = createRng(32);
    expect(rng.poisson(0)).toBe(0);
    expect(rng.negativeBinomial(3, 1)).toBe(0);
  });

  it('scale 0 gives the degenerate value', () => {
    const rng = createRng(33);
    expect(rng.exponential(0)).toBe(0);
    expect(rng.gamma(2, 0)).toBe(0);
    expect(rng.uniform(2, 2)).toBe(2);
  });
});

describe('invalid arguments throw a RangeError naming the sampler', () => {
  const rng = createRng(41);
  const bad: [string, () => unknown][] = [
    ['binomial', () => rng.binomial(NaN, 0.5)],
    ['binomial', () => rng.binomial(-1, 0.5)],
    ['binomial', () => rng.binomial(2.5, 0.5)],
    ['binomial', () => rng.binomial(Infinity, 0.5)],
    ['binomial', () => rng.binomial(2 ** 60, 0.5)],
    ['binomial', () => rng.binomial(10, 1.5)],
    ['binomial', () => rng.binomial(10, -0.1)],
    ['binomial', () => rng.binomial(10, NaN)],
    ['poisson', () => rng.poisson(-1)],
    ['poisson', () => rng.poisson(NaN)],
    ['poisson', () => rng.poisson(Infinity)],
    ['bernoulli', () => rng.bernoulli(1.01)],
    ['bernoulli', () => rng.bernoulli(NaN)],
    ['negativeBinomial', () => rng.negativeBinomial(0, 0.5)],
    ['negativeBinomial', () => rng.negativeBinomial(NaN, 0.5)],
    ['negativeBinomial', () => rng.negativeBinomial(3, 0)],
    ['negativeBinomial', () => rng.negativeBinomial(3, 1.5)],
    ['gamma', () => rng.gamma(0)],
    ['gamma', () => rng.gamma(NaN)],
    ['gamma', () => rng.gamma(Infinity)],
    ['gamma', () => rng.gamma(2, -1)],
    ['beta', () => rng.beta(0, 1)],
    ['beta', () => rng.beta(1, NaN)],
    ['beta', () => rng.beta(1, Infinity)],
    ['normal', () => rng.normal(0, -1)],
    ['normal', () => rng.normal(NaN)],
    ['exponential', () => rng.exponential(-1)],
    ['exponential', () => rng.exponential(NaN)],
    ['uniform', () => rng.uniform(NaN, 1)],
    ['integers', () => rng.integers(0, 0)],
    ['integers', () => rng.integers(0.5, 3)],
    ['integers', () => rng.integers(0, NaN)],
    ['integers', () => rng.integers(-(2 ** 53), 2 ** 53 - 1)],
    ['categorical', () => rng.categorical([])],
    ['categorical', () => rng.categorical([0, 0])],
    ['categorical', () => rng.categorical([1, -1])],
    ['categorical', () => rng.categorical([1, NaN])],
    ['categorical', () => rng.categorical([1e308, 1e308])],
  ];
  for (const [sampler, call] of bad) {
    it(`rng.${sampler}: ${call.toString().replace(/^\(\) => rng\./, '')} throws`, () => {
      expect(call).toThrow(RangeError);
      expect(call).toThrow(new RegExp(`^rng\\.${sampler}:`));
    });
  }
});

describe('Rng.reseed', () => {
  it('restarts the stream exactly as createRng(seed) would, clearing the cached normal', () => {
    const fresh = createRng(77);
    const expected = [fresh.normal(), fresh.binomial(900, 0.2), fresh.poisson(4), fresh.random()];
    const reused = createRng(5);
    reused.normal(); // leaves a spare normal cached
    reused.reseed(77);
    expect([reused.normal(), reused.binomial(900, 0.2), reused.poisson(4), reused.random()]).toEqual(expected);
  });
});
