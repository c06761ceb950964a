import type { ParameterSpec } from '../sim/types.ts';
import type { CancelSignal } from '../util/CancelSignal.ts';

/** sbi's default number of posterior samples. */
export const DEFAULT_POSTERIOR_SAMPLES = 10_000;
/** The paper's limit on posterior sampling (60 s). */
export const DEFAULT_SAMPLE_BUDGET_MS = 60_000;
/**
 * Below this share of draws inside the prior box the user is warned: most of the flow's mass lies
 * where the prior is zero ("leakage"), so the estimator is poorly trained or the model misspecified.
 */
export const LOW_ACCEPTANCE = 0.2;

/** Draws θ ~ q(θ | x) in physical units (the trained estimator's `sample`). */
export type PosteriorDraw = (n: number, seed: number) => Promise<Float64Array[]>;

export interface PosteriorSamples {
  samples: Float64Array[];
  /** Draws made, those inside the prior box (may exceed n: the last round overshoots) and their ratio. */
  drawn: number;
  accepted: number;
  acceptanceRate: number;
  /** True when the time budget (or the signal) ended sampling before `n` were accepted. */
  truncated: boolean;
}

export interface SamplePosteriorOptions {
  n?: number;
  seed: number;
  budgetMs?: number;
  /** Injected clock in milliseconds (core has no global clock). */
  now?: () => number;
  signal?: CancelSignal;
}

/**
 * Rejection sampling of the posterior restricted to the prior's support (the uniform prior is zero
 * outside its box; the flow is not): draws in rounds sized by the acceptance seen so far, until `n`
 * are accepted or the time budget runs out. Round r uses seed `seed + r`.
 */
export async function samplePosterior(draw: PosteriorDraw, parameters: readonly ParameterSpec[], opts: SamplePosteriorOptions): Promise<PosteriorSamples> {
  const n = opts.n ?? DEFAULT_POSTERIOR_SAMPLES;
  const budget = opts.budgetMs ?? DEFAULT_SAMPLE_BUDGET_MS;
  const now = opts.now ?? (() => 0);
  const start = now();
  const samples: Float64Array[] = [];
  let drawn = 0;
  let accepted = 0;
  let truncated = false;
  for (let round = 0; samples.length < n; round++) {
    if (opts.signal?.aborted || (round > 0 && now() - start > budget)) { truncated = true; break; }
    const rate = drawn ? Math.max(accepted / drawn, 1e-3) : 1;
    // Ask for what is missing, inflated by the acceptance seen so far, within sane batch sizes.
    const ask = Math.min(Math.max(Math.ceil(((n - samples.length) / rate) * 1.1), 64), 50_000);
    const batch = await draw(ask, opts.seed + round);
    drawn += batch.length;
    for (const th of batch) {
      if (!inside(th, parameters)) continue;
      accepted++;
      if (samples.length < n) samples.push(th);
    }
  }
  // The rate counts every draw inside the box, also those beyond n (the last round overshoots).
  return { samples, drawn, accepted, acceptanceRate: drawn ? accepted / drawn : 0, truncated };
}

function inside(theta: Float64Array, parameters: readonly ParameterSpec[]): boolean {
  for (let k = 0; k < parameters.length; k++) {
    const v = theta[k];
    if (!(v >= parameters[k].min && v <= parameters[k].max)) return false;
  }
  return true;
}

/** Per-parameter marginal summaries and the correlation matrix of posterior samples. */
export interface PosteriorSummary {
  names: string[];
  mean: number[];
  std: number[];
  q05: number[];
  median: number[];
  q95: number[];
  /** Pearson correlations, `corr[i][j]`. */
  corr: number[][];
  samples: number;
}

/** Summarises samples (rows = draws, columns in `parameters` order). */
export function summarizePosterior(samples: readonly Float64Array[], parameters: readonly ParameterSpec[]): PosteriorSummary {
  const d = parameters.length;
  const n = samples.length;
  const mean = Array.from({ length: d }, (_, k) => samples.reduce((s, th) => s + th[k], 0) / Math.max(1, n));
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (const th of samples) for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) cov[i][j] += (th[i] - mean[i]) * (th[j] - mean[j]);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) cov[i][j] /= Math.max(1, n - 1);
  const std = cov.map((r, i) => Math.sqrt(r[i]));
  const corr = cov.map((r, i) => r.map((c, j) => (i === j ? 1 : std[i] > 0 && std[j] > 0 ? c / (std[i] * std[j]) : 0)));
  const sorted = Array.from({ length: d }, (_, k) => Float64Array.from(samples, (th) => th[k]).sort());
  return {
    names: parameters.map((p) => p.name),
    mean: n ? mean : mean.map(() => NaN),
    std,
    q05: sorted.map((s) => quantile(s, 0.05)),
    median: sorted.map((s) => quantile(s, 0.5)),
    q95: sorted.map((s) => quantile(s, 0.95)),
    corr,
    samples: n,
  };
}

/** Linear-interpolated quantile of a sorted array (NumPy's default); NaN when empty. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (!n) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
