/**
 * The functions and constants an expression may use, captured when this module loads (so a program
 * that later replaces `Math.max` in the same realm cannot change what an expression computes) and kept
 * in null-prototype tables (so `constructor` or `__proto__` is simply not there).
 */

/** Reductions over a time series (a number counts as a series of one), e.g. `sum(turned_away)`. */
export const REDUCTIONS = ['sum', 'mean', 'max', 'min', 'first', 'last', 'count'] as const;
export type Reduction = (typeof REDUCTIONS)[number];

/** `Math.<name>` functions with their argument counts (`Infinity`: any number of arguments, at least one). */
const MATH_ARITY: Readonly<Record<string, number>> = {
  abs: 1, acos: 1, acosh: 1, asin: 1, asinh: 1, atan: 1, atanh: 1, cbrt: 1, ceil: 1, cos: 1, cosh: 1, exp: 1, expm1: 1,
  floor: 1, fround: 1, log: 1, log10: 1, log1p: 1, log2: 1, round: 1, sign: 1, sin: 1, sinh: 1, sqrt: 1, tan: 1, tanh: 1, trunc: 1,
  atan2: 2, pow: 2, max: Infinity, min: Infinity, hypot: Infinity,
};

/** The `Math` functions by name (null prototype). */
export const MATH_FUNCTIONS: Readonly<Record<string, { readonly fn: (...args: number[]) => number; readonly arity: number }>> = Object.freeze(
  Object.assign(
    Object.create(null) as Record<string, { fn: (...args: number[]) => number; arity: number }>,
    Object.fromEntries(Object.keys(MATH_ARITY).map((name) => [name, { fn: (Math as unknown as Record<string, (...a: number[]) => number>)[name], arity: MATH_ARITY[name] }])),
  ),
);

/** The `Math` constants by name (null prototype). */
export const MATH_CONSTANTS: Readonly<Record<string, number>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, number>, {
    PI: Math.PI, E: Math.E, LN2: Math.LN2, LN10: Math.LN10, LOG2E: Math.LOG2E, LOG10E: Math.LOG10E, SQRT2: Math.SQRT2, SQRT1_2: Math.SQRT1_2,
  }),
);

/** Whether `name` is an own entry of a null-prototype table (never an inherited one). */
export function hasEntry(table: object, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, name);
}

/** Applies a reduction to a series; a plain number is its own sum, mean, max, … (`count`: 1 when non-zero). */
export function reduce(kind: Reduction, a: ArrayLike<number>): number {
  const n = a.length;
  switch (kind) {
    case 'sum': {
      let s = 0;
      for (let i = 0; i < n; i++) s += a[i];
      return s;
    }
    case 'mean':
      return n ? reduce('sum', a) / n : NaN;
    case 'max': {
      let m = -Infinity;
      for (let i = 0; i < n; i++) if (a[i] > m) m = a[i];
      return m;
    }
    case 'min': {
      let m = Infinity;
      for (let i = 0; i < n; i++) if (a[i] < m) m = a[i];
      return m;
    }
    case 'first':
      return n ? a[0] : NaN;
    case 'last':
      return n ? a[n - 1] : NaN;
    case 'count': {
      let c = 0;
      for (let i = 0; i < n; i++) if (a[i]) c++;
      return c;
    }
  }
}
