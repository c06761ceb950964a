import { useMemo, useState } from 'react';
import { JsonFileButton } from '../../components/JsonFileButton.tsx';
import type { SweepResults } from '../../../core/sweep/SweepResults.ts';
import { sweepTableOf } from '../../../core/sweep/sweepTableOf.ts';
import { formatSeconds } from '../../lib/format.ts';
import { readSweepFile } from './readSweepFile.ts';
import { SweepCellsTable } from './SweepCellsTable.tsx';
import { SweepComparisonTable } from './SweepComparisonTable.tsx';

/**
 * "Open sweep results": reads a `sweep.json` written by `gsim sweep` and shows the comparison of
 * methods × benchmarks (W1 ± std beside the noise floor), then every cell. Nothing is stored: the file
 * stays the record.
 */
export function SweepResultsCard() {
  const [results, setResults] = useState<{ name: string; data: SweepResults } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const table = useMemo(() => (results ? sweepTableOf(results.data) : null), [results]);
  const open = async (file: File) => {
    const r = await readSweepFile(file);
    if (r.ok) {
      setResults({ name: file.name, data: r.results });
      setError(null);
    } else {
      setResults(null);
      setError(r.error);
    }
  };
  const queued = results?.data.cells.filter((c) => c.ranOn === 'queue').length ?? 0;
  return (
    <div className="card" data-testid="sweep">
      <div className="card-head">
        <h3>Sweep results</h3>
        <JsonFileButton className="btn text-small" testId="sweep.open" inputTestId="sweep.input" onFile={(f) => void open(f)}>
          Open sweep results…
        </JsonFileButton>
      </div>
      {error && (
        <div className="alert" role="alert" data-testid="sweep.error">
          {error}
        </div>
      )}
      {!results && !error && <p className="text-small muted">Compare methods across benchmarks from a <span className="mono">gsim sweep</span> run: open its sweep.json.</p>}
      {results && table && (
        <div className="stack" data-testid="sweep.view">
          <p className="text-small muted" data-testid="sweep.summary">
            {results.name}: {results.data.cells.length} of {results.data.total} cells, {formatSeconds(results.data.wallSeconds)} of wall time,{' '}
            {queued === 0 ? 'all run locally' : queued === results.data.cells.length ? 'all run on a queue' : `${queued} run on a queue`}; grid{' '}
            <span className="mono">{results.data.gridHash}</span>
          </p>
          <p className="text-small mono" data-testid="sweep.command">
            {results.data.command}
          </p>
          <p className="text-small">Test-split benchmark W1, mean ± std over seeds (lower is better).</p>
          <div style={{ overflowX: 'auto' }}>
            <SweepComparisonTable table={table} />
          </div>
          <details>
            <summary>Every cell: parameters, time, where it ran</summary>
            <div style={{ overflowX: 'auto' }}>
              <SweepCellsTable cells={results.data.cells} />
            </div>
          </details>
        </div>
      )}
    </div>
  );
}
