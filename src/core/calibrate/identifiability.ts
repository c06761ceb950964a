import { deriveSeed } from '../rng/deriveSeed.ts';
import type { ParameterSpec } from '../sim/types.ts';
import type { CancelSignal } from '../util/CancelSignal.ts';
import type { BatchEvaluator } from './Calibrator.ts';
import { symmetricEigen } from './cmaes/symmetricEigen.ts';
import { paramsFromUnit, paramsToUnit } from './unitBox.ts';

/** How well the data pin one parameter down, after a calibration. */
export interface ParameterIdentifiability {
  name: string;
  value: number;
  /**
   * Half-width, in the parameter's units, of the region around the fit where the training fitness
   * rises by no more than its own noise (curvature), or half the 5–95 % posterior interval (NPE).
   * At most half the prior box.
   */
  width: number;
  /** `width` / (max − min): 0.5 means the data say nothing within the box. */
  relativeWidth: number;
  /** `identified` below 5 % of the box, `weak` below 25 %, else `unidentified`. */
  status: 'identified' | 'weak' | 'unidentified';
  /** The value sits within 1 % of the box width from this bound. */
  atBound: 'lower' | 'upper' | null;
  /** A parameter it trades off with (|correlation| ≥ 0.9 of the local curvature or the posterior). */
  tradesOffWith: string | null;
  source: 'curvature' | 'posterior';
}

export const IDENTIFIABILITY = {
  /** Probe step in unit coordinates: 5 % of the box width. */
  step: 0.1,
  /** Evaluator calls (fresh common random numbers each): their spread at the fit is the noise. */
  repeats: 3,
  identified: 0.05,
  weak: 0.25,
  atBound: 0.01,
  tradeOff: 0.9,
} as const;

/** Result of {@link probeIdentifiability}: per parameter, plus what the probe cost. */
export interface IdentifiabilityProbe {
  parameters: ParameterIdentifiability[];
  /** Standard deviation of the fitness at the fit across the repeats (its noise level). */
  noise: number;
  candidates: number;
  simulations: number;
}

/**
 * Local identifiability of a calibrated point from the curvature of the training fitness:
 * a quadratic model from 1 + 2n + n(n−1)/2 points (the fit, ±5 % of the box along each axis —
 * one-sided at a bound — and one forward point per pair for the cross terms), each scored in
 * `repeats` evaluator calls under fresh common random numbers and averaged. With H the Hessian in unit
 * coordinates and S the spread of the fitness's slopes across the repeats (its gradient noise), the
 * standard error is the sandwich √(H⁻¹ S H⁻¹)ₖₖ, which shrinks as 1/√transitions like the estimate
 * itself; a parameter's half-width is two of them. The Monte-Carlo noise stands in for the data's
 * (one observed draw per transition against `mc` simulated ones), so widths are indicative, not
 * confidence intervals. Flat or negative directions are capped at the box. Cost:
 * (1 + 2n + n(n−1)/2) · repeats candidates (45 at n = 4, 273 at n = 12).
 */
export async function probeIdentifiability(
  parameters: readonly ParameterSpec[],
  evaluate: BatchEvaluator,
  params: Readonly<Record<string, number>>,
  options: { seed: number; signal?: CancelSignal; repeats?: number },
): Promise<IdentifiabilityProbe> {
  const n = parameters.length;
  const h = IDENTIFIABILITY.step;
  const x0 = paramsToUnit(parameters, parameters.map((p) => params[p.name]));
  for (let k = 0; k < n; k++) x0[k] = Math.min(1, Math.max(-1, x0[k]));
  // Axis offsets a < b < c, one of them 0 (the fit): central inside, one-sided next to a bound.
  const offsets = Array.from(x0, (v) => (v + h > 1 ? [-2 * h, -h, 0] : v - h < -1 ? [0, h, 2 * h] : [-h, 0, h]));
  const forward = Array.from(x0, (v) => (v + h > 1 ? -h : h));
  const points: Float64Array[] = [Float64Array.from(x0)];
  const axisIndex: number[][] = [];
  for (let k = 0; k < n; k++) {
    axisIndex.push(offsets[k].map((d) => {
      if (d === 0) return 0;
      const x = Float64Array.from(x0);
      x[k] += d;
      points.push(x);
      return points.length - 1;
    }));
  }
  const pairIndex = new Map<number, number>();
  for (let j = 0; j < n; j++) {
    for (let k = j + 1; k < n; k++) {
      const x = Float64Array.from(x0);
      x[j] += forward[j];
      x[k] += forward[k];
      points.push(x);
      pairIndex.set(j * n + k, points.length - 1);
    }
  }
  const repeats = options.repeats ?? IDENTIFIABILITY.repeats;
  const physical = points.map((u) => paramsFromUnit(parameters, u) as Float64Array);
  const mean = new Float64Array(points.length);
  const runs: Float64Array[] = [];
  let simulations = 0;
  for (let r = 0; r < repeats; r++) {
    if (options.signal?.aborted) throw new Error('probeIdentifiability: cancelled');
    const scores = await evaluate(physical, deriveSeed(options.seed, 7_000_000 + r), options.signal);
    simulations += scores.simulations;
    for (let i = 0; i < points.length; i++) mean[i] += scores.fitness[i] / repeats;
    runs.push(Float64Array.from(scores.fitness));
  }
  const noise = Math.max(sd(runs.map((f) => f[0])), 1e-12 * (1 + Math.abs(mean[0])));
  const fAt = (k: number, d: number) => mean[axisIndex[k][offsets[k].indexOf(d)]];
  // Slope along each axis in each repeat (central where possible): its spread across the repeats is
  // the noise of the gradient, which sets the standard error (sandwich H⁻¹ S H⁻¹).
  const slopeSd = offsets.map((o, k) => {
    const lo = o[0] === 0 ? 0 : o[0];
    const hi = o[2];
    const iLo = lo === 0 ? 0 : axisIndex[k][0];
    const iHi = axisIndex[k][2];
    return sd(runs.map((f) => (f[iHi] - f[iLo]) / (hi - lo)));
  });

  const H = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const [a, b, c] = offsets[k];
    const [fa, fb, fc] = [fAt(k, a), fAt(k, b), fAt(k, c)];
    const v = (2 * ((fc - fb) / (c - b) - (fb - fa) / (b - a))) / (c - a);
    // A failed probe point (+Infinity) leaves the curvature unknown: read it as flat (box-wide).
    H[k * n + k] = Number.isFinite(v) ? v : 0;
  }
  for (let j = 0; j < n; j++) {
    for (let k = j + 1; k < n; k++) {
      const v = (mean[pairIndex.get(j * n + k)!] - fAt(j, forward[j]) - fAt(k, forward[k]) + mean[0]) / (forward[j] * forward[k]);
      H[j * n + k] = H[k * n + j] = Number.isFinite(v) ? v : 0;
    }
  }
  shrinkToPositive(H, n);
  const inv = cappedInverse(H, n);
  // Standard error from the sandwich H⁻¹ diag(slope sd²) H⁻¹; the half-width is two standard errors.
  const se = (k: number) => {
    let v = 0;
    for (let j = 0; j < n; j++) v += (inv[k * n + j] * slopeSd[j]) ** 2;
    return Math.sqrt(v);
  };
  const cov = inv;
  let top = 0;
  for (let k = 0; k < n; k++) top = Math.max(top, H[k * n + k]);
  const out = parameters.map((p, k): ParameterIdentifiability => {
    // No upward curvature along the axis: the fitness does not single out a value (box-wide).
    const flat = !(H[k * n + k] > 1e-9 * top);
    const unitWidth = flat ? 1 : Math.min(1, 2 * se(k));
    let partner: string | null = null;
    let strongest: number = IDENTIFIABILITY.tradeOff;
    for (let j = 0; j < n; j++) {
      if (j === k) continue;
      const c = cov[k * n + j] / Math.sqrt(cov[k * n + k] * cov[j * n + j]);
      if (Math.abs(c) >= strongest) {
        strongest = Math.abs(c);
        partner = parameters[j].name;
      }
    }
    return describeWidth(p, params[p.name], (unitWidth * (p.max - p.min)) / 2, 'curvature', partner);
  });
  return { parameters: out, noise, candidates: points.length * repeats, simulations };
}

/** The per-parameter record from a half-width (shared by the curvature probe and NPE's posterior). */
export function describeWidth(p: ParameterSpec, value: number, width: number, source: ParameterIdentifiability['source'], tradesOffWith: string | null): ParameterIdentifiability {
  const span = p.max - p.min;
  const relativeWidth = Math.min(0.5, width / span);
  const status = relativeWidth < IDENTIFIABILITY.identified ? 'identified' : relativeWidth < IDENTIFIABILITY.weak ? 'weak' : 'unidentified';
  const tol = IDENTIFIABILITY.atBound * span;
  const atBound = value <= p.min + tol ? 'lower' : value >= p.max - tol ? 'upper' : null;
  return { name: p.name, value, width: relativeWidth * span, relativeWidth, status, atBound, tradesOffWith, source };
}

/**
 * The forward-difference cross terms carry an O(step) bias where the fitness is far from quadratic,
 * which can make H indefinite although every axis curves upwards. Halves the off-diagonal terms (down
 * to none) until H is positive definite relative to its diagonal. NOTE: mutates H.
 */
function shrinkToPositive(H: Float64Array, n: number): void {
  let diagOk = true;
  for (let k = 0; k < n; k++) diagOk &&= H[k * n + k] > 0;
  if (!diagOk) return;
  for (let round = 0; round < 8; round++) {
    const scaled = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) scaled[i * n + j] = H[i * n + j] / Math.sqrt(H[i * n + i] * H[j * n + j]);
    if (Math.min(...symmetricEigen(scaled, n).values) > 0.01) return;
    const factor = round === 7 ? 0 : 0.5;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) H[i * n + j] *= factor;
  }
}

/**
 * H⁻¹ with eigenvalues floored at 1e-6 of the largest: a flat or negatively curved direction (the fit
 * is not a local minimum along it, or the fitness does not depend on it) then gets a huge width, which
 * the caller caps at the box.
 */
function cappedInverse(H: Float64Array, n: number): Float64Array {
  const { values, vectors } = symmetricEigen(H, n);
  let top = 0;
  for (const v of values) top = Math.max(top, Math.abs(v));
  const floor = Math.max(top * 1e-6, 1e-300);
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let e = 0; e < n; e++) s += (vectors[i * n + e] * vectors[j * n + e]) / Math.max(values[e], floor);
      inv[i * n + j] = s;
    }
  }
  return inv;
}

function sd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}
