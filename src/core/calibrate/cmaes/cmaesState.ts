import type { Rng } from '../../rng/Rng.ts';
import { symmetricEigen } from './symmetricEigen.ts';

/**
 * CMA-ES's default offspring per generation for `n` parameters, 4 + ⌊3 ln n⌋ (Hansen's tutorial,
 * Table 1): the one formula the calibrator's first population and the GA's refinement both start from.
 */
export function defaultCmaesPopulation(n: number): number {
  return 4 + Math.floor(3 * Math.log(Math.max(n, 1)));
}

/**
 * The (mu/mu_w, lambda)-CMA-ES search distribution N(m, sigma² C) and its update, with the default
 * strategy parameters of Hansen, "The CMA Evolution Strategy: A Tutorial" (arXiv:1604.00772, 2016,
 * Table 1 and Fig. 6): positive recombination weights only, cumulative step-size adaptation (CSA),
 * rank-one update through the evolution path p_c (with the h_sigma stall) and rank-mu update.
 * C is re-decomposed every generation: cheap at simulator dimensions.
 *
 * Pure search state, no objective and no bounds: the calibrator handles those.
 */
export class CmaesState {
  readonly n: number;
  readonly lambda: number;
  readonly mu: number;
  readonly weights: Float64Array;
  readonly mueff: number;
  readonly cc: number;
  readonly cs: number;
  readonly c1: number;
  readonly cmu: number;
  readonly damps: number;
  readonly chiN: number;
  mean: Float64Array;
  sigma: number;
  /** Covariance, row-major n×n, and its eigenbasis B (columns) and axis lengths D = sqrt(eigenvalues). */
  C: Float64Array;
  B: Float64Array;
  D: Float64Array;
  pc: Float64Array;
  ps: Float64Array;
  generation = 0;

  /**
   * @param mean initial mean (copied).
   * @param sigma initial step size.
   * @param lambda offspring per generation (>= 2).
   */
  constructor(mean: ArrayLike<number>, sigma: number, lambda: number) {
    const n = mean.length;
    this.n = n;
    this.lambda = lambda;
    this.mu = Math.floor(lambda / 2);
    const w = new Float64Array(this.mu);
    let sw = 0;
    for (let i = 0; i < this.mu; i++) sw += w[i] = Math.log((lambda + 1) / 2) - Math.log(i + 1);
    let sw2 = 0;
    for (let i = 0; i < this.mu; i++) sw2 += (w[i] /= sw) ** 2;
    this.weights = w;
    this.mueff = 1 / sw2;
    const me = this.mueff;
    this.cc = (4 + me / n) / (n + 4 + (2 * me) / n);
    this.cs = (me + 2) / (n + me + 5);
    this.c1 = 2 / ((n + 1.3) ** 2 + me);
    this.cmu = Math.min(1 - this.c1, (2 * (me - 2 + 1 / me)) / ((n + 2) ** 2 + me));
    this.damps = 1 + 2 * Math.max(0, Math.sqrt((me - 1) / (n + 1)) - 1) + this.cs;
    this.chiN = Math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n));
    this.mean = Float64Array.from(mean);
    this.sigma = sigma;
    this.C = identity(n);
    this.B = identity(n);
    this.D = new Float64Array(n).fill(1);
    this.pc = new Float64Array(n);
    this.ps = new Float64Array(n);
  }

  /** Draws `lambda` points x = m + sigma · B · D · z, z ~ N(0, I). */
  sample(rng: Rng): Float64Array[] {
    const { n, B, D } = this;
    const out: Float64Array[] = [];
    const z = new Float64Array(n);
    for (let i = 0; i < this.lambda; i++) {
      for (let k = 0; k < n; k++) z[k] = D[k] * rng.normal();
      const x = new Float64Array(n);
      for (let r = 0; r < n; r++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += B[r * n + k] * z[k];
        x[r] = this.mean[r] + this.sigma * s;
      }
      out.push(x);
    }
    return out;
  }

  /**
   * One generation's update from the sampled points ranked best first (`ranked[0]` best; at least
   * `mu` entries are used). NOTE: mutates the state.
   */
  update(ranked: readonly Float64Array[]): void {
    const { n, mu, weights, cc, cs, c1, cmu, mueff, B, D } = this;
    this.generation++;
    const old = this.mean;
    const ys: Float64Array[] = [];
    const yw = new Float64Array(n);
    for (let i = 0; i < mu; i++) {
      const y = new Float64Array(n);
      for (let k = 0; k < n; k++) {
        y[k] = (ranked[i][k] - old[k]) / this.sigma;
        yw[k] += weights[i] * y[k];
      }
      ys.push(y);
    }
    const mean = new Float64Array(n);
    for (let k = 0; k < n; k++) mean[k] = old[k] + this.sigma * yw[k];
    this.mean = mean;

    // C^{-1/2} y_w = B D^{-1} Bᵀ y_w
    const t = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let r = 0; r < n; r++) s += B[r * n + k] * yw[r];
      t[k] = s / D[k];
    }
    const csn = Math.sqrt(cs * (2 - cs) * mueff);
    let psNorm2 = 0;
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += B[r * n + k] * t[k];
      this.ps[r] = (1 - cs) * this.ps[r] + csn * s;
      psNorm2 += this.ps[r] ** 2;
    }
    const psNorm = Math.sqrt(psNorm2);
    // h_sigma stalls the rank-one path while |p_sigma| is large (sigma still adapting): avoids a
    // too-fast axis growth early on (tutorial eq. 45).
    const hsig = psNorm / Math.sqrt(1 - (1 - cs) ** (2 * this.generation)) / this.chiN < 1.4 + 2 / (n + 1) ? 1 : 0;
    const ccn = Math.sqrt(cc * (2 - cc) * mueff);
    for (let k = 0; k < n; k++) this.pc[k] = (1 - cc) * this.pc[k] + hsig * ccn * yw[k];

    const decay = 1 - c1 - cmu + (1 - hsig) * c1 * cc * (2 - cc);
    const C = this.C;
    for (let r = 0; r < n; r++) {
      for (let k = r; k < n; k++) {
        let rankMu = 0;
        for (let i = 0; i < mu; i++) rankMu += weights[i] * ys[i][r] * ys[i][k];
        const v = decay * C[r * n + k] + c1 * this.pc[r] * this.pc[k] + cmu * rankMu;
        C[r * n + k] = v;
        C[k * n + r] = v;
      }
    }
    this.sigma *= Math.exp((cs / this.damps) * (psNorm / this.chiN - 1));
    this.decompose();
  }

  /** Largest standard deviation of the distribution along any axis (sigma · max D). */
  maxStd(): number {
    let m = 0;
    for (let k = 0; k < this.n; k++) m = Math.max(m, this.D[k]);
    return this.sigma * m;
  }

  private decompose(): void {
    const { values, vectors } = symmetricEigen(this.C, this.n);
    let max = 0;
    for (let k = 0; k < this.n; k++) max = Math.max(max, values[k]);
    // Round-off can leave a tiny negative eigenvalue; a floor keeps D real and C positive definite.
    for (let k = 0; k < this.n; k++) this.D[k] = Math.sqrt(Math.max(values[k], max * 1e-20, 1e-300));
    this.B = vectors;
  }
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}
