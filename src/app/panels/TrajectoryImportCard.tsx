import { useState, type ReactNode } from 'react';
import { cancelPendingImport, confirmPendingImport, importTrajectories, importTrajectoryFile, undoImport } from '../actions/dataActions.ts';
import { setPanel } from '../actions/uiActions.ts';
import { FileDrop } from '../components/FileDrop.tsx';
import { selectSplitCounts } from '../store/selectors.ts';
import type { PendingImport } from '../store/dataSlice.ts';
import { useStudio } from '../store/useStudio.ts';
import { ImportProblemView } from './ImportProblemView.tsx';

const list = (names: string[]) => names.map((n) => <code key={n}>{n}</code>).reduce<ReactNode[]>((acc, el, i) => (i ? [...acc, ', ', el] : [el]), []);

/** A valid file whose variables are not the project's: what differs and what replacing means, with a choice. */
function ConfirmImport({ pending }: { pending: PendingImport }) {
  const n = pending.dataset.splits.train.length + pending.dataset.splits.val.length + pending.dataset.splits.test.length;
  return (
    <div className="alert stack" role="alertdialog" aria-label="Replace the data?" data-testid="data.confirmImport">
      <strong>
        {pending.fileName} ({n} trajectories) observes other variables than this project.
      </strong>
      <span className="text-small">
        {pending.added.length > 0 && <>New: {list(pending.added)}. </>}
        {pending.missing.length > 0 && <>Missing: {list(pending.missing)}. </>}
        The simulator was written for the current variables: after replacing, it must return the new ones, and calibrations and diagnostics
        of the current data no longer apply. You can undo the import afterwards.
      </span>
      <span className="row">
        <button className="btn danger" type="button" onClick={confirmPendingImport} data-testid="data.confirmImport.replace">
          Replace the data
        </button>
        <button className="btn" type="button" onClick={cancelPendingImport} data-testid="data.confirmImport.cancel">
          Keep the current data
        </button>
      </span>
    </div>
  );
}

/** The project's trajectories: what is loaded, and importing CSV or JSON. */
export function TrajectoryImportCard() {
  const dataset = useStudio((s) => s.dataset);
  const origin = useStudio((s) => s.datasetOrigin);
  const loading = useStudio((s) => s.datasetLoading);
  const problem = useStudio((s) => s.importProblem);
  const pending = useStudio((s) => s.pendingImport);
  const undo = useStudio((s) => s.importUndo);
  const counts = useStudio((s) => selectSplitCounts(s.dataset));
  const length = dataset?.splits.train[0]?.states.length ?? 0;
  // The file being read in the import worker (large files take seconds); the page stays usable meanwhile.
  const [reading, setReading] = useState<string | null>(null);
  const onFile = (f: File) => {
    setReading(f.name);
    void importTrajectoryFile(f).finally(() => setReading((r) => (r === f.name ? null : r)));
  };

  return (
    <div className="card" data-testid="data.import">
      <div className="card-head">
        <h3>Trajectories</h3>
        {dataset && (
          <button className="btn text-small" type="button" onClick={() => setPanel('data')}>
            View plots →
          </button>
        )}
      </div>
      {loading ? (
        <p className="row muted">
          <span className="spinner" /> Generating the benchmark data from its ground truth…
        </p>
      ) : dataset ? (
        <div className="stack" style={{ marginBottom: 'var(--space-3)' }} data-testid="data.summary">
          <div className="row">
            <strong>{dataset.name}</strong>
            {origin?.kind === 'generated' && <span className="badge">generated · seed {origin.seed}</span>}
            {origin?.kind === 'imported' && <span className="badge">imported · {origin.fileName}</span>}
          </div>
          <div className="row">
            <span className="badge train">train {counts.train}</span>
            <span className="badge val">val {counts.val}</span>
            <span className="badge test">test {counts.test}</span>
            <span className="muted text-small">{length} states each (first train trajectory)</span>
          </div>
        </div>
      ) : (
        <p className="muted text-small" style={{ marginBottom: 'var(--space-3)' }}>
          No trajectories yet. Import a CSV (one row per step: <code>trajectory, t, variables…, action, split</code>) or a dataset JSON.
        </p>
      )}
      {reading && (
        <p className="row muted text-small" role="status" data-testid="data.reading">
          <span className="spinner" /> Reading {reading}…
        </p>
      )}
      <FileDrop accept=".csv,.tsv,.txt,.json,text/csv,application/json" onFile={onFile} buttonLabel="Choose a file…" testId="data.drop">
        <span>{dataset ? 'Replace the data: drop' : 'Drop'} a CSV or JSON file here</span>
      </FileDrop>
      {pending && <ConfirmImport pending={pending} />}
      {undo && !pending && (
        <p className="row text-small" data-testid="data.undoImportRow">
          <span className="muted">Imported {undo.fileName}, replacing the previous data.</span>
          <button className="btn text-small" type="button" onClick={undoImport} data-testid="data.undoImport">
            Undo import
          </button>
        </p>
      )}
      {problem && <ImportProblemView problem={problem} onRetry={(text) => void importTrajectories(problem.fileName, text)} />}
    </div>
  );
}
