import type { BenchmarkW1Part } from './benchmarkW1States.ts';

/** The benchmark W1 (decision B3), averaged over start states. */
export interface BenchmarkW1Result {
  /** Mean over start states of the exact multivariate W1 (the paper's test metric). */
  w1: number;
  /** Standard error of that mean over start states (sd / √states; NaN below 2 states). */
  w1StdError: number;
  /** Mean 1-D W1 per variable. */
  perVariableW1: Record<string, number>;
  /** Mean unbiased MMD² (RBF, median-heuristic bandwidth; see {@link benchmarkW1States}). */
  mmd: number;
  statesUsed: number;
  samples: number;
  /** Per-state W1, by ascending transition index (for histograms and the worst states). */
  stateIndices: Int32Array;
  perStateW1: Float64Array;
}

/**
 * Combines per-state parts (from one or many workers) into the benchmark result. States are sorted by
 * transition index before averaging, so the result is bit-identical however the states were split.
 * A state that appears in two parts is a caller error (RangeError). No states → NaN averages.
 * O(states · (dim + log states)).
 */
export function combineBenchmarkW1(parts: readonly BenchmarkW1Part[]): BenchmarkW1Result {
  const variables = parts.length > 0 ? parts[0].variables : [];
  const samples = parts.length > 0 ? parts[0].samples : 0;
  const dim = variables.length;
  const rows: { s: number; part: BenchmarkW1Part; q: number }[] = [];
  for (const part of parts) {
    if (part.variables.join('\u0000') !== variables.join('\u0000') || part.samples !== samples) {
      throw new RangeError('combineBenchmarkW1: parts disagree on variables or samples');
    }
    for (let q = 0; q < part.stateIndices.length; q++) rows.push({ s: part.stateIndices[q], part, q });
  }
  rows.sort((x, y) => x.s - y.s);
  const n = rows.length;
  const stateIndices = new Int32Array(n);
  const perStateW1 = new Float64Array(n);
  const perVar = new Float64Array(dim);
  let w1 = 0;
  let mmd = 0;
  for (let r = 0; r < n; r++) {
    const { s, part, q } = rows[r];
    if (r > 0 && stateIndices[r - 1] === s) throw new RangeError(`combineBenchmarkW1: state ${s} appears twice`);
    stateIndices[r] = s;
    perStateW1[r] = part.w1[q];
    w1 += part.w1[q];
    mmd += part.mmd[q];
    for (let j = 0; j < dim; j++) perVar[j] += part.perVariableW1[q * dim + j];
  }
  const mean = w1 / n;
  let ss = 0;
  for (let r = 0; r < n; r++) ss += (perStateW1[r] - mean) ** 2;
  const perVariableW1: Record<string, number> = {};
  variables.forEach((v, j) => (perVariableW1[v] = perVar[j] / n));
  return {
    w1: mean,
    w1StdError: n >= 2 ? Math.sqrt(ss / (n - 1) / n) : NaN,
    perVariableW1,
    mmd: mmd / n,
    statesUsed: n,
    samples,
    stateIndices,
    perStateW1,
  };
}
