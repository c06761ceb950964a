import type { ParameterSpec } from '../sim/types.ts';

declare const unitBrand: unique symbol;
declare const physicalBrand: unique symbol;

/**
 * A parameter vector in the normalised search box [-1, 1]^n (paper section A), in `parameters` order.
 * Branded so it cannot be handed to a simulator by mistake (style P7).
 */
export type UnitParams = Float64Array & { readonly [unitBrand]: true };

/** A parameter vector in physical units (the program's own scale), in `parameters` order. */
export type Params = Float64Array & { readonly [physicalBrand]: true };

/** Brands a vector as unit-box coordinates. NOTE: no copy; the caller vouches for the space. */
export function asUnitParams(values: Float64Array): UnitParams {
  return values as UnitParams;
}

/** Brands a vector as physical parameter values. NOTE: no copy; the caller vouches for the space. */
export function asParams(values: Float64Array): Params {
  return values as Params;
}

/**
 * Encodes physical values into the unit box: `2 (v - lo) / (hi - lo) - 1`, the exact inverse of
 * {@link paramsFromUnit} inside the box. Values outside `[lo, hi]` map outside [-1, 1] (not clipped),
 * so callers that need a point in the box clip explicitly.
 *
 * @param parameters the simulator's parameters (bounds `min`/`max`, `min < max`).
 * @param values physical values in `parameters` order.
 * @example
 * paramsToUnit([{ name: 'beta', min: 0, max: 2 }], [0.5]); // Float64Array [-0.5]
 */
export function paramsToUnit(parameters: readonly ParameterSpec[], values: ArrayLike<number>): UnitParams {
  const out = new Float64Array(parameters.length);
  for (let k = 0; k < parameters.length; k++) {
    const { min, max } = parameters[k];
    out[k] = (2 * (values[k] - min)) / (max - min) - 1;
  }
  return out as UnitParams;
}

/**
 * Decodes unit-box coordinates into physical values as the authors' code does:
 * `lo + (hi - lo) * (clip(p, -1, 1) + 1) / 2`. Clipping means every decoded vector lies in the prior
 * box whatever the search did; NaN decodes to the box midpoint (a guard: it never occurs in our searches).
 *
 * @param parameters the simulator's parameters.
 * @param unit coordinates in `parameters` order.
 * @example
 * paramsFromUnit([{ name: 'gamma', min: 0, max: 1 }], asUnitParams(Float64Array.of(1.7))); // [1]
 */
export function paramsFromUnit(parameters: readonly ParameterSpec[], unit: ArrayLike<number>): Params {
  const out = new Float64Array(parameters.length);
  for (let k = 0; k < parameters.length; k++) {
    const { min, max } = parameters[k];
    const p = unit[k];
    const c = p > 1 ? 1 : p < -1 ? -1 : p === p ? p : 0;
    out[k] = min + ((max - min) * (c + 1)) / 2;
  }
  return out as Params;
}

/** Clamps every coordinate into [-1, 1]. NOTE: mutates and returns `x`. */
export function clipToUnitBox<T extends Float64Array>(x: T): T {
  for (let k = 0; k < x.length; k++) x[k] = x[k] > 1 ? 1 : x[k] < -1 ? -1 : x[k];
  return x;
}
