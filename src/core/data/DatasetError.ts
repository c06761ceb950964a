/**
 * A dataset that cannot be loaded (JSON or CSV), with where the problem is. Loading never half-succeeds:
 * one of these is thrown before anything is returned.
 */
export class DatasetError extends Error {
  /** Location: a JSON path (`splits.train[3].states[12].I`) or, for CSV, `Row 14, column "I"`. */
  readonly path: string;
  /** CSV only: 1-based row number as a spreadsheet shows it (the header is row 1). */
  readonly row?: number;
  /** CSV only: the column's header name. */
  readonly column?: string;

  constructor(message: string, location: { path: string; row?: number; column?: string }) {
    super(message);
    this.name = 'DatasetError';
    this.path = location.path;
    this.row = location.row;
    this.column = location.column;
  }
}

/** A short, quoted rendering of a bad value for error messages. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing (missing)';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  return typeof v === 'object' ? 'an object' : typeof v;
}
