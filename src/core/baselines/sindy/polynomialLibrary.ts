/**
 * The SINDy candidate library: every monomial of the inputs up to degree 2 — the constant, each input,
 * and each product x_i · x_j (i ≤ j, squares included). With 3 variables and an action that is
 * 1 + 4 + 10 = 15 terms, as in the paper's SINDy baseline (polynomial library of order 2, App. D).
 */
export interface PolynomialLibrary {
  /** Input indices of each term's factors: [] the constant, [i], or [i, j]. */
  readonly terms: readonly (readonly number[])[];
  /** Readable names, e.g. `1`, `S`, `S*I`. */
  readonly names: readonly string[];
  /** The term values for one input row. NOTE: writes into `out` when given. */
  evaluate(input: ArrayLike<number>, out?: Float64Array): Float64Array;
}

/** The degree-≤2 polynomial library over the named inputs. */
export function polynomialLibrary(inputNames: readonly string[]): PolynomialLibrary {
  const n = inputNames.length;
  const terms: number[][] = [[]];
  for (let i = 0; i < n; i++) terms.push([i]);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) terms.push([i, j]);
  const names = terms.map((t) => (t.length === 0 ? '1' : t.map((i) => inputNames[i]).join('*')));
  return {
    terms,
    names,
    evaluate(input, out = new Float64Array(terms.length)) {
      for (let k = 0; k < terms.length; k++) {
        const t = terms[k];
        out[k] = t.length === 0 ? 1 : t.length === 1 ? input[t[0]] : input[t[0]] * input[t[1]];
      }
      return out;
    },
  };
}
