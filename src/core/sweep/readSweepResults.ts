import { BUDGET_MODES } from '../calibrate/budget.ts';
import { MAX_GRID_STRING, MAX_SWEEP_CELLS, parseSweepGrid } from './parseSweepGrid.ts';
import { describe } from './parseSeedList.ts';
import { SweepError } from './SweepError.ts';
import { SWEEP_METHODS } from './SweepGrid.ts';
import { SWEEP_FORMAT, SWEEP_VERSION, type SweepCellResult, type SweepFloor, type SweepResults } from './SweepResults.ts';

/** Largest results file read: 10,000 cells with parameters fit in a few megabytes. */
export const MAX_SWEEP_FILE_BYTES = 32 * 1024 * 1024;
/** Most fitted parameters one cell may carry. */
const MAX_PARAMS = 200;
/** Longest error message kept from a file. */
const MAX_ERROR_CHARS = 2000;

/**
 * Reads and validates a sweep results file's text (from `gsim sweep`, or any file a user opens in the
 * studio): size, JSON, format and version, the grid (as {@link parseSweepGrid}), and every cell and
 * floor, with limits on counts and string lengths. The result holds plain data only.
 * @throws SweepError naming the JSON path of the first problem.
 */
export function readSweepResults(text: string): SweepResults {
  if (text.length > MAX_SWEEP_FILE_BYTES) throw new SweepError('', `the file is ${(text.length / 1e6).toFixed(1)} MB, over the limit of ${MAX_SWEEP_FILE_BYTES / 1e6} MB`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SweepError('', `not valid JSON (${(e as Error).message})`);
  }
  const o = obj(json, '');
  if (o.format !== SWEEP_FORMAT) throw new SweepError('format', `expected "${SWEEP_FORMAT}" (a file written by gsim sweep), got ${describe(o.format)}`);
  if (o.version !== SWEEP_VERSION) throw new SweepError('version', `expected ${SWEEP_VERSION}, got ${describe(o.version)}`);
  const grid = obj(o.grid, 'grid');
  try {
    parseSweepGrid(grid);
  } catch (e) {
    if (e instanceof SweepError) throw new SweepError(e.path ? `grid.${e.path}` : 'grid', e.message.slice(e.path ? e.path.length + 2 : 0));
    throw e;
  }
  const total = int(o.total, 'total', 0, MAX_SWEEP_CELLS);
  const cells = list(o.cells, 'cells', total).map((c, i) => cell(c, `cells[${i}]`));
  const floors = list(o.floors, 'floors', MAX_SWEEP_CELLS).map((f, i) => floor(f, `floors[${i}]`));
  return {
    format: SWEEP_FORMAT,
    version: SWEEP_VERSION,
    gridHash: str(o.gridHash, 'gridHash', 64),
    grid,
    command: str(o.command, 'command', 10_000),
    total,
    cells,
    floors,
    wallSeconds: num(o.wallSeconds, 'wallSeconds'),
    updatedAt: str(o.updatedAt, 'updatedAt', 64),
  };
}

function cell(v: unknown, at: string): SweepCellResult {
  const c = obj(v, at);
  const val = c.val === null ? null : obj(c.val, `${at}.val`);
  return {
    case: str(c.case, `${at}.case`, MAX_GRID_STRING),
    method: oneOf(c.method, `${at}.method`, SWEEP_METHODS),
    budget: oneOf(c.budget, `${at}.budget`, BUDGET_MODES),
    seed: int(c.seed, `${at}.seed`, 0, 2 ** 32 - 1),
    status: oneOf(c.status, `${at}.status`, ['done', 'failed'] as const),
    params: params(c.params, `${at}.params`),
    testW1: numOrNull(c.testW1, `${at}.testW1`),
    testW1StdError: numOrNull(c.testW1StdError, `${at}.testW1StdError`),
    val: val && {
      energyScore: numOrNull(val.energyScore, `${at}.val.energyScore`),
      mse: numOrNull(val.mse, `${at}.val.mse`),
      rolloutW1: numOrNull(val.rolloutW1, `${at}.val.rolloutW1`),
    },
    seconds: num(c.seconds, `${at}.seconds`),
    failures: int(c.failures, `${at}.failures`, 0, Number.MAX_SAFE_INTEGER),
    ranOn: oneOf(c.ranOn, `${at}.ranOn`, ['local', 'queue'] as const),
    error: c.error === null ? null : str(c.error, `${at}.error`, MAX_ERROR_CHARS),
  };
}

function floor(v: unknown, at: string): SweepFloor {
  const f = obj(v, at);
  return {
    case: str(f.case, `${at}.case`, MAX_GRID_STRING),
    w1: num(f.w1, `${at}.w1`),
    states: int(f.states, `${at}.states`, 0, Number.MAX_SAFE_INTEGER),
    samples: int(f.samples, `${at}.samples`, 0, Number.MAX_SAFE_INTEGER),
    seed: int(f.seed, `${at}.seed`, 0, 2 ** 32 - 1),
  };
}

function params(v: unknown, at: string): Record<string, number> {
  const o = obj(v, at);
  const keys = Object.keys(o);
  if (keys.length > MAX_PARAMS) throw new SweepError(at, `${keys.length} parameters is over the limit of ${MAX_PARAMS}`);
  const out: Record<string, number> = {};
  for (const k of keys) {
    if (k.length > 100) throw new SweepError(at, `a parameter name of ${k.length} characters is over the limit of 100`);
    out[k] = num(o[k], `${at}.${k}`);
  }
  return out;
}

function obj(v: unknown, at: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new SweepError(at, `expected an object, got ${describe(v)}`);
  return v as Record<string, unknown>;
}

function list(v: unknown, at: string, max: number): unknown[] {
  if (!Array.isArray(v)) throw new SweepError(at, `expected an array, got ${describe(v)}`);
  if (v.length > max) throw new SweepError(at, `${v.length} entries is over the limit of ${max}`);
  return v;
}

function str(v: unknown, at: string, max: number): string {
  if (typeof v !== 'string') throw new SweepError(at, `expected a string, got ${describe(v)}`);
  if (v.length > max) throw new SweepError(at, `${v.length} characters is over the limit of ${max}`);
  return v;
}

function num(v: unknown, at: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new SweepError(at, `expected a finite number, got ${describe(v)}`);
  return v;
}

function numOrNull(v: unknown, at: string): number | null {
  return v === null ? null : num(v, at);
}

function int(v: unknown, at: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new SweepError(at, `expected an integer in ${min}..${max}, got ${describe(v)}`);
  return v;
}

function oneOf<T extends string>(v: unknown, at: string, allowed: readonly T[]): T {
  if (!allowed.includes(v as T)) throw new SweepError(at, `expected one of ${allowed.join(', ')}, got ${describe(v)}`);
  return v as T;
}
