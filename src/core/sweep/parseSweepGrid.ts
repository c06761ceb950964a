import { BUDGET_MODES, type BudgetMode } from '../calibrate/budget.ts';
import { listEnvironments } from '../envs/environments.ts';
import { describe, parseSeedList } from './parseSeedList.ts';
import { SweepError } from './SweepError.ts';
import { SWEEP_DEFAULTS, SWEEP_METHODS, sweepCells, type SweepCase, type SweepGrid } from './SweepGrid.ts';

/** Most cells one sweep may hold: 3 benchmarks × 3 methods × 5 seeds is 45; a million is a typo. */
export const MAX_SWEEP_CELLS = 10_000;
/** Longest case name or file path in a grid. */
export const MAX_GRID_STRING = 500;

const KEYS = ['benchmarks', 'datasets', 'methods', 'seeds', 'budgets', 'preset', 'dataSeed', 'trajectories', 'states', 'samples', 'sims'] as const;

/**
 * Validates a sweep grid (the JSON of `gsim sweep --grid FILE`, or the one a results file stores) and
 * fills in the defaults. The file format:
 *
 * ```json
 * { "benchmarks": ["covid", "hospital"], "datasets": [{ "name": "mine", "data": "mine.csv", "sim": "mine.js" }],
 *   "methods": ["ga", "cmaes", "npe"], "seeds": "1..5", "budgets": ["converge"], "preset": null,
 *   "dataSeed": 1, "trajectories": 100, "states": 1000, "samples": 200, "sims": null }
 * ```
 * Only `methods`, `seeds` and one of `benchmarks` / `datasets` are required.
 * @throws SweepError with the JSON path of the first problem (unknown keys included: a typo must not
 *   silently fall back to a default).
 */
export function parseSweepGrid(json: unknown): SweepGrid {
  const o = object(json, '');
  for (const k of Object.keys(o)) {
    if (!(KEYS as readonly string[]).includes(k)) throw new SweepError(k, `unknown key (expected one of ${KEYS.join(', ')})`);
  }
  const envIds: string[] = listEnvironments().map((e) => e.id);
  const cases: SweepCase[] = [];
  const addCase = (c: SweepCase, path: string) => {
    if (cases.some((d) => d.name === c.name)) throw new SweepError(path, `case name ${JSON.stringify(c.name)} is used twice: rows must have distinct names`);
    cases.push(c);
  };
  array(o.benchmarks ?? [], 'benchmarks').forEach((b, i) => {
    const env = text(b, `benchmarks[${i}]`);
    if (!envIds.includes(env)) throw new SweepError(`benchmarks[${i}]`, `unknown benchmark ${describe(env)}: expected one of ${envIds.join(', ')}`);
    addCase({ kind: 'benchmark', name: env, env }, `benchmarks[${i}]`);
  });
  array(o.datasets ?? [], 'datasets').forEach((d, i) => {
    const at = `datasets[${i}]`;
    const e = object(d, at);
    for (const k of Object.keys(e)) if (!['name', 'data', 'sim'].includes(k)) throw new SweepError(`${at}.${k}`, 'unknown key (expected name, data, sim)');
    const data = text(e.data, `${at}.data`);
    const sim = text(e.sim, `${at}.sim`);
    addCase({ kind: 'dataset', name: e.name === undefined ? data : text(e.name, `${at}.name`), data, sim }, at);
  });
  if (cases.length === 0) throw new SweepError('benchmarks', 'the grid has no cases: name benchmarks and/or datasets');
  const methods = choices(o.methods, 'methods', SWEEP_METHODS);
  const budgets = o.budgets === undefined ? (['converge'] as BudgetMode[]) : choices(o.budgets, 'budgets', BUDGET_MODES);
  if (o.seeds === undefined) throw new SweepError('seeds', 'missing (e.g. "1..5")');
  const grid: SweepGrid = {
    cases,
    methods,
    seeds: parseSeedList(o.seeds, 'seeds'),
    budgets,
    preset: presetOf(o.preset),
    dataSeed: integer(o.dataSeed, 'dataSeed', SWEEP_DEFAULTS.dataSeed, 0, 2 ** 32 - 1),
    trajectories: integer(o.trajectories, 'trajectories', SWEEP_DEFAULTS.trajectories, 2, 100_000),
    states: o.states === null || o.states === 'all' ? null : integer(o.states, 'states', SWEEP_DEFAULTS.states, 1, 1_000_000),
    samples: integer(o.samples, 'samples', SWEEP_DEFAULTS.samples, 1, 100_000),
    sims: o.sims === null || o.sims === undefined ? null : integer(o.sims, 'sims', 0, 20, 1_000_000),
  };
  const n = sweepCells(grid).length;
  if (n > MAX_SWEEP_CELLS) throw new SweepError('', `the grid holds ${n} cells, over the limit of ${MAX_SWEEP_CELLS}`);
  return grid;
}

/** The grid in its file format (what {@link parseSweepGrid} reads back to the same grid). */
export function gridToJson(grid: SweepGrid): Record<string, unknown> {
  return {
    benchmarks: grid.cases.filter((c) => c.kind === 'benchmark').map((c) => c.env),
    datasets: grid.cases.filter((c) => c.kind === 'dataset').map((c) => ({ name: c.name, data: c.data, sim: c.sim })),
    methods: grid.methods,
    seeds: grid.seeds,
    budgets: grid.budgets,
    preset: grid.preset,
    dataSeed: grid.dataSeed,
    trajectories: grid.trajectories,
    states: grid.states,
    samples: grid.samples,
    sims: grid.sims,
  };
}

function object(v: unknown, path: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new SweepError(path, `expected an object, got ${describe(v)}`);
  return v as Record<string, unknown>;
}

function array(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new SweepError(path, `expected an array, got ${describe(v)}`);
  if (v.length > MAX_SWEEP_CELLS) throw new SweepError(path, `${v.length} entries is over the limit of ${MAX_SWEEP_CELLS}`);
  return v;
}

function text(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new SweepError(path, `expected a non-empty string, got ${describe(v)}`);
  if (v.length > MAX_GRID_STRING) throw new SweepError(path, `${v.length} characters is over the limit of ${MAX_GRID_STRING}`);
  return v;
}

function choices<T extends string>(v: unknown, path: string, allowed: readonly T[]): T[] {
  const list = array(v, path);
  if (list.length === 0) throw new SweepError(path, `empty: expected some of ${allowed.join(', ')}`);
  const out: T[] = [];
  list.forEach((x, i) => {
    if (!allowed.includes(x as T)) throw new SweepError(`${path}[${i}]`, `expected one of ${allowed.join(', ')}, got ${describe(x)}`);
    if (out.includes(x as T)) throw new SweepError(`${path}[${i}]`, `${describe(x)} is listed twice`);
    out.push(x as T);
  });
  return out;
}

function presetOf(v: unknown): 'paper' | null {
  if (v === undefined || v === null) return null;
  if (v !== 'paper') throw new SweepError('preset', `expected "paper" or null, got ${describe(v)}`);
  return v;
}

function integer(v: unknown, path: string, fallback: number, min: number, max: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new SweepError(path, `expected an integer in ${min}..${max}, got ${describe(v)}`);
  return v;
}
