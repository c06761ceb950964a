import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './CliError.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a subcommand's flags strictly (unknown flags and stray arguments are usage errors), with
 * the subcommand's name in messages.
 */
export function parseFlags<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw usageError(`${msg} (see gsim ${command} --help)`);
  }
}

/** A required string flag. */
export function required(value: string | undefined, flag: string, command: string): string {
  if (value === undefined || value === '') throw usageError(`gsim ${command} needs --${flag} (see gsim ${command} --help)`);
  return value;
}

/** An integer flag within [min, max]; `fallback` when absent. */
export function intFlag(value: string | undefined, flag: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer in ${min}..${max}`;
    throw usageError(`--${flag} must be ${range}, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** An optional integer flag: undefined when absent. */
export function optionalIntFlag(value: string | undefined, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  return value === undefined ? undefined : intFlag(value, flag, 0, min, max);
}

/** A positive number of seconds up to `maxSeconds`, returned in milliseconds. */
export function secondsFlag(value: string | undefined, flag: string, fallbackMs: number, maxSeconds = Infinity): number {
  if (value === undefined) return fallbackMs;
  const s = Number(value);
  if (!(s > 0) || !Number.isFinite(s)) throw usageError(`--${flag} must be a positive number of seconds, got ${JSON.stringify(value)}`);
  if (s > maxSeconds) throw usageError(`--${flag} must be at most ${maxSeconds} seconds, got ${JSON.stringify(value)}`);
  return s * 1000;
}

/** A flag holding a JSON object of numbers by name (`--params`, `--warm-start`). */
export function numbersObjectFlag(value: string | undefined, flag: string): Record<string, number> | undefined {
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (e) {
    throw usageError(`--${flag} is not valid JSON (${(e as Error).message}); expected e.g. '{"beta": 0.5}'`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw usageError(`--${flag} must be a JSON object of numbers by parameter name, e.g. '{"beta": 0.5}'`);
  }
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw usageError(`--${flag}: "${k}" must be a finite number, got ${JSON.stringify(v)}`);
  }
  return parsed as Record<string, number>;
}

/** One of a fixed set of values. */
export function choiceFlag<T extends string>(value: string | undefined, flag: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!choices.includes(value as T)) throw usageError(`--${flag} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
  return value as T;
}
