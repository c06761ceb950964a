import type { Dataset } from '../../core/data/Dataset.ts';
import { DatasetError } from '../../core/data/DatasetError.ts';
import { lineColumnOf, locateJsonSyntaxError } from '../../core/data/locateJsonSyntaxError.ts';
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
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    // A decoder leaves U+FFFD for bytes that are not UTF-8: say so rather than fail on a later symptom.
    const { line, column } = lineColumnOf(text, bad);
    throw new DatasetError(`Line ${line}, column ${column}: the file is not UTF-8 text (a byte here is not valid UTF-8); save it as UTF-8 and import it again`, { path: `line ${line}`, row: line, column: String(column) });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const where = locateJsonSyntaxError(text);
    if (where) {
      const { line, column, reason } = where;
      throw new DatasetError(`Line ${line}, column ${column}: the file is not valid JSON: ${reason}`, { path: `line ${line}`, row: line, column: String(column) });
    }
    throw new DatasetError(`The file is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, { path: '(file)' });
  }
  return { dataset: validateDataset(json), warnings: [] };
}
