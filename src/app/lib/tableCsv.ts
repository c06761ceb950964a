/**
 * A table as CSV text (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled;
 * numbers keep full precision (the table on screen rounds them, the file does not).
 * @example
 * tableCsv(['scenario', 'peak'], [['early-strict', 41.5]]); // 'scenario,peak\r\nearly-strict,41.5\r\n'
 */
export function tableCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const field = (v: string | number | null | undefined) => {
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Saves CSV text as a file through a temporary link. */
export function downloadCsv(fileName: string, csv: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  a.download = fileName.endsWith('.csv') ? fileName : `${fileName}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
