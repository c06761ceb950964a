import type { Dataset } from '../../core/data/Dataset.ts';

/** Ask the import worker to read a user's file (CSV or dataset JSON). */
export interface DatasetImportRequest {
  file: Blob;
  fileName: string;
}

/** Where a failed import went wrong (a DatasetError's fields). */
export interface ImportFailure {
  message: string;
  row?: number;
  column?: string;
  path?: string;
}

/** One numbered line of the file, for showing the offending row of a file too large to edit. */
export interface ExcerptLine {
  row: number;
  text: string;
}

/**
 * The import worker's answer. `text` is the file's content only when small enough to edit in the page
 * (see EDITABLE_MAX_CHARS); a larger file's failure carries the bad row and its neighbours instead.
 */
export type DatasetImportReply =
  | { ok: true; dataset: Dataset; warnings: string[] }
  | { ok: false; failure: ImportFailure; chars: number; text?: string; excerpt?: ExcerptLine[] };

/** Files up to this many characters are kept for fixing in place; larger ones would freeze a textarea. */
export const EDITABLE_MAX_CHARS = 2_000_000;
