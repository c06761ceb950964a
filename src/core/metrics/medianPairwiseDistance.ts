/**
 * Median of the n(n−1)/2 Euclidean distances between distinct points of a sample (packed row-major),
 * the usual "median heuristic" bandwidth for an RBF kernel. O(n² · dim) time (the median is found by
 * selection, not sorting), O(n²) memory.
 *
 * Edge cases (P10): fewer than 2 points → NaN; any NaN coordinate → NaN; all points equal → 0 (callers
 * that need a positive bandwidth fall back on their own rule). For an even number of pairs the median
 * is the mean of the two middle distances.
 */
export function medianPairwiseDistance(x: Float64Array, n: number, dim: number): number {
  if (x.length !== n * dim) throw new RangeError(`medianPairwiseDistance: expected ${n}·${dim} numbers, got ${x.length}`);
  if (n < 2) return NaN;
  const dists = new Float64Array((n * (n - 1)) / 2);
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let k = 0; k < dim; k++) {
        const d = x[i * dim + k] - x[j * dim + k];
        s += d * d;
      }
      const dist = Math.sqrt(s);
      if (dist !== dist) return NaN;
      dists[p++] = dist;
    }
  }
  const mid = dists.length >> 1;
  const upper = selectInPlace(dists, mid);
  if (dists.length % 2 === 1) return upper;
  // After selection everything before `mid` is ≤ the upper middle: the lower middle is their maximum.
  let lower = -Infinity;
  for (let k = 0; k < mid; k++) if (dists[k] > lower) lower = dists[k];
  return (lower + upper) / 2;
}

/**
 * Hoare's quickselect: reorders `x` so that x[k] is its k-th smallest value, everything before it is
 * ≤ x[k] and everything after is ≥ x[k], and returns x[k]. Expected O(length); middle-of-three pivots
 * keep already-sorted input fast. `x` must hold no NaN.
 */
function selectInPlace(x: Float64Array, k: number): number {
  let lo = 0;
  let hi = x.length - 1;
  while (hi > lo) {
    const m = (lo + hi) >> 1;
    // Order x[lo] ≤ x[m] ≤ x[hi], then partition around x[m].
    if (x[m] < x[lo]) swap(x, m, lo);
    if (x[hi] < x[lo]) swap(x, hi, lo);
    if (x[hi] < x[m]) swap(x, hi, m);
    const pivot = x[m];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (x[i] < pivot) i++;
      while (x[j] > pivot) j--;
      if (i <= j) {
        swap(x, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break; // j < k < i: x[k] equals the pivot
  }
  return x[k];
}

function swap(x: Float64Array, i: number, j: number): void {
  const t = x[i];
  x[i] = x[j];
  x[j] = t;
}
