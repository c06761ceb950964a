import type { Action, State } from '../sim/types.ts';
import type { Dataset, EnvId, SplitName, Trajectory } from './Dataset.ts';
import { DatasetError, describeValue } from './DatasetError.ts';

const ENV_IDS: readonly EnvId[] = ['covid', 'supply-chain', 'hospital'];
const SPLITS: readonly SplitName[] = ['train', 'val', 'test'];

/**
 * Checks untrusted JSON (an imported file, a saved project) against the dataset format and returns a
 * fresh {@link Dataset}; throws a {@link DatasetError} naming the path and the expected and actual
 * values at the first problem, e.g. `splits.train[3].states[12].I: expected a finite number, got "abc"`.
 * Nothing is returned unless everything passes (never half-loads).
 *
 * Rules: `format` is "gsim-dataset" and `version` 1; `name` a string; `env`, when present, a built-in
 * id; `seed`, when present, a finite number; `variables` a non-empty list of distinct non-empty
 * strings; every state an object holding every variable as a finite number; `actions` one shorter
 * than `states`, each a finite number or null; at least one train trajectory with at least one state.
 * Documented repairs: a missing `val` or `test` split is read as empty, a missing trajectory `id`
 * becomes `<split>-<index>`. Other keys are ignored. States are kept as given (not copied).
 *
 * @example
 * const data = validateDataset(JSON.parse(text));
 */
export function validateDataset(json: unknown): Dataset {
  const root = object(json, '(root)', 'a dataset object');
  if (root.format !== 'gsim-dataset') fail('format', '"gsim-dataset"', root.format);
  if (root.version !== 1) fail('version', '1', root.version);
  if (typeof root.name !== 'string') fail('name', 'a string', root.name);
  if (root.env !== undefined && !ENV_IDS.includes(root.env as EnvId)) fail('env', `one of ${ENV_IDS.map((e) => `"${e}"`).join(', ')}`, root.env);
  if (root.seed !== undefined && !isFiniteNumber(root.seed)) fail('seed', 'a finite number', root.seed);
  const variables = readVariables(root.variables);
  const rawSplits = object(root.splits, 'splits', 'an object with train, val and test lists');
  const splits = {} as Record<SplitName, Trajectory[]>;
  for (const split of SPLITS) {
    const raw = rawSplits[split];
    if (raw === undefined && split !== 'train') {
      splits[split] = [];
      continue;
    }
    if (!Array.isArray(raw)) fail(`splits.${split}`, 'a list of trajectories', raw);
    splits[split] = raw.map((tr, i) => readTrajectory(tr, `splits.${split}[${i}]`, `${split}-${i}`, variables));
  }
  if (splits.train.length === 0) fail('splits.train', 'at least one trajectory', splits.train);
  // Keys in the README's order, optional ones only when present, so a saved file re-serialises unchanged.
  return {
    format: 'gsim-dataset',
    version: 1,
    name: root.name,
    ...(root.env !== undefined && { env: root.env as EnvId }),
    ...(root.seed !== undefined && { seed: root.seed as number }),
    variables,
    splits,
  };
}

function readVariables(raw: unknown): string[] {
  if (!Array.isArray(raw)) fail('variables', 'a list of variable names', raw);
  if (raw.length === 0) fail('variables', 'at least one variable name', raw);
  const seen = new Set<string>();
  raw.forEach((v, j) => {
    if (typeof v !== 'string' || v === '') fail(`variables[${j}]`, 'a non-empty string', v);
    if (seen.has(v)) fail(`variables[${j}]`, 'a name not listed before', v);
    seen.add(v);
  });
  return [...raw] as string[];
}

function readTrajectory(raw: unknown, path: string, defaultId: string, variables: readonly string[]): Trajectory {
  const tr = object(raw, path, 'a trajectory object { id, states, actions }');
  if (tr.id !== undefined && typeof tr.id !== 'string') fail(`${path}.id`, 'a string', tr.id);
  if (!Array.isArray(tr.states)) fail(`${path}.states`, 'a list of states', tr.states);
  if (tr.states.length === 0) fail(`${path}.states`, 'at least one state', tr.states);
  const states = tr.states as unknown[];
  states.forEach((s, t) => {
    const state = object(s, `${path}.states[${t}]`, 'a state object');
    for (const v of variables) {
      if (!isFiniteNumber(state[v])) fail(`${path}.states[${t}].${v}`, 'a finite number', state[v]);
    }
  });
  if (!Array.isArray(tr.actions)) fail(`${path}.actions`, 'a list of actions (numbers or null)', tr.actions);
  const actions = tr.actions as unknown[];
  if (actions.length !== states.length - 1) {
    fail(`${path}.actions`, `${states.length - 1} actions (states.length - 1)`, `${actions.length}`, true);
  }
  actions.forEach((a, t) => {
    if (a !== null && !isFiniteNumber(a)) fail(`${path}.actions[${t}]`, 'a finite number or null', a);
  });
  return { id: (tr.id as string | undefined) ?? defaultId, states: states as State[], actions: actions as Action[] };
}

function object(v: unknown, path: string, expected: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(path, expected, v);
  return v as Record<string, unknown>;
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Throws the error for `path`; `raw` prints `actual` as is (for counts), else it is described. */
function fail(path: string, expected: string, actual: unknown, raw = false): never {
  const got = raw ? String(actual) : describeValue(actual);
  throw new DatasetError(`${path}: expected ${expected}, got ${got}`, { path });
}
