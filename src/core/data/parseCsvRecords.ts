import { DatasetError } from './DatasetError.ts';

/** One non-blank CSV record with its 1-based row number as a spreadsheet shows it (header = row 1). */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/** The records of a CSV text, the first being the header, and the delimiter detected. */
export interface CsvRecords {
  delimiter: ',' | ';' | '\t';
  records: CsvRecord[];
}

const DELIMITERS = [',', ';', '\t'] as const;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Splits CSV text into records (RFC 4180); see {@link scanCsvRecords} for the rules.
 * @throws DatasetError for an unterminated quoted field, or text after a closing quote.
 */
export function parseCsvRecords(text: string): CsvRecords {
  const records: CsvRecord[] = [];
  const delimiter = scanCsvRecords(text, (rec) => records.push(rec));
  return { delimiter, records };
}

/**
 * Streams the records of CSV text (with the delimiter) to `onRecord` without holding them all (a 100 MB file has millions):
 * drops a UTF-8 byte-order mark, detects the delimiter as the most frequent of comma, semicolon and tab
 * outside quotes on the first line (comma on a tie or when none occurs), accepts quoted fields with
 * `""` escapes and embedded line breaks, and CRLF, LF or CR line ends. Row numbers count records, as a
 * spreadsheet does (a quoted line break stays inside its row); rows whose cells are all blank are
 * skipped but still counted. A quote inside an unquoted field is kept literally.
 *
 * Unquoted fields are cut with `slice` rather than built character by character: the scan is the hot
 * loop of a large import.
 * @returns the delimiter detected.
 * @throws DatasetError (row and 1-based column number) for an unterminated quoted field, or text after
 *   a closing quote.
 */
export function scanCsvRecords(text: string, onRecord: (rec: CsvRecord, delimiter: CsvRecords['delimiter']) => void): CsvRecords['delimiter'] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(src);
  const delim = delimiter.charCodeAt(0);
  const n = src.length;
  let cells: string[] = [];
  let row = 1;
  let i = 0;

  const where = (r: number) => {
    const column = String(cells.length + 1);
    return { path: `Row ${r}, column ${column}`, row: r, column };
  };
  const endRecord = () => {
    let blank = true;
    for (const c of cells) if (c.trim() !== '') blank = false;
    if (!blank) onRecord({ row, cells }, delimiter);
    cells = [];
    row++;
  };

  if (n === 0) return delimiter;
  for (;;) {
    // i is at the start of a field.
    let cell: string;
    if (src.charCodeAt(i) === QUOTE) {
      const startRow = row;
      cell = '';
      let j = i + 1;
      for (;;) {
        const q = src.indexOf('"', j);
        if (q < 0) {
          const loc = where(startRow);
          throw new DatasetError(`Row ${startRow}, column ${loc.column}: a quoted field is never closed (missing ")`, loc);
        }
        cell += src.slice(j, q);
        if (src.charCodeAt(q + 1) === QUOTE) {
          cell += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const next = src.charCodeAt(i);
      if (i < n && next !== delim && next !== LF && next !== CR) {
        const loc = where(row);
        throw new DatasetError(`Row ${row}, column ${loc.column}: unexpected text after a closing quote (a quote inside a quoted field must be doubled)`, loc);
      }
    } else {
      let j = i;
      while (j < n) {
        const c = src.charCodeAt(j);
        if (c === delim || c === LF || c === CR) break;
        j++;
      }
      cell = src.slice(i, j);
      i = j;
    }
    cells.push(cell);
    if (i >= n) {
      endRecord();
      return delimiter;
    }
    const c = src.charCodeAt(i);
    if (c === delim) {
      i++;
      // A delimiter at the very end still opens an (empty) last field.
      if (i >= n) {
        cells.push('');
        endRecord();
        return delimiter;
      }
      continue;
    }
    i += c === CR && src.charCodeAt(i + 1) === LF ? 2 : 1;
    endRecord();
    if (i >= n) return delimiter;
  }
}

function detectDelimiter(src: string): CsvRecords['delimiter'] {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best: CsvRecords['delimiter'] = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
