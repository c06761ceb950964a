/**
 * The bad-data corpus (tests/baddata/files, expectations in manifest.json): every malformed file must
 * end in one DatasetError naming where (row and column for CSV and JSON syntax, the JSON path for a
 * dataset that parses but breaks the schema); the tricky-but-valid ones must import. Files are decoded
 * as the browser's `File.text()` does (UTF-8, bad bytes → U+FFFD), then read by the studio's importer.
 * The 100 MB case is generated into os.tmpdir() and removed afterwards.
 */
import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/core/data/DatasetError.ts';
import { readDatasetFile } from '../../src/app/model/readDatasetFile.ts';
import { readDatasetImport } from '../../src/app/model/readDatasetImport.ts';
import { EDITABLE_MAX_CHARS } from '../../src/app/workers/datasetImportMessages.ts';
import { bigCsv } from './bigCsv.ts';

interface Case {
  file: string;
  message?: string;
  row?: number;
  column?: string;
  path?: string;
  ok?: { trajectories: number; variables: string[] };
}

const dir = new URL('./files/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')) as { cases: Case[] };
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);
const read = (c: Case) => readDatasetFile(c.file, decode(readFileSync(new URL(c.file, dir))));

function errorOf(run: () => unknown): DatasetError {
  try {
    run();
  } catch (e) {
    if (e instanceof DatasetError) return e;
    throw new Error(`expected a DatasetError, got ${String(e)}`);
  }
  throw new Error('expected a DatasetError, but the file was accepted');
}

describe('bad-data corpus', () => {
  it('has at least 40 error cases and covers CSV and JSON', () => {
    const errors = manifest.cases.filter((c) => !c.ok);
    expect(errors.length).toBeGreaterThanOrEqual(40);
    expect(errors.some((c) => c.file.endsWith('.json'))).toBe(true);
  });

  it.each(manifest.cases.filter((c) => !c.ok).map((c) => [c.file, c] as const))('%s fails with a located error', (_f, c) => {
    const e = errorOf(() => read(c));
    expect(e.message).toContain(c.message!);
    if (c.row !== undefined) {
      expect(e.row).toBe(c.row);
      // The message itself names the row (Row N / Line N), not only the error's fields.
      expect(e.message).toMatch(new RegExp(`^(Row|Line) ${c.row}\\b`));
    }
    if (c.column !== undefined) {
      expect(e.column).toBe(c.column);
      expect(e.message.toLowerCase()).toContain(`column ${/^\d+$/.test(c.column) ? c.column : `"${c.column}"`}`.toLowerCase());
    }
    if (c.path !== undefined) {
      expect(e.path).toBe(c.path);
      expect(e.message.startsWith(`${c.path}: `)).toBe(true);
    }
  });

  it.each(manifest.cases.filter((c) => c.ok).map((c) => [c.file, c] as const))('%s imports', (_f, c) => {
    const { dataset } = read(c);
    const ids = new Set([...dataset.splits.train, ...dataset.splits.val, ...dataset.splits.test].map((t) => t.id));
    expect(ids.size).toBe(c.ok!.trajectories);
    expect(dataset.variables).toEqual(c.ok!.variables);
  });

  it('keeps the first line’s values when a BOM and CRLF are present', () => {
    const { dataset } = read({ file: 'ok-bom.csv' });
    expect(dataset.splits.train[0].states[0]).toEqual({ t: 0, S: 990, I: 10, R: 0 });
    const { dataset: q } = read({ file: 'ok-quoted-id-with-delimiter-and-newline.csv' });
    expect(q.splits.train[0].id).toBe('a, "first"\nline');
  });
});


describe('a 100 MB file', () => {
  // Speed is measured by `npm run bench -- --csv` (bench/csvImport.ts), not asserted here: a timed unit
  // test fails on a busy machine for reasons that are not the importer's. The figures are printed.
  it('imports every trajectory, 60 steps each, into the split its rows name', { timeout: 300_000 }, () => {
    const dirName = mkdtempSync(join(tmpdir(), 'gsim-baddata-'));
    try {
      const file = join(dirName, 'big.csv');
      const big = bigCsv(100e6);
      writeFileSync(file, big.text);
      const text = readFileSync(file, 'utf8');
      const t0 = performance.now();
      const { dataset } = readDatasetFile('big.csv', text);
      const seconds = (performance.now() - t0) / 1000;
      console.log(`100 MB CSV: ${(text.length / 1e6).toFixed(1)} MB parsed in ${seconds.toFixed(1)} s, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
      const trajectories = (big.rows - 1) / 60;
      expect(dataset.splits.train.length + dataset.splits.val.length + dataset.splits.test.length).toBe(trajectories);
      expect(dataset.splits.val.length).toBe(Math.ceil(trajectories / 5)); // bigCsv puts every fifth in val
      expect(dataset.splits.train[0].states).toHaveLength(60);
    } finally {
      rmSync(dirName, { recursive: true, force: true });
    }
  });
});

describe('a file too large to edit in the page', () => {
  // Past EDITABLE_MAX_CHARS the reply carries an excerpt, not the text. Just past that size is the case
  // to test (the same code runs at 100 MB; the 100 MB parse above is the one that costs time).
  it('fails near its end with the row and column, returning no dataset and not keeping the text', () => {
    const { text, rows } = bigCsv(EDITABLE_MAX_CHARS * 1.5, 'traj-x,train,0,990,oops,0,');
    expect(text.length).toBeGreaterThan(EDITABLE_MAX_CHARS);
    // What the import worker posts back to the page.
    const reply = readDatasetImport('big.csv', text);
    if (reply.ok) throw new Error('expected a failure');
    expect(reply.failure).toEqual({ message: `Row ${rows - 6}, column "I": expected a number, got "oops"`, row: rows - 6, column: 'I', path: `Row ${rows - 6}, column "I"` });
    // Too large to edit in the page: no text, the bad row and its neighbours instead.
    expect(reply.text).toBeUndefined();
    expect(reply.chars).toBe(text.length);
    expect(reply.excerpt!.map((l) => l.row)).toEqual([rows - 7, rows - 6, rows - 5]);
    expect(reply.excerpt![1].text).toBe('traj-x,train,0,990,oops,0,');
  });
});
