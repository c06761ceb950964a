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
 * Walks a parsed JSON value once (iteratively, so depth itself cannot overflow the stack) and throws
 * a {@link ProjectFileError} at the path of the first part beyond {@link IMPORT_LIMITS}.
 */
export function checkImportLimits(json: unknown, root = '(file)'): void {
  const stack: [unknown, string, number][] = [[json, root, 0]];
  let values = 0;
  while (stack.length) {
    const [v, path, depth] = stack.pop()!;
    if (++values > IMPORT_LIMITS.values) throw new ProjectFileError(path, `the file holds more than ${IMPORT_LIMITS.values.toLocaleString('en')} values`);
    if (typeof v === 'string') {
      if (v.length > IMPORT_LIMITS.stringChars) throw new ProjectFileError(path, `a text of ${v.length.toLocaleString('en')} characters; at most ${IMPORT_LIMITS.stringChars.toLocaleString('en')} are allowed`);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= IMPORT_LIMITS.depth) throw new ProjectFileError(path, `nested more than ${IMPORT_LIMITS.depth} levels deep`);
    if (Array.isArray(v)) {
      if (v.length > IMPORT_LIMITS.arrayItems) throw new ProjectFileError(path, `a list of ${v.length.toLocaleString('en')} items; at most ${IMPORT_LIMITS.arrayItems.toLocaleString('en')} are allowed`);
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`, depth + 1]);
    } else {
      for (const [k, x] of Object.entries(v)) stack.push([x, `${path}.${k}`, depth + 1]);
    }
  }
}

/** A whole number within `[min, max]` (a setting the UI bounds), or a ProjectFileError at `path`. */
export function boundedInt(v: unknown, path: string, [min, max]: readonly [number, number]): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    const got = typeof v === 'number' ? String(v) : v === undefined ? 'nothing' : typeof v;
    throw new ProjectFileError(path, `expected a whole number from ${min} to ${max} (as the studio allows), got ${got}`);
  }
  return v;
}
