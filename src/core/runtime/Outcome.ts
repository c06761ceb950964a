import type { SimulatorErrorData } from '../sim/SimulatorError.ts';

/**
 * A reply that may carry a simulator failure as data. Errors cross the worker boundary as
 * {@link SimulatorErrorData} because structured cloning drops the `code` of a thrown SimulatorError.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: SimulatorErrorData };
