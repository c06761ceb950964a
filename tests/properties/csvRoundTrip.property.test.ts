/**
 * Properties of the CSV reader: `datasetToCsv` then `parseTrajectoryCsv` gives back the observed data
 * (ids, splits, variables, values, actions), and on any string at all the reader either succeeds or
 * throws its own DatasetError, never a TypeError or a RangeError from deep inside.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset, SplitName, Trajectory } from '../../src/core/data/Dataset.ts';
import { DatasetError } from '../../src/core/data/DatasetError.ts';
import { datasetToCsv } from '../../src/core/data/datasetToCsv.ts';
import { parseCsvRecords } from '../../src/core/data/parseCsvRecords.ts';
import { parseTrajectoryCsv } from '../../src/core/data/parseTrajectoryCsv.ts';
import { validateDataset } from '../../src/core/data/validateDataset.ts';
import { readDatasetFile } from '../../src/app/model/readDatasetFile.ts';
import { locateJsonSyntaxError } from '../../src/core/data/locateJsonSyntaxError.ts';

const SPLITS: SplitName[] = ['train', 'val', 'test'];
const RESERVED = ['trajectory', 'traj', 'trajectory_id', 'id', 'split', 't', 'action'];

/** Variable names: printable, distinct case-insensitively, not a reserved column, no edge spaces. */
const variableNames = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() === s && s !== '' && !RESERVED.includes(s.toLowerCase())), {
    minLength: 1,
    maxLength: 4,
    selector: (s) => s.toLowerCase(),
  });
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const action = fc.option(finite, { nil: null });

const datasets = variableNames.chain((variables) => {
  const trajectory = fc.integer({ min: 1, max: 5 }).chain((len) =>
    fc.record({
      states: fc.array(fc.tuple(...variables.map(() => finite)), { minLength: len, maxLength: len }),
      actions: fc.array(action, { minLength: len - 1, maxLength: len - 1 }),
    }),
  );
  return fc.record({
    variables: fc.constant(variables),
    train: fc.array(trajectory, { minLength: 1, maxLength: 3 }),
    val: fc.array(trajectory, { maxLength: 2 }),
    test: fc.array(trajectory, { maxLength: 2 }),
    ids: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s && s !== ''), { minLength: 7, maxLength: 7 }),
  });
});

/** What the arbitrary draws: variable names, 7 distinct ids, and per split rows of values. */
type Drawn = { variables: string[]; ids: string[] } & Record<SplitName, { states: number[][]; actions: (number | null)[] }[]>;

function toDataset(g: Drawn): Dataset {
  let k = 0;
  const splits = {} as Record<SplitName, Trajectory[]>;
  for (const s of SPLITS) {
    splits[s] = g[s].map((tr) => ({
      id: g.ids[k++],
      states: tr.states.map((row, t) => Object.fromEntries([['t', t], ...g.variables.map((v, j) => [v, row[j]])])),
      actions: tr.actions,
    }));
  }
  return { format: 'gsim-dataset', version: 1, name: 'p', variables: g.variables, splits };
}

describe('CSV properties', () => {
  it('parseTrajectoryCsv ∘ datasetToCsv is the identity on the observed data', () => {
    fc.assert(
      fc.property(datasets, (g) => {
        const d = toDataset(g);
        const back = parseTrajectoryCsv(datasetToCsv(d));
        expect(back.variables).toEqual(d.variables);
        for (const s of SPLITS) {
          expect(back.splits[s].map((tr) => tr.id)).toEqual(d.splits[s].map((tr) => tr.id));
          back.splits[s].forEach((tr, i) => {
            // -0 is written as "0": compare numerically, not with Object.is.
            tr.states.forEach((st, t) => d.variables.forEach((v) => expect(st[v] === d.splits[s][i].states[t][v]).toBe(true)));
            expect(tr.actions.map((a) => (a === null ? null : a + 0))).toEqual(d.splits[s][i].actions.map((a) => (a === null ? null : a + 0)));
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('validateDataset accepts what JSON round-trips', () => {
    fc.assert(
      fc.property(datasets, (g) => {
        const d = toDataset(g);
        expect(validateDataset(JSON.parse(JSON.stringify(d)))).toEqual(JSON.parse(JSON.stringify(d)));
      }),
      { numRuns: 100 },
    );
  });

  /** Strings biased towards CSV structure: delimiters, quotes, line breaks, numbers, BOM, U+FFFD. */
  const csvish = fc
    .array(fc.oneof(fc.constantFrom(',', ';', '\t', '"', '""', '\n', '\r\n', '\r', 't', 'trajectory', 'split', 'train', 'action', 'x', '\ufeff', '\ufffd', ' ', 'NaN', '1e400', '-'), fc.integer({ min: -5, max: 5 }).map(String), fc.string({ maxLength: 4 })), { maxLength: 40 })
    .map((parts) => parts.join(''));

  it('the CSV reader throws nothing but DatasetError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(csvish, fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 })), (text) => {
        for (const run of [() => parseTrajectoryCsv(text), () => parseCsvRecords(text), () => readDatasetFile('f.csv', text)]) {
          try {
            run();
          } catch (e) {
            expect(e).toBeInstanceOf(DatasetError);
            expect((e as DatasetError).path).not.toBe('');
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('the JSON syntax locator agrees with JSON.parse on valid JSON', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => {
        expect(locateJsonSyntaxError(text)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('the JSON reader throws nothing but DatasetError, with a line and column for syntax errors', () => {
    const jsonish = fc.oneof(
      fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1))),
      fc.json(),
      fc.string({ maxLength: 40 }),
      fc.array(fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', 'true', 'nul', '\\', '\n', ' '), { maxLength: 30 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        let syntaxOk = true;
        try {
          JSON.parse(text);
        } catch {
          syntaxOk = false;
        }
        try {
          readDatasetFile('f.json', text);
        } catch (e) {
          expect(e).toBeInstanceOf(DatasetError);
          if (!syntaxOk) expect((e as DatasetError).message).toMatch(/^Line \d+, column \d+: the file is not (valid JSON|UTF-8)/);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
