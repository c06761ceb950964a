import type { ParameterSpec } from '../sim/types.ts';

/** SBC defaults: 200 prior draws (200 extra simulations), 200 posterior draws each, 10 histogram bins. */
export const SBC_DEFAULTS = { simulations: 200, draws: 200, bins: 10 } as const;
/** Family-wise significance of the per-parameter uniformity tests (Bonferroni over parameters). */
const ALPHA = 0.05;
/** Credibility levels of the coverage curve. */
export const COVERAGE_LEVELS = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);

export interface SbcParameterResult {
  name: string;
  /** Rank of θ* among the L posterior draws (0..L), one per test simulation. */
  ranks: number[];
  /** Rank histogram over `bins` equal bins of [0, L]. */
  histogram: number[];
  /** Kolmogorov–Smirnov distance of the normalised ranks from Uniform(0, 1), and its p-value. */
  ks: number;
  pValue: number;
  /** Empirical coverage of the central credible interval at each of COVERAGE_LEVELS. */
  coverage: number[];
}

export interface SbcResult {
  /** Test simulations used (those that failed are dropped) and posterior draws per simulation. */
  simulations: number;
  draws: number;
  bins: number;
  levels: number[];
  parameters: SbcParameterResult[];
  /** Mean over parameters of the empirical coverage per level (the expected-coverage curve). */
  coverage: number[];
  /** 'pass' when no parameter's ranks reject uniformity at 5 % (Bonferroni); otherwise 'warn'. */
  verdict: 'pass' | 'warn';
  message: string;
}

/**
 * Simulation-based calibration from the ranks of true parameters among posterior draws (Talts et al.
 * 2018): for θ* ~ prior and x* ~ simulator(θ*), a calibrated posterior makes the rank of θ*_k among L
 * draws of q(θ | x*) uniform on 0..L. `truths[m]` is θ*, `draws[m]` the L posterior draws for x*.
 * Ties (possible with discrete draws) are broken at the midpoint.
 */
export function sbcFromDraws(parameters: readonly ParameterSpec[], truths: readonly Float64Array[], draws: readonly Float64Array[][], bins: number = SBC_DEFAULTS.bins): SbcResult {
  if (truths.length !== draws.length) throw new Error(`SBC: ${truths.length} true parameter vectors but ${draws.length} sets of draws`);
  const m = truths.length;
  const L = Math.min(...draws.map((d) => d.length));
  const results = parameters.map((p, k): SbcParameterResult => {
    const ranks = truths.map((th, i) => {
      let below = 0, ties = 0;
      for (let l = 0; l < L; l++) {
        const v = draws[i][l][k];
        if (v < th[k]) below++;
        else if (v === th[k]) ties++;
      }
      return below + Math.floor(ties / 2);
    });
    const histogram = new Array<number>(bins).fill(0);
    for (const r of ranks) histogram[Math.min(bins - 1, Math.floor((r / (L + 1)) * bins))]++;
    // Normalised rank in (0, 1): (r + 0.5) / (L + 1) is uniform's midpoint grid for a calibrated posterior.
    const u = ranks.map((r) => (r + 0.5) / (L + 1)).sort((a, b) => a - b);
    const ks = ksUniform(u);
    const coverage = COVERAGE_LEVELS.map((lvl) => u.filter((x) => Math.abs(x - 0.5) <= lvl / 2).length / Math.max(1, m));
    return { name: p.name, ranks, histogram, ks, pValue: ksPValue(ks, m), coverage };
  });
  const coverage = COVERAGE_LEVELS.map((_, i) => results.reduce((s, r) => s + r.coverage[i], 0) / Math.max(1, results.length));
  const threshold = ALPHA / Math.max(1, parameters.length);
  const failing = results.filter((r) => !(r.pValue >= threshold));
  const verdict = m > 0 && failing.length === 0 ? 'pass' : 'warn';
  const message = m === 0
    ? 'SBC could not run: every test simulation failed.'
    : verdict === 'pass'
      ? `SBC passed: the ranks of the true parameters among posterior draws look uniform for every parameter (${m} test simulations, KS test at 5 % with Bonferroni).`
      : `SBC warning: the posterior is miscalibrated for ${failing.map((r) => r.name).join(', ')} (rank uniformity rejected, p < ${threshold.toPrecision(2)}); ` +
        `${overUnder(coverage)} Treat its intervals with care: more simulations or a different estimator may help.`;
  return { simulations: m, draws: L, bins, levels: [...COVERAGE_LEVELS], parameters: results, coverage, verdict, message };
}

function overUnder(coverage: number[]): string {
  const gap = coverage.reduce((s, c, i) => s + c - COVERAGE_LEVELS[i], 0) / coverage.length;
  if (gap < -0.02) return 'its credible intervals are too narrow (overconfident).';
  if (gap > 0.02) return 'its credible intervals are too wide (underconfident).';
  return 'its ranks are skewed (biased posterior).';
}

/** Kolmogorov–Smirnov distance of sorted values in (0, 1) from Uniform(0, 1). */
export function ksUniform(sorted: readonly number[]): number {
  const n = sorted.length;
  let d = 0;
  sorted.forEach((x, i) => (d = Math.max(d, (i + 1) / n - x, x - i / n)));
  return d;
}

/** Asymptotic p-value of the one-sample KS statistic (Stephens' small-sample correction). */
export function ksPValue(d: number, n: number): number {
  if (n === 0) return NaN;
  const sn = Math.sqrt(n);
  const x = (sn + 0.12 + 0.11 / sn) * d;
  if (x < 0.2) return 1;
  let p = 0;
  for (let k = 1; k <= 100; k++) {
    const term = 2 * (k % 2 ? 1 : -1) * Math.exp(-2 * k * k * x * x);
    p += term;
    if (Math.abs(term) < 1e-12) break;
  }
  return Math.min(1, Math.max(0, p));
}
