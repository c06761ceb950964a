import type { Dataset } from '../../core/data/Dataset.ts';
import { DatasetError } from '../../core/data/DatasetError.ts';
import { parseTrajectoryCsv } from '../../core/data/parseTrajectoryCsv.ts';
import { validateDataset } from '../../core/data/validateDataset.ts';

/** A dataset read from a file, with notes the import made. */
export interface ReadDataset {
  dataset: Dataset;
  warnings: string[];
}

/** Whether a file holds JSON (by extension, else by its first character). */
function looksLikeJson(fileName: string, text: string): boolean {
  if (/\.json$/i.test(fileName)) return true;
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return false;
  return /^\s*[[{]/.test(text);
}

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Reads trajectories from a CSV or dataset-JSON file. Throws {@link DatasetError} naming the row and
 * column (CSV), the JSON path (dataset JSON), or the line and column of a JSON syntax error.
 * @param fileName used to tell CSV from JSON and to name the dataset.
 * @param text the file's content.
 */
export function readDatasetFile(fileName: string, text: string): ReadDataset {
  const name = fileName.replace(/\.[^.]+$/, '') || 'imported data';
  if (!looksLikeJson(fileName, text)) {
    const { warnings, ...dataset } = parseTrajectoryCsv(text, { name });
    return { dataset, warnings };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(msg);
    if (m) {
      const { line, column } = lineColumn(text, Number(m[1]));
      throw new DatasetError(`Line ${line}, column ${column}: the file is not valid JSON (${msg})`, { path: `line ${line}`, row: line, column: String(column) });
    }
    throw new DatasetError(`The file is not valid JSON: ${msg}`, { path: '(file)' });
  }
  return { dataset: validateDataset(json), warnings: [] };
}
