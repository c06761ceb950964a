import { useMemo } from 'react';
import { selectTrajectory } from '../actions/dataActions.ts';
import { setPanel } from '../actions/uiActions.ts';
import { trajectoryTraces } from '../charts/trajectoryTraces.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { Plot } from '../components/Plot.tsx';
import { selectSplitCounts, selectTrajectoryOptions } from '../store/selectors.ts';
import { useStudio } from '../store/useStudio.ts';

/** Step 2: plots of the observed trajectories per variable, with a trajectory picker. */
export function DataPanel() {
  const dataset = useStudio((s) => s.dataset);
  const loading = useStudio((s) => s.datasetLoading);
  const selected = useStudio((s) => s.selected);
  const options = useStudio((s) => selectTrajectoryOptions(s.dataset));
  const counts = useStudio((s) => selectSplitCounts(s.dataset));

  const plots = useMemo(
    () => (dataset ? dataset.variables.map((v) => ({ variable: v, data: trajectoryTraces(dataset, v, selected) })) : []),
    [dataset, selected],
  );

  if (!dataset) {
    return (
      <section className="panel" data-testid="panel.data">
        <EmptyState
          title={loading ? 'Generating the benchmark data…' : 'No trajectories yet'}
          testId="data.empty"
          actions={
            !loading && (
              <button className="btn primary" type="button" onClick={() => setPanel('knowledge')}>
                Import trajectories
              </button>
            )
          }
        >
          {loading ? 'This takes a second.' : 'Import a CSV or JSON file in the Knowledge step, then come back to see them plotted per variable.'}
        </EmptyState>
      </section>
    );
  }

  const value = selected ? `${selected.split}:${selected.index}` : '';
  const picked = selected ? dataset.splits[selected.split][selected.index] : undefined;

  return (
    <section className="panel" data-testid="panel.data">
      <div className="panel-head">
        <div>
          <h2>Data</h2>
          <p>
            {dataset.name}: {counts.train} train, {counts.val} validation and {counts.test} test trajectories. Calibration fits the train
            split; diagnostics use validation (and test, for the benchmark W1).
          </p>
        </div>
      </div>
      <div className="grid-sidebar">
        <div className="card stack">
          <h3>Trajectory</h3>
          <label className="field" htmlFor="trajectory-picker">
            Highlighted trajectory (↑/↓ to move)
            <select
              id="trajectory-picker"
              size={14}
              value={value}
              data-testid="data.picker"
              onChange={(e) => {
                const [split, index] = e.target.value.split(':');
                selectTrajectory({ split: split as 'train', index: Number(index) });
              }}
              style={{ height: 'auto', padding: 4 }}
            >
              {(['train', 'val', 'test'] as const).map((split) => (
                <optgroup key={split} label={`${split} (${counts[split]})`}>
                  {options
                    .filter((o) => o.split === split)
                    .map((o) => (
                      <option key={`${o.split}:${o.index}`} value={`${o.split}:${o.index}`}>
                        {o.id} · {o.length} states
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
          {picked && (
            <dl className="kv" data-testid="data.pickedInfo">
              <dt>Split</dt>
              <dd>
                <span className={`badge ${selected!.split}`}>{selected!.split}</span>
              </dd>
              <dt>Steps</dt>
              <dd>{picked.states.length - 1}</dd>
              <dt>Actions</dt>
              <dd>{picked.actions.every((a) => a === null) ? 'none' : `${picked.actions.filter((a) => a !== null).length} numeric`}</dd>
            </dl>
          )}
          <p className="text-small muted">Thin lines: the first trajectories of each split, for context. Bold: the one picked.</p>
        </div>
        <div className="stack" style={{ gap: 'var(--space-4)' }}>
          {plots.map((p) => (
            <div className="card" key={p.variable}>
              <h3>{p.variable}</h3>
              <Plot
                data={p.data}
                label={`Trajectories of ${p.variable} over time, coloured by split`}
                testId={`data.plot.${p.variable}`}
                height={230}
                layout={{ xaxis: { title: { text: 'time step' } }, yaxis: { title: { text: p.variable } }, hovermode: 'closest' }}
              />
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}
