import type { SandboxEvaluator } from './SandboxEvaluator.ts';
import { SimulatorError } from './SimulatorError.ts';

/** Name under which programs appear in stack traces; positions are read back from it. */
export const SOURCE_URL = 'gsim-simulator.js';

/**
 * Runs program code, turning anything it throws into a SimulatorError with a source position. What
 * a program throws may come from another realm (the vm sandbox) or be any value at all, so it is read
 * defensively and never with `instanceof Error`.
 */
export function callProgram<T>(fn: () => T, evaluator: SandboxEvaluator, where: string): T {
  try {
    return fn();
  } catch (e) {
    if (isSimulatorError(e)) throw e;
    const thrown = readThrown(e);
    if (thrown.forbidden) throw new SimulatorError('forbidden', thrown.message);
    const pos = positionOf(thrown.stack, evaluator);
    const what = thrown.isError ? `${thrown.name}: ${thrown.message}` : `a non-Error value (${describe(e)})`;
    const at = pos ? ` at line ${pos.line}, column ${pos.column}` : '';
    throw new SimulatorError('runtime', `${where} threw ${what}${at}`, pos);
  }
}

/** `instanceof` that survives a thrown Proxy whose getPrototypeOf trap throws. */
function isSimulatorError(e: unknown): boolean {
  try {
    return e instanceof SimulatorError;
  } catch {
    return false;
  }
}

/** Name of errors the vm sandbox throws for forbidden globals and Math.random (see vmPrelude). */
const FORBIDDEN_ERROR_NAME = 'GsimForbiddenError';

interface Thrown {
  isError: boolean;
  forbidden: boolean;
  name: string;
  message: string;
  stack?: string;
}

/** Reads a thrown value of any realm; getters that throw count as absent. */
function readThrown(e: unknown): Thrown {
  let isError = false;
  try {
    isError = Object.prototype.toString.call(e) === '[object Error]';
  } catch {
    // a Proxy whose traps throw: treated as a non-Error value
  }
  if (!isError) return { isError, forbidden: false, name: '', message: '' };
  const text = (key: string): string | undefined => {
    try {
      const v = (e as Record<string, unknown>)[key];
      return typeof v === 'string' ? v : undefined;
    } catch {
      return undefined;
    }
  };
  const name = text('name') ?? 'Error';
  return { isError, forbidden: name === FORBIDDEN_ERROR_NAME, name, message: text('message') ?? '', stack: text('stack') };
}

function positionOf(stack: string | undefined, evaluator: SandboxEvaluator): { line: number; column: number } | undefined {
  if (!stack) return undefined;
  const m = new RegExp(`${SOURCE_URL.replace('.', '\\.')}:(\\d+):(\\d+)`).exec(stack);
  if (!m) return undefined;
  return { line: Number(m[1]) - evaluator.lineOffset(), column: Number(m[2]) };
}

/** A short description of a value a program produced; never throws, whatever the value's getters do. */
export function describe(v: unknown): string {
  try {
    return describeUnsafe(v);
  } catch {
    return 'an object';
  }
}

function describeUnsafe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function') return 'a Promise (step must be synchronous)';
  return typeof v === 'object' ? 'an object' : typeof v;
}
