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

/**
 * Splits CSV text into records (RFC 4180): drops a UTF-8 byte-order mark, detects the delimiter as the
 * most frequent of comma, semicolon and tab outside quotes on the first line (comma on a tie or when
 * none occurs), accepts quoted fields with `""` escapes and embedded line breaks, and CRLF, LF or CR
 * line ends. Row numbers count records, as a spreadsheet does (a quoted line break stays inside its
 * row); rows whose cells are all blank are skipped but still counted. A quote inside an unquoted field
 * is kept literally.
 *
 * @throws DatasetError for an unterminated quoted field, or text after a closing quote.
 */
export function parseCsvRecords(text: string): CsvRecords {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(src);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let row = 1;
  let i = 0;
  const n = src.length;

  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) records.push({ row, cells });
    cells = [];
    cell = '';
    row++;
  };

  while (i < n) {
    const ch = src[i];
    if (ch === '"' && cell === '') {
      const startRow = row;
      i++;
      for (;;) {
        if (i >= n) throw new DatasetError(`Row ${startRow}: a quoted field is never closed (missing ")`, { path: `Row ${startRow}`, row: startRow });
        const c = src[i];
        if (c === '"') {
          if (src[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += c;
        i++;
      }
      const next = src[i];
      if (i < n && next !== delimiter && next !== '\n' && next !== '\r') {
        throw new DatasetError(`Row ${row}: unexpected text after a closing quote (a quote inside a quoted field must be doubled)`, { path: `Row ${row}`, row });
      }
      continue;
    }
    if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return { delimiter, records };
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
