import { ProjectFileError } from './ProjectFileError.ts';

/**
 * Limits on an imported file's shape, checked before any field is read, so a hostile or broken file
 * cannot exhaust the page (a 300k-entry run history, a string of 100 MB, nesting that overflows a
 * recursive reader). Generous for real projects: a dataset of 2 million states passes.
 */
export const IMPORT_LIMITS = {
  depth: 64,
  arrayItems: 2_000_000,
  stringChars: 5_000_000,
  values: 20_000_000,
} as const;

/** Calibration settings as the UI allows them (CalibrationSettings): a file cannot ask for more. */
export const CALIBRATION_LIMITS: Readonly<Record<'generations' | 'popsize' | 'mc' | 'seed', readonly [number, number]>> = {
  generations: [0, 10_000],
  popsize: [1, 1000],
  mc: [1, 100],
  seed: [0, 2 ** 32 - 1],
};

/** Runs per project and history entries per run a file may hold. */
export const RUN_LIMITS = { runs: 1000, history: 10_000 } as const;

/**
 * Walks a parsed JSON value once and throws a {@link ProjectFileError} at the path of the first part
 * beyond {@link IMPORT_LIMITS}. Recursion is safe: it never goes deeper than the depth limit. The path
 * is built only for the error, so a file of millions of values costs one cheap pass.
 */
export function checkImportLimits(json: unknown, root = '(file)'): void {
  const counter = { values: 0 };
  const problem = walk(json, 0, counter);
  if (problem) throw new ProjectFileError(root + problem.path, problem.message);
}

function walk(v: unknown, depth: number, counter: { values: number }): { path: string; message: string } | null {
  if (++counter.values > IMPORT_LIMITS.values) return { path: '', message: `the file holds more than ${IMPORT_LIMITS.values.toLocaleString('en')} values` };
  if (typeof v === 'string') {
    return v.length > IMPORT_LIMITS.stringChars
      ? { path: '', message: `a text of ${v.length.toLocaleString('en')} characters; at most ${IMPORT_LIMITS.stringChars.toLocaleString('en')} are allowed` }
      : null;
  }
  if (v === null || typeof v !== 'object') return null;
  if (depth >= IMPORT_LIMITS.depth) return { path: '', message: `nested more than ${IMPORT_LIMITS.depth} levels deep` };
  if (Array.isArray(v)) {
    if (v.length > IMPORT_LIMITS.arrayItems) return { path: '', message: `a list of ${v.length.toLocaleString('en')} items; at most ${IMPORT_LIMITS.arrayItems.toLocaleString('en')} are allowed` };
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (x === null || (typeof x !== 'object' && typeof x !== 'string')) {
        if (++counter.values > IMPORT_LIMITS.values) return { path: `[${i}]`, message: `the file holds more than ${IMPORT_LIMITS.values.toLocaleString('en')} values` };
        continue;
      }
      const p = walk(x, depth + 1, counter);
      if (p) return { path: `[${i}]${p.path}`, message: p.message };
    }
    return null;
  }
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    const p = walk((v as Record<string, unknown>)[k], depth + 1, counter);
    if (p) return { path: `.${k}${p.path}`, message: p.message };
  }
  return null;
}

/** A whole number within `[min, max]` (a setting the UI bounds), or a ProjectFileError at `path`. */
export function boundedInt(v: unknown, path: string, [min, max]: readonly [number, number]): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    const got = typeof v === 'number' ? String(v) : v === undefined ? 'nothing' : typeof v;
    throw new ProjectFileError(path, `expected a whole number from ${min} to ${max} (as the studio allows), got ${got}`);
  }
  return v;
}
