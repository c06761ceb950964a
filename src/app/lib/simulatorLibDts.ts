/**
 * Declarations added to Monaco's JavaScript service: the simulator form's types, usable in JSDoc
 * (`@param {Rng} rng`) for completion and hover. Mirrors src/core/rng/Rng.ts and the README's
 * "simulator form"; keep them in step.
 */
export const SIMULATOR_LIB_DTS = `
/** One numerical parameter with its uniform prior bounds (the GA search box and the SBI prior). */
interface ParameterSpec {
  /** Lower bound of the uniform prior. */
  min: number;
  /** Upper bound of the uniform prior. */
  max: number;
  /** Initial guess (the box midpoint when absent). */
  init?: number;
  description?: string;
}

/** The declared parameters: \`const parameters = { name: { min, max, init } }\`. */
type Parameters = Record<string, ParameterSpec>;

/** Parameter values by name, as step receives them. */
type Params = Readonly<Record<string, number>>;

/** A state object: observed variables are top-level finite numbers; hidden structure is allowed. */
type State = Record<string, any>;

/** The action at a step: a number, or null when the environment has none. */
type Action = number | null;

/** Seeded random source (NumPy Generator names in camelCase). Math.random is unavailable. */
interface Rng {
  /** A double in [0, 1). */
  random(): number;
  /** Uniform double in [low, high). */
  uniform(low?: number, high?: number): number;
  /** Uniform integer in [low, high); high is exclusive, as in NumPy. */
  integers(low: number, high: number): number;
  /** Normal with mean loc and standard deviation scale. */
  normal(loc?: number, scale?: number): number;
  /** Exponential with mean scale (= 1 / rate). */
  exponential(scale?: number): number;
  /** Gamma with the given shape and scale (mean shape * scale). */
  gamma(shape: number, scale?: number): number;
  /** Beta(a, b). */
  beta(a: number, b: number): number;
  /** 1 with probability p, else 0. */
  bernoulli(p: number): number;
  /** Binomial(n, p), exact for any n. */
  binomial(n: number, p: number): number;
  /** Poisson with mean lam, exact for any mean. */
  poisson(lam: number): number;
  /** Failures before the n-th success with success probability p. */
  negativeBinomial(n: number, p: number): number;
  /** An index drawn with probability proportional to weights (normalised). */
  categorical(weights: ArrayLike<number>): number;
  /** An independent stream derived from this one. */
  split(): Rng;
}

/** The step function every program defines. */
type StepFn = (state: State, action: Action, params: Params, rng: Rng) => State;
`;

/** Sampler names, signatures and docs for the \`rng.\` completion provider. */
export const RNG_SAMPLERS: readonly { name: string; signature: string; doc: string; snippet: string }[] = [
  { name: 'random', signature: 'random(): number', doc: 'A double in [0, 1).', snippet: 'random()' },
  { name: 'uniform', signature: 'uniform(low = 0, high = 1): number', doc: 'Uniform double in [low, high).', snippet: 'uniform(${1:low}, ${2:high})' },
  { name: 'integers', signature: 'integers(low, high): number', doc: 'Uniform integer in [low, high); high is exclusive.', snippet: 'integers(${1:low}, ${2:high})' },
  { name: 'normal', signature: 'normal(loc = 0, scale = 1): number', doc: 'Normal with mean loc and standard deviation scale.', snippet: 'normal(${1:loc}, ${2:scale})' },
  { name: 'exponential', signature: 'exponential(scale = 1): number', doc: 'Exponential with mean scale (= 1 / rate).', snippet: 'exponential(${1:scale})' },
  { name: 'gamma', signature: 'gamma(shape, scale = 1): number', doc: 'Gamma with mean shape * scale.', snippet: 'gamma(${1:shape}, ${2:scale})' },
  { name: 'beta', signature: 'beta(a, b): number', doc: 'Beta(a, b).', snippet: 'beta(${1:a}, ${2:b})' },
  { name: 'bernoulli', signature: 'bernoulli(p): 0 | 1', doc: '1 with probability p, else 0.', snippet: 'bernoulli(${1:p})' },
  { name: 'binomial', signature: 'binomial(n, p): number', doc: 'Binomial(n, p), exact for any n.', snippet: 'binomial(${1:n}, ${2:p})' },
  { name: 'poisson', signature: 'poisson(lam): number', doc: 'Poisson with mean lam, exact.', snippet: 'poisson(${1:lam})' },
  { name: 'negativeBinomial', signature: 'negativeBinomial(n, p): number', doc: 'Failures before the n-th success.', snippet: 'negativeBinomial(${1:n}, ${2:p})' },
  { name: 'categorical', signature: 'categorical(weights): number', doc: 'An index drawn proportionally to weights.', snippet: 'categorical(${1:weights})' },
  { name: 'split', signature: 'split(): Rng', doc: 'An independent stream.', snippet: 'split()' },
];
