import { createRng } from '../rng/createRng.ts';
import type { Action, State } from '../sim/types.ts';
import type { Dataset, SplitName, Trajectory } from './Dataset.ts';
import { DatasetError, describeValue } from './DatasetError.ts';
import { scanCsvRecords, type CsvRecord, type CsvRecords } from './parseCsvRecords.ts';

/** A dataset read from CSV, with notes on what the import assumed (shown to the user, not saved). */
export type CsvDataset = Dataset & { warnings: string[] };

/** Accepted names of the trajectory-id column, in order of preference (case-insensitive). */
export const TRAJECTORY_COLUMNS = ['trajectory', 'traj', 'trajectory_id', 'id'] as const;

const SPLIT_NAMES: Record<string, SplitName> = {
  train: 'train', training: 'train',
  val: 'val', valid: 'val', validation: 'val',
  test: 'test', testing: 'test',
};

interface Row {
  row: number;
  t: number;
  state: State;
  action: Action;
}

interface Group {
  id: string;
  rows: Row[];
  split?: { name: SplitName; row: number; raw: string };
}

/**
 * Imports trajectories from CSV: one row per trajectory step.
 *
 * Columns (names case-insensitive, any order): a trajectory id (`trajectory`, `traj`, `trajectory_id`
 * or `id`; without one every row belongs to a single trajectory), `t` (required: integer steps,
 * consecutive within a trajectory, rows in any order), optional `action` (a number, empty = null; the
 * action on a trajectory's last row has no next state and is ignored), optional `split`
 * (train/val/test), and every other column is an observed variable (numbers). States hold the
 * variables plus `t`. With a semicolon or tab delimiter a decimal comma (`3,5`) is accepted.
 *
 * Without a split column, trajectories are shuffled with `createRng(seed)` (seed 0 by default) and
 * split 60/20/20 into train/val/test (val and test at least one each); with fewer than three
 * trajectories every trajectory goes to all three splits. Both are reported in `warnings`.
 *
 * @throws DatasetError naming the row (1-based, header = row 1) and column, e.g.
 *   `Row 14, column "I": expected a number, got "abc"`.
 * @example
 * const data = parseTrajectoryCsv('trajectory,t,S,I,R\na,0,990,10,0\na,1,985,14,1\n');
 */
export function parseTrajectoryCsv(text: string, opts: { seed?: number; name?: string } = {}): CsvDataset {
  const warnings: string[] = [];
  // A decoder replaces bytes that are not UTF-8 with U+FFFD; only then are cells checked for it.
  const undecodable = text.includes('\uFFFD');
  let layout: Layout | null = null;
  const groups = new Map<string, Group>();
  scanCsvRecords(text, (rec, delimiter) => {
    if (undecodable) checkDecoded(rec, layout?.header);
    if (!layout) layout = readLayout(rec.cells);
    else readRow(rec, layout, delimiter, groups);
  });
  if (!layout) throw new DatasetError('The file is empty: expected a header row and data rows', { path: '(file)' });
  const { header, idCol, tCol, splitCol, varCols } = layout as Layout;
  if (groups.size === 0) throw new DatasetError('Row 2: expected a data row after the header, got none (the file has a header but no data rows)', { path: 'Row 2', row: 2 });
  if (idCol < 0) warnings.push(`No trajectory column (${TRAJECTORY_COLUMNS.join(', ')}): all rows were read as one trajectory.`);

  const trajectories = [...groups.values()].map((g) => toTrajectory(g, header[tCol]));
  const splits = splitCol >= 0 ? splitsFromColumn([...groups.values()], trajectories, header[splitCol]) : splitsBySeed(trajectories, opts.seed ?? 0, warnings);
  return {
    format: 'gsim-dataset',
    version: 1,
    name: opts.name ?? 'imported CSV',
    variables: varCols.map((k) => header[k]),
    splits,
    warnings,
  };
}

/** Where each kind of column sits in the header. */
interface Layout {
  header: string[];
  idCol: number;
  tCol: number;
  actionCol: number;
  splitCol: number;
  varCols: number[];
}

function readLayout(cells: string[]): Layout {
  const header = readHeader(cells);
  const find = (name: string) => header.findIndex((h) => h.toLowerCase() === name);
  const idCol = TRAJECTORY_COLUMNS.map(find).find((k) => k >= 0) ?? -1;
  const tCol = find('t');
  const actionCol = find('action');
  const splitCol = find('split');
  if (tCol < 0) {
    throw new DatasetError(`Row 1: no "t" column (time step 0, 1, 2, …); the columns are ${header.map((h) => `"${h}"`).join(', ')}`, { path: 'Row 1', row: 1 });
  }
  const varCols = header.map((_, k) => k).filter((k) => k !== idCol && k !== tCol && k !== actionCol && k !== splitCol);
  if (varCols.length === 0) {
    throw new DatasetError('Row 1: no variable columns: expected at least one column besides the trajectory, t, action and split columns', { path: 'Row 1', row: 1 });
  }
  return { header, idCol, tCol, actionCol, splitCol, varCols };
}

/** Reads one data row into its trajectory's group. */
function readRow(rec: CsvRecord, layout: Layout, delimiter: CsvRecords['delimiter'], groups: Map<string, Group>): void {
  const { header, idCol, tCol, actionCol, splitCol, varCols } = layout;
  if (rec.cells.length !== header.length) raggedRow(rec, header);
  const cellAt = (k: number) => ({ raw: rec.cells[k].trim(), where: { row: rec.row, column: header[k] } });
  const id = idCol < 0 ? 'trajectory-0' : cellAt(idCol).raw;
  if (id === '') cellError(cellAt(idCol).where, 'a trajectory id', '');
  const tCell = cellAt(tCol);
  const t = readNumber(tCell.raw, delimiter);
  if (t === undefined || !Number.isInteger(t)) cellError(tCell.where, 'an integer time step', tCell.raw);
  const state: State = { t };
  for (const k of varCols) {
    const c = cellAt(k);
    const v = readNumber(c.raw, delimiter);
    if (v === undefined) cellError(c.where, numberExpected(c.raw), c.raw);
    state[header[k]] = v;
  }
  let action: Action = null;
  if (actionCol >= 0) {
    const c = cellAt(actionCol);
    if (c.raw !== '') {
      const a = readNumber(c.raw, delimiter);
      if (a === undefined) cellError(c.where, `${numberExpected(c.raw)} or an empty cell (no action)`, c.raw);
      action = a;
    }
  }
  let group = groups.get(id);
  if (!group) groups.set(id, (group = { id, rows: [] }));
  if (splitCol >= 0) assignSplit(group, cellAt(splitCol));
  group.rows.push({ row: rec.row, t, state, action });
}

/** A row with fewer or more cells than the header: names the first missing or extra column. */
function raggedRow(rec: CsvRecord, header: string[]): never {
  const got = rec.cells.length;
  const column = got < header.length ? `"${header[got]}"` : String(header.length + 1);
  const what = got < header.length ? 'is missing' : 'is extra (no such column in the header)';
  const path = `Row ${rec.row}, column ${column}`;
  throw new DatasetError(`${path}: this cell ${what}: expected ${header.length} cells as in the header, got ${got}`, {
    path,
    row: rec.row,
    column: got < header.length ? header[got] : column,
  });
}

/** Rejects a cell holding U+FFFD, the mark a UTF-8 decoder leaves for bytes that are not UTF-8. */
function checkDecoded(rec: CsvRecord, header: string[] | undefined): void {
  const k = rec.cells.findIndex((c) => c.includes('\uFFFD'));
  if (k < 0) return;
  const column = header?.[k] ?? String(k + 1);
  const path = `Row ${rec.row}, column ${header?.[k] !== undefined ? `"${column}"` : column}`;
  throw new DatasetError(`${path}: the file is not UTF-8 text (a byte here is not valid UTF-8, shown as \uFFFD); save the file as UTF-8 and import it again`, { path, row: rec.row, column });
}

function readHeader(cells: string[]): string[] {
  const header = cells.map((c) => c.trim());
  const seen = new Map<string, number>();
  header.forEach((h, k) => {
    if (h === '') throw new DatasetError(`Row 1, column ${k + 1}: expected a column name, got an empty cell`, { path: `Row 1, column ${k + 1}`, row: 1 });
    const key = h.toLowerCase();
    if (seen.has(key)) {
      throw new DatasetError(`Row 1, column "${h}": the column name appears twice (columns ${seen.get(key)! + 1} and ${k + 1})`, { path: `Row 1, column "${h}"`, row: 1, column: h });
    }
    seen.set(key, k);
  });
  return header;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A finite decimal number, or undefined. Rejects the empty cell, hex, `Infinity` and `NaN`. */
function readNumber(raw: string, delimiter: CsvRecords['delimiter']): number | undefined {
  const s = delimiter !== ',' && /^[+-]?\d+,\d+$/.test(raw) ? raw.replace(',', '.') : raw;
  if (!NUMBER.test(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

/** What a numeric cell should hold: names the range when the text is a number too large for a double. */
function numberExpected(raw: string): string {
  return NUMBER.test(raw) ? 'a number between -1.8e308 and 1.8e308' : 'a number';
}

function cellError(where: { row: number; column: string }, expected: string, raw: string): never {
  const got = raw === '' ? 'an empty cell' : describeValue(raw);
  const path = `Row ${where.row}, column "${where.column}"`;
  throw new DatasetError(`${path}: expected ${expected}, got ${got}`, { path, row: where.row, column: where.column });
}

function assignSplit(group: Group, cell: { raw: string; where: { row: number; column: string } }): void {
  const name = SPLIT_NAMES[cell.raw.toLowerCase()];
  if (!name) cellError(cell.where, 'train, val or test', cell.raw);
  if (!group.split) group.split = { name, row: cell.where.row, raw: cell.raw };
  else if (group.split.name !== name) {
    cellError(cell.where, `"${group.split.raw}" as on row ${group.split.row} (one split per trajectory "${group.id}")`, cell.raw);
  }
}

/** Sorts a trajectory's rows by t and checks that the steps are distinct and consecutive. */
function toTrajectory(group: Group, tName: string): Trajectory {
  const rows = [...group.rows].sort((a, b) => a.t - b.t || a.row - b.row);
  for (let k = 1; k < rows.length; k++) {
    const prev = rows[k - 1];
    const cur = rows[k];
    const path = `Row ${cur.row}, column "${tName}"`;
    const loc = { path, row: cur.row, column: tName };
    if (cur.t === prev.t) {
      throw new DatasetError(`${path}: duplicate t = ${cur.t} in trajectory "${group.id}" (also on row ${prev.row})`, loc);
    }
    if (cur.t !== prev.t + 1) {
      throw new DatasetError(`${path}: expected t = ${prev.t + 1} next in trajectory "${group.id}" (steps must be consecutive), got ${cur.t}`, loc);
    }
  }
  return { id: group.id, states: rows.map((r) => r.state), actions: rows.slice(0, -1).map((r) => r.action) };
}

function splitsFromColumn(groups: Group[], trajectories: Trajectory[], column: string): Record<SplitName, Trajectory[]> {
  const splits: Record<SplitName, Trajectory[]> = { train: [], val: [], test: [] };
  groups.forEach((g, k) => splits[g.split!.name].push(trajectories[k]));
  if (splits.train.length === 0) {
    throw new DatasetError(`Column "${column}": expected at least one trajectory in the "train" split, got none`, { path: `column "${column}"`, column });
  }
  return splits;
}

function splitsBySeed(trajectories: Trajectory[], seed: number, warnings: string[]): Record<SplitName, Trajectory[]> {
  const n = trajectories.length;
  if (n < 3) {
    warnings.push(`Only ${n} trajector${n === 1 ? 'y' : 'ies'} and no split column: the same data is used for train, val and test, so validation and test scores are not held out.`);
    return { train: [...trajectories], val: [...trajectories], test: [...trajectories] };
  }
  const order = trajectories.map((_, k) => k);
  const rng = createRng(seed);
  for (let k = n - 1; k > 0; k--) {
    const j = rng.integers(0, k + 1);
    [order[k], order[j]] = [order[j], order[k]];
  }
  const nVal = Math.max(1, Math.round(0.2 * n));
  const nTest = Math.max(1, Math.round(0.2 * n));
  const nTrain = n - nVal - nTest;
  // Within a split, keep the file's order: easier to read than the shuffled one.
  const pick = (from: number, to: number) => order.slice(from, to).sort((a, b) => a - b).map((k) => trajectories[k]);
  warnings.push(`No split column: the ${n} trajectories were shuffled (seed ${seed}) and split ${nTrain}/${nVal}/${nTest} into train/val/test (60/20/20).`);
  return { train: pick(0, nTrain), val: pick(nTrain, nTrain + nVal), test: pick(nTrain + nVal, n) };
}
