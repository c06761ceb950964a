import { DatasetError } from '../../core/data/DatasetError.ts';
import { EDITABLE_MAX_CHARS, type DatasetImportReply, type ExcerptLine } from '../workers/datasetImportMessages.ts';
import { readDatasetFile } from './readDatasetFile.ts';

/**
 * Reads a file's text into an import reply (what the import worker posts back): the dataset, or the
 * located failure with the text when it is small enough to edit, else an excerpt around the bad row.
 * Errors other than DatasetError are programming errors and propagate.
 */
export function readDatasetImport(fileName: string, text: string): DatasetImportReply {
  try {
    return { ok: true, ...readDatasetFile(fileName, text) };
  } catch (e) {
    if (!(e instanceof DatasetError)) throw e;
    const failure = { message: e.message, row: e.row, column: e.column, path: e.path };
    if (text.length <= EDITABLE_MAX_CHARS) return { ok: false, failure, chars: text.length, text };
    return { ok: false, failure, chars: text.length, excerpt: e.row !== undefined ? excerptAround(text, e.row) : [] };
  }
}

/** Physical lines row − 1 … row + 1 (1-based; CSV rows are lines unless a quoted field spans lines). */
export function excerptAround(text: string, row: number): ExcerptLine[] {
  const out: ExcerptLine[] = [];
  let start = 0;
  for (let line = 1; start <= text.length && line <= row + 1; line++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (line >= row - 1) out.push({ row: line, text: text.slice(start, Math.min(end, start + 500)).replace(/\r$/, '') });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}
