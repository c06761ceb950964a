import { SweepError } from './SweepError.ts';

/** Most seeds one sweep may list: 5 is the paper's; thousands are a typo (1..10000) or an attack. */
export const MAX_SEEDS = 1000;

/**
 * Seeds written as `1..5`, `1,2,7` or a mix (`1..3,10`), or as a JSON array of integers. Duplicates
 * are an error (a cell would run twice); order is kept.
 * @throws SweepError naming `path` and the bad part.
 */
export function parseSeedList(value: unknown, path: string): number[] {
  const seeds: number[] = [];
  const add = (n: number, what: string) => {
    if (!Number.isSafeInteger(n) || n < 0 || n > 2 ** 32 - 1) throw new SweepError(path, `seed ${what} must be an integer in 0..4294967295`);
    if (seeds.includes(n)) throw new SweepError(path, `seed ${n} is listed twice`);
    seeds.push(n);
    if (seeds.length > MAX_SEEDS) throw new SweepError(path, `more than ${MAX_SEEDS} seeds`);
  };
  if (Array.isArray(value)) {
    if (value.length > MAX_SEEDS) throw new SweepError(path, `${value.length} seeds is more than ${MAX_SEEDS}`);
    value.forEach((v, i) => {
      if (typeof v !== 'number') throw new SweepError(`${path}[${i}]`, `expected an integer seed, got ${describe(v)}`);
      add(v, String(v));
    });
  } else if (typeof value === 'string') {
    for (const part of value.split(',').map((p) => p.trim())) {
      const range = /^(\d+)\s*\.\.\s*(\d+)$/.exec(part);
      if (range) {
        const [from, to] = [Number(range[1]), Number(range[2])];
        if (to < from) throw new SweepError(path, `range "${part}" runs backwards`);
        if (to - from >= MAX_SEEDS) throw new SweepError(path, `range "${part}" holds more than ${MAX_SEEDS} seeds`);
        for (let s = from; s <= to; s++) add(s, String(s));
      } else if (/^\d+$/.test(part)) add(Number(part), part);
      else throw new SweepError(path, `"${part.slice(0, 40)}" is neither a seed nor a range like 1..5`);
    }
  } else {
    throw new SweepError(path, `expected seeds like "1..5" or [1, 2, 3], got ${describe(value)}`);
  }
  if (seeds.length === 0) throw new SweepError(path, 'no seeds');
  return seeds;
}

/** A short rendering of a bad value for messages (never the whole value). */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  return typeof v === 'object' ? 'an object' : typeof v;
}
