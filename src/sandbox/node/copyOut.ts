import { SimulatorError } from '../../core/sim/SimulatorError.ts';

/** Deeper than this is taken for a cycle. */
const MAX_DEPTH = 200;
/** Values (objects, array slots, properties) one returned value may hold. */
export const MAX_RETURNED_VALUES = 1_000_000;

// The host's own typed-array tag getter: the program may have redefined its realm's.
const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), Symbol.toStringTag)!.get!;
const TYPED: Record<string, new (source: ArrayLike<number>) => ArrayLike<number>> = {
  Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array, Uint8ClampedArray,
};

let left = 0;

/**
 * Deep-copies a value a sandboxed program returned into plain host data (objects, arrays, typed
 * arrays, primitives; functions become undefined). The host then never holds the program's objects,
 * so core code that later calls methods on a state (`.map(fn)`) cannot hand a host function to a
 * prototype the program replaced. Throws `SimulatorError('invalid-state')` on cycles and on values with
 * more than `maxValues` entries (default {@link MAX_RETURNED_VALUES}), and on a returned Promise (thenable).
 */
export function copyOut(v: unknown, maxValues = MAX_RETURNED_VALUES): unknown {
  if (typeof v !== 'object' || v === null) return typeof v === 'function' ? undefined : v;
  if (typeof (v as { then?: unknown }).then === 'function') {
    throw new SimulatorError('invalid-state', 'the program returned a Promise: step and initialState must be synchronous (no async/await)');
  }
  left = maxValues;
  return copy(v, 0);
}

function copy(v: unknown, depth: number): unknown {
  if (typeof v !== 'object' || v === null) return typeof v === 'function' ? undefined : v;
  if (--left < 0) throw tooLarge();
  if (depth > MAX_DEPTH) {
    throw new SimulatorError('invalid-state', `the program returned a value nested deeper than ${MAX_DEPTH} levels (a cycle?)`);
  }
  if (Array.isArray(v)) {
    const n = v.length;
    if (!(n <= left)) throw tooLarge();
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = copy(v[i], depth + 1);
    return out;
  }
  if (ArrayBuffer.isView(v)) {
    const C = TYPED[typedArrayTag.call(v) as string];
    if (!C) return undefined;
    const out = new C(v as unknown as ArrayLike<number>);
    left -= out.length;
    if (left < 0) throw tooLarge();
    return out;
  }
  const out: Record<string, unknown> = {};
  const keys = Object.keys(v);
  if (keys.length > left) throw tooLarge();
  for (const k of keys) {
    const value = copy((v as Record<string, unknown>)[k], depth + 1);
    if (k === '__proto__') Object.defineProperty(out, k, { value, writable: true, enumerable: true, configurable: true });
    else out[k] = value;
  }
  return out;
}

function tooLarge(): SimulatorError {
  return new SimulatorError('invalid-state', `the program returned a value with more than ${MAX_RETURNED_VALUES.toLocaleString('en')} entries`);
}
