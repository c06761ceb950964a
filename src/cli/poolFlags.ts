import { availableParallelism } from 'node:os';
import { intFlag, secondsFlag } from './parseFlags.ts';

/**
 * Most worker processes one command may start: each may use its heap limit plus its off-heap limit
 * (1.5 GB by default), so the cap keeps `--workers 256` from taking the machine's memory. Four per
 * core is already past the point where more workers speed anything up.
 */
export const MAX_WORKERS = Math.min(64, Math.max(4, 4 * availableParallelism()));

/** `--workers N`: 1..MAX_WORKERS, default the number of cores. */
export function poolSizeFlag(value: string | undefined): number {
  return intFlag(value, 'workers', availableParallelism(), 1, MAX_WORKERS);
}

/** Longest per-call limit: a day. Node's timers cannot wait longer than 24.8 days (they fire at once instead). */
export const MAX_TIMEOUT_S = 86_400;

/** `--timeout S`: seconds per worker call, at most {@link MAX_TIMEOUT_S}; returned in milliseconds. */
export function timeoutFlag(value: string | undefined, fallbackMs: number): number {
  return secondsFlag(value, 'timeout', fallbackMs, MAX_TIMEOUT_S);
}
