import { dirname, resolve } from 'node:path';
import { parseSweepGrid } from '../../core/sweep/parseSweepGrid.ts';
import { SweepError } from '../../core/sweep/SweepError.ts';
import type { SweepGrid } from '../../core/sweep/SweepGrid.ts';
import { CliError, usageError } from '../CliError.ts';
import { readText } from '../readSimulator.ts';

/** Largest grid file: a grid is a few hundred bytes; megabytes are a mistake. */
const MAX_GRID_BYTES = 1024 * 1024;

/** The flags that describe a grid on the command line (the alternative to `--grid FILE`). */
export interface GridFlags {
  benchmarks?: string;
  methods?: string;
  seeds?: string;
  budget?: string;
  preset?: string;
  'data-seed'?: string;
  trajectories?: string;
  states?: string;
  samples?: string;
  sims?: string;
}

const GRID_FLAG_KEYS: Record<keyof GridFlags, string> = {
  benchmarks: 'benchmarks', methods: 'methods', seeds: 'seeds', budget: 'budgets', preset: 'preset',
  'data-seed': 'dataSeed', trajectories: 'trajectories', states: 'states', samples: 'samples', sims: 'sims',
};

/**
 * The sweep's grid, from `--grid FILE.json` or from the grid flags (not both), and the directory its
 * dataset and simulator paths are relative to (the grid file's, or the working directory).
 * @throws CliError (exit 2) naming the flag, or the grid file and the JSON path of the problem.
 */
export function readSweepGrid(gridPath: string | undefined, f: GridFlags, cwd: string): { grid: SweepGrid; baseDir: string } {
  const given = (Object.keys(GRID_FLAG_KEYS) as (keyof GridFlags)[]).filter((k) => f[k] !== undefined);
  if (gridPath !== undefined) {
    if (given.length) throw usageError(`--grid cannot be combined with ${given.map((k) => `--${k}`).join(', ')}: put those in the grid file`);
    const text = readText(gridPath, cwd, '--grid', MAX_GRID_BYTES);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new CliError(`--grid file "${gridPath}" is not valid JSON: ${(e as Error).message}`, 2);
    }
    try {
      return { grid: parseSweepGrid(json), baseDir: dirname(resolve(cwd, gridPath)) };
    } catch (e) {
      if (e instanceof SweepError) throw new CliError(`--grid file "${gridPath}": ${e.message}`, 2);
      throw e;
    }
  }
  if (f.benchmarks === undefined || f.methods === undefined || f.seeds === undefined) {
    throw usageError('gsim sweep needs --grid FILE.json, or --benchmarks, --methods and --seeds (see gsim sweep --help)');
  }
  const json: Record<string, unknown> = {};
  for (const k of given) {
    const v = f[k]!;
    const key = GRID_FLAG_KEYS[k];
    if (key === 'benchmarks' || key === 'methods' || key === 'budgets') json[key] = v.split(',').map((s) => s.trim());
    else if (key === 'seeds' || key === 'preset' || (key === 'states' && v === 'all')) json[key] = v;
    else json[key] = /^-?\d+$/.test(v.trim()) ? Number(v) : v;
  }
  try {
    return { grid: parseSweepGrid(json), baseDir: cwd };
  } catch (e) {
    if (e instanceof SweepError) {
      const flag = (Object.keys(GRID_FLAG_KEYS) as (keyof GridFlags)[]).find((k) => e.path.split(/[.[]/)[0] === GRID_FLAG_KEYS[k]);
      throw usageError(flag ? `--${flag}: ${e.message.slice(e.path.length + 2)}` : e.message);
    }
    throw e;
  }
}
