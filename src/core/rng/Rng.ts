/**
 * The seeded random source every stochastic function in core receives explicitly, and the one that
 * simulator programs see as `rng`. Sampler names and argument conventions follow NumPy's
 * `Generator` (which the paper's prompts tell the LLM it may use), in camelCase, so an LLM's habits
 * carry over: `integers` excludes `high`, `normal` and `exponential` take a scale, and
 * `negativeBinomial(n, p)` counts failures before the n-th success.
 *
 * Every sampler is exact (no normal approximations), including binomial for large n and Poisson for
 * large means. Invalid arguments (NaN, negative counts, probabilities outside [0, 1]) throw a
 * RangeError naming the sampler and the value.
 */
export interface Rng {
  /** A double in [0, 1) with 53 random bits. */
  random(): number;
  /** Uniform double in [low, high). */
  uniform(low?: number, high?: number): number;
  /** Uniform integer in [low, high) — `high` is exclusive, as in NumPy. */
  integers(low: number, high: number): number;
  /** Normal with mean `loc` and standard deviation `scale`. */
  normal(loc?: number, scale?: number): number;
  /** Exponential with mean `scale` (NumPy convention: scale = 1 / rate). */
  exponential(scale?: number): number;
  /** Gamma with the given shape and scale (mean shape * scale). */
  gamma(shape: number, scale?: number): number;
  /** Beta(a, b). */
  beta(a: number, b: number): number;
  /** 1 with probability p, else 0. */
  bernoulli(p: number): number;
  /** Binomial(n, p), exact for any n. */
  binomial(n: number, p: number): number;
  /** Poisson with mean `lam`, exact for any mean. */
  poisson(lam: number): number;
  /** Number of failures before the n-th success with success probability p (NumPy convention). */
  negativeBinomial(n: number, p: number): number;
  /** Index drawn with probability proportional to the non-negative `weights` (normalised here). */
  categorical(weights: ArrayLike<number>): number;
  /**
   * Restarts this generator's stream as `createRng(seed)` would, without allocating a new one
   * (cheap: used to give every candidate the same noise per transition — common random numbers).
   */
  reseed(seed: number): void;
  /** An independent generator derived from this one (for parallel streams). */
  split(): Rng;
}
