import { downloadCsv, tableCsv } from '../lib/tableCsv.ts';

/** "CSV" download of a table's data (built on click, so a large table costs nothing until asked). */
export function CsvButton({ fileName, build, testId }: { fileName: string; build: () => { header: string[]; rows: (string | number | null | undefined)[][] }; testId?: string }) {
  return (
    <button
      className="btn text-small" type="button" data-testid={testId} title="Download this table as CSV (full precision)"
      onClick={() => {
        const { header, rows } = build();
        downloadCsv(fileName, tableCsv(header, rows));
      }}
    >
      CSV
    </button>
  );
}
