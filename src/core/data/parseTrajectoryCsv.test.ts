import { describe, expect, it } from 'vitest';
import { DatasetError } from './DatasetError.ts';
import { parseTrajectoryCsv } from './parseTrajectoryCsv.ts';
import { validateDataset } from './validateDataset.ts';

/** `n` trajectories of `len` SIR rows each, comma-separated, header first. */
function sirCsv(n: number, len: number, extra = ''): string {
  const lines = ['trajectory,t,S,I,R' + extra];
  for (let k = 0; k < n; k++) for (let t = 0; t < len; t++) lines.push(`tr${k},${t},${990 - t},${10 + k},${t}`);
  return lines.join('\n') + '\n';
}

function errorOf(text: string): DatasetError {
  try {
    parseTrajectoryCsv(text);
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetError);
    return e as DatasetError;
  }
  throw new Error('parseTrajectoryCsv accepted invalid CSV');
}

describe('parseTrajectoryCsv: reading', () => {
  it('reads trajectories with t, variables and an action column (empty = null; last row ignored)', () => {
    const data = parseTrajectoryCsv('trajectory,t,inventory,backlog,action\na,0,20,0,5\na,1,15,0,\na,2,12,1,3\n', { name: 'mine' });
    expect(data.variables).toEqual(['inventory', 'backlog']);
    expect(data.name).toBe('mine');
    expect(data.env).toBeUndefined();
    const tr = data.splits.train[0];
    expect(tr).toEqual({
      id: 'a',
      states: [{ t: 0, inventory: 20, backlog: 0 }, { t: 1, inventory: 15, backlog: 0 }, { t: 2, inventory: 12, backlog: 1 }],
      actions: [5, null],
    });
    expect(() => validateDataset(data)).not.toThrow();
  });

  it('sorts rows by t within a trajectory and keeps trajectories in order of first appearance', () => {
    const data = parseTrajectoryCsv('id,x,t\nb,1,1\na,5,0\nb,0,0\na,6,1\n');
    expect(data.splits.train.map((tr) => tr.id)).toEqual(['b', 'a']);
    expect(data.splits.train[0].states.map((s) => s.x)).toEqual([0, 1]);
  });

  it.each([
    ['traj', 'traj'],
    ['trajectory_id', 'trajectory_id'],
    ['id', 'ID'],
  ])('accepts %s as the trajectory column (case-insensitive)', (_name, col) => {
    const data = parseTrajectoryCsv(`${col},t,x\nq,0,1\nq,1,2\nr,0,3\nr,1,4\n`);
    expect(data.splits.train.map((tr) => tr.id)).toEqual(['q', 'r']);
    expect(data.variables).toEqual(['x']);
  });

  it('handles a UTF-8 BOM, CRLF line ends, semicolons, quoted fields and decimal commas', () => {
    const text = '\uFEFFtrajectory;t;"x; y";z\r\n"a ""1""";0;"1,5";2\r\na "1";1;3;4e2\r\n';
    const data = parseTrajectoryCsv(text);
    expect(data.variables).toEqual(['x; y', 'z']);
    expect(data.splits.train[0].id).toBe('a "1"');
    expect(data.splits.train[0].states).toEqual([{ t: 0, 'x; y': 1.5, z: 2 }, { t: 1, 'x; y': 3, z: 400 }]);
  });

  it('detects tab delimiters and quoted line breaks', () => {
    const data = parseTrajectoryCsv('trajectory\tt\tx\n"multi\nline"\t0\t1\n"multi\nline"\t1\t2\n');
    expect(data.splits.train[0].id).toBe('multi\nline');
    expect(data.splits.train[0].states.map((s) => s.x)).toEqual([1, 2]);
  });

  it('skips blank rows but keeps spreadsheet row numbers', () => {
    const err = errorOf('trajectory,t,x\n\na,0,1\n,,\na,1,oops\n');
    expect(err.message).toBe('Row 5, column "x": expected a number, got "oops"');
  });

  it('uses the split column (train/val/test, also training/validation/testing)', () => {
    const text = 'trajectory,t,x,split\na,0,1,train\na,1,2,train\nb,0,1,Validation\nb,1,1,validation\nc,0,0,test\nc,1,0,test\n';
    const data = parseTrajectoryCsv(text);
    expect([data.splits.train, data.splits.val, data.splits.test].map((s) => s.map((tr) => tr.id))).toEqual([['a'], ['b'], ['c']]);
    expect(data.warnings).toEqual([]);
  });

  it('without a split column, splits 60/20/20 by a seeded shuffle and says so', () => {
    const a = parseTrajectoryCsv(sirCsv(10, 3), { seed: 4 });
    const b = parseTrajectoryCsv(sirCsv(10, 3), { seed: 4 });
    const ids = (d: typeof a) => [d.splits.train, d.splits.val, d.splits.test].map((s) => s.map((tr) => tr.id));
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a).map((s) => s.length)).toEqual([6, 2, 2]);
    expect(ids(a).flat().sort()).toEqual(Array.from({ length: 10 }, (_, k) => `tr${k}`).sort());
    expect(a.warnings).toEqual(['No split column: the 10 trajectories were shuffled (seed 4) and split 6/2/2 into train/val/test (60/20/20).']);
    const seeds = new Set(Array.from({ length: 5 }, (_, s) => JSON.stringify(ids(parseTrajectoryCsv(sirCsv(10, 3), { seed: s })))));
    expect(seeds.size).toBeGreaterThan(1);
  });

  it('puts at least one trajectory in val and test from three trajectories on', () => {
    const data = parseTrajectoryCsv(sirCsv(3, 2));
    expect([data.splits.train.length, data.splits.val.length, data.splits.test.length]).toEqual([1, 1, 1]);
  });

  it('with fewer than three trajectories and no split column, uses them for every split and warns', () => {
    const data = parseTrajectoryCsv(sirCsv(2, 4));
    for (const split of ['train', 'val', 'test'] as const) expect(data.splits[split].map((tr) => tr.id)).toEqual(['tr0', 'tr1']);
    expect(data.warnings[0]).toMatch(/^Only 2 trajectories and no split column: the same data is used for train, val and test/);
  });

  it('without a trajectory column, reads all rows as one trajectory and warns', () => {
    const data = parseTrajectoryCsv('t,x\n0,1\n1,2\n2,3\n');
    expect(data.splits.train).toHaveLength(1);
    expect(data.splits.train[0].states).toHaveLength(3);
    expect(data.warnings[0]).toMatch(/^No trajectory column/);
  });
});

describe('parseTrajectoryCsv: errors name the row and column', () => {
  it('a bad number: Row 14, column "I"', () => {
    const lines = sirCsv(1, 20).split('\n');
    lines[13] = 'tr0,12,978,abc,12';
    const err = errorOf(lines.join('\n'));
    expect(err.message).toBe('Row 14, column "I": expected a number, got "abc"');
    expect([err.row, err.column, err.path]).toEqual([14, 'I', 'Row 14, column "I"']);
  });

  it.each([
    ['an empty variable cell', 'trajectory,t,x\na,0,\n', 'Row 2, column "x": expected a number, got an empty cell'],
    ['Infinity', 'trajectory,t,x\na,0,Infinity\n', 'Row 2, column "x": expected a number, got "Infinity"'],
    ['a hex number', 'trajectory,t,x\na,0,0x10\n', 'Row 2, column "x": expected a number, got "0x10"'],
    ['a decimal comma with comma delimiters', 'trajectory,t,x\na,0,"1,5"\n', 'Row 2, column "x": expected a number, got "1,5"'],
    ['a bad action', 'trajectory,t,x,action\na,0,1,many\n', 'Row 2, column "action": expected a number or an empty cell (no action), got "many"'],
    ['a fractional t', 'trajectory,t,x\na,0.5,1\n', 'Row 2, column "t": expected an integer time step, got "0.5"'],
    ['an empty t', 'trajectory,t,x\na,,1\n', 'Row 2, column "t": expected an integer time step, got an empty cell'],
    ['an empty trajectory id', 'trajectory,t,x\na,0,1\n,1,2\n', 'Row 3, column "trajectory": expected a trajectory id, got an empty cell'],
    ['a duplicate t', 'trajectory,t,x\na,0,1\na,1,2\nb,0,1\na,1,3\n', 'Row 5, column "t": duplicate t = 1 in trajectory "a" (also on row 3)'],
    ['a gap in t', 'trajectory,t,x\na,0,1\na,1,2\na,3,3\n', 'Row 4, column "t": expected t = 2 next in trajectory "a" (steps must be consecutive), got 3'],
    ['a ragged row (too few cells)', 'trajectory,t,x,y\na,0,1,2\na,1,2\n', 'Row 3, column "y": this cell is missing: expected 4 cells as in the header, got 3'],
    ['a ragged row (too many cells)', 'trajectory,t,x\na,0,1,2\n', 'Row 2, column 4: this cell is extra (no such column in the header): expected 3 cells as in the header, got 4'],
    ['a missing t column', 'trajectory,time,x\na,0,1\n', 'Row 1: no "t" column (time step 0, 1, 2, …); the columns are "trajectory", "time", "x"'],
    ['no variable columns', 'trajectory,t,action\na,0,1\n', 'Row 1: no variable columns: expected at least one column besides the trajectory, t, action and split columns'],
    ['an empty file', '', 'The file is empty: expected a header row and data rows'],
    ['a file of blank lines and a BOM', '\uFEFF\r\n\r\n  \n', 'The file is empty: expected a header row and data rows'],
    ['a header without data rows', 'trajectory,t,x\n', 'Row 2: expected a data row after the header, got none (the file has a header but no data rows)'],
    ['an empty column name', 'trajectory,t,,x\na,0,1,2\n', 'Row 1, column 3: expected a column name, got an empty cell'],
    ['a repeated column name', 'trajectory,t,x,X\na,0,1,2\n', 'Row 1, column "X": the column name appears twice (columns 3 and 4)'],
    ['an unknown split', 'trajectory,t,x,split\na,0,1,dev\n', 'Row 2, column "split": expected train, val or test, got "dev"'],
    ['two splits in one trajectory', 'trajectory,t,x,split\na,0,1,train\na,1,1,test\n', 'Row 3, column "split": expected "train" as on row 2 (one split per trajectory "a"), got "test"'],
    ['no train trajectory in the split column', 'trajectory,t,x,split\na,0,1,val\n', 'Column "split": expected at least one trajectory in the "train" split, got none'],
    ['an unclosed quote', 'trajectory,t,x\n"a,0,1\n', 'Row 2, column 1: a quoted field is never closed (missing ")'],
    ['text after a closing quote', 'trajectory,t,x\n"a"b,0,1\n', 'Row 2, column 1: unexpected text after a closing quote (a quote inside a quoted field must be doubled)'],
  ])('%s', (_what, text, message) => {
    expect(errorOf(text).message).toBe(message);
  });
});
