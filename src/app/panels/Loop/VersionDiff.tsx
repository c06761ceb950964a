import { useState } from 'react';
import { showVersionDiff } from '../../actions/loopActions.ts';
import { useMonacoBundle } from '../../lib/useMonacoBundle.ts';
import { useStudio } from '../../store/useStudio.ts';

/** Two versions of the lineage side by side in Monaco's diff editor (loaded lazily). */
export function VersionDiff() {
  const diff = useStudio((s) => s.diff);
  const lineage = useStudio((s) => s.lineage);
  const theme = useStudio((s) => s.theme);
  const { bundle, error } = useMonacoBundle();
  const [mounted, setMounted] = useState(false);

  const from = lineage.find((v) => v.id === diff?.from);
  const to = lineage.find((v) => v.id === diff?.to);
  if (!diff || !from || !to) return null;
  return (
    <div className="card" data-testid="loop.diff" data-ready={mounted ? 'true' : 'false'}>
      <div className="card-head">
        <h3>
          Iteration {from.record.iteration} → iteration {to.record.iteration}
        </h3>
        <button className="btn text-small" type="button" onClick={() => showVersionDiff(null)} data-testid="loop.diff.close">
          Close diff
        </button>
      </div>
      <div style={{ height: 380, border: '1px solid var(--border)', borderRadius: 'var(--radius-sm)', overflow: 'hidden' }}>
        {bundle ? (
          <bundle.DiffEditor
            original={from.record.code ?? ''}
            modified={to.record.code ?? ''}
            language="javascript"
            originalModelPath={`file:///gsim/lineage/${from.id}.js`}
            modifiedModelPath={`file:///gsim/lineage/${to.id}.js`}
            theme={theme === 'dark' ? 'vs-dark' : 'vs'}
            options={{ readOnly: true, renderSideBySide: true, minimap: { enabled: false }, automaticLayout: true, scrollBeyondLastLine: false, fontSize: 12 }}
            onMount={() => setMounted(true)}
          />
        ) : error ? (
          <div className="empty-state">The diff editor failed to load: {error}</div>
        ) : (
          <div className="empty-state">
            <span className="spinner" /> Loading the diff editor…
          </div>
        )}
      </div>
    </div>
  );
}
