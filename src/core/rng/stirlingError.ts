/** log(k!) for k < SMALL, summed directly: exact to a few ulps where the series below is too coarse. */
const SMALL = 16;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
const TABLE: number[] = [];
{
  let logFactorial = 0;
  TABLE.push(0); // k = 0 is never asked for (log 0 below); a placeholder keeps indices aligned.
  for (let k = 1; k < SMALL; k++) {
    logFactorial += Math.log(k);
    TABLE.push(logFactorial - (k + 0.5) * Math.log(k) + k - HALF_LOG_2PI);
  }
}

/**
 * The error of Stirling's formula, `log(k!) - [(k + 1/2) log k - k + log(2π)/2]`, for an integer k ≥ 1.
 *
 * Used with {@link saddleDeviance} to evaluate log binomial and Poisson probabilities without the
 * catastrophic cancellation of `log(n!) - log(k!) - log((n-k)!)` at large n (Loader 2000, "Fast and
 * accurate computation of binomial probabilities"). Accurate to about 1e-16 absolute for k ≥ 16
 * (series truncated after the k^-9 term) and to a few ulps of log(15!) below that.
 *
 * @param k - a positive integer
 */
export function stirlingError(k: number): number {
  if (k < SMALL) return TABLE[k];
  const k2 = 1 / (k * k);
  // 1/(12k) - 1/(360k³) + 1/(1260k⁵) - 1/(1680k⁷) + 1/(1188k⁹): the next term is < 2e-16 at k = 16.
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - k2 / 1188) * k2) * k2) * k2) / k;
}
