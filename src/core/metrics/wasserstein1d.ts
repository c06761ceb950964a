/**
 * 1-Wasserstein distance between two 1-D empirical distributions with uniform weights, whose sizes may
 * differ: W1 = ∫₀¹ |F⁻¹(u) − G⁻¹(u)| du over the sorted quantile functions. The quantile steps
 * change at u = i/na and j/nb; they are merged by integer comparison (i·nb vs j·na), so no rounding
 * enters the breakpoints. O((na + nb) log(na + nb)) for the sorts; the inputs are not modified.
 *
 * Edge cases (P10): either side empty → NaN; one sample each → |a₀ − b₀|; any NaN → NaN; ±Infinity on
 * one side only → Infinity (on both sides at the same quantile → NaN, as Infinity − Infinity);
 * identical multisets in any order → 0; symmetric; finite as long as the largest difference is
 * (|x| up to ~1e307).
 *
 * @example
 * wasserstein1d([0, 1], [0, 1, 2, 3]); // 1
 */
export function wasserstein1d(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const na = a.length;
  const nb = b.length;
  if (na === 0 || nb === 0) return NaN;
  const sa = sortedCopy(a);
  if (sa === null) return NaN;
  const sb = sortedCopy(b);
  if (sb === null) return NaN;
  // Walk both quantile functions; the current step ends at min((i+1)/na, (j+1)/nb), compared as
  // integers (i+1)·nb vs (j+1)·na on the common denominator na·nb.
  // Each term is weighted before summing so that huge magnitudes cannot overflow the running sum.
  const denom = na * nb;
  let i = 0;
  let j = 0;
  let prev = 0;
  let sum = 0;
  while (i < na && j < nb) {
    const ea = (i + 1) * nb;
    const eb = (j + 1) * na;
    const end = ea < eb ? ea : eb;
    sum += ((end - prev) / denom) * Math.abs(sa[i] - sb[j]);
    prev = end;
    if (ea === end) i++;
    if (eb === end) j++;
  }
  return sum;
}

/** A sorted Float64Array copy, or null when a value is NaN (so NaN can propagate). */
function sortedCopy(x: ArrayLike<number>): Float64Array | null {
  const out = new Float64Array(x.length);
  for (let k = 0; k < x.length; k++) {
    const v = x[k];
    if (v !== v) return null;
    out[k] = v;
  }
  return out.sort();
}
