/**
 * Loader's deviance term `bd0(x, m) = x log(x / m) + m - x`, computed without cancellation when x is
 * close to m (where the direct formula subtracts two nearly equal large numbers).
 *
 * With {@link stirlingError} it gives `log P(X = k)` for binomial and Poisson laws to near machine
 * precision however large n or the mean is, which the exact rejection samplers need in their
 * acceptance tests (Loader 2000, "Fast and accurate computation of binomial probabilities").
 *
 * @param x - a count, x ≥ 0
 * @param m - a mean, m > 0
 */
export function saddleDeviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    // With v = (x-m)/(x+m): x log(x/m) = 2x·artanh(v) = 2x(v + v³/3 + v⁵/5 + …) and m - x = -v(x+m),
    // so bd0 = (x-m)·v + 2x(v³/3 + v⁵/5 + …); |v| < 0.1 makes the series converge in a few terms.
    const v = (x - m) / (x + m);
    const v2 = v * v;
    let sum = (x - m) * v;
    let term = 2 * x * v;
    for (let j = 3; ; j += 2) {
      term *= v2;
      const next = sum + term / j;
      if (next === sum) return next;
      sum = next;
    }
  }
  return x === 0 ? m : x * Math.log(x / m) + m - x;
}
