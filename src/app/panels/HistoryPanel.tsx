import { useState } from 'react';
import { selectRun } from '../actions/calibrationActions.ts';
import { restoreVersion } from '../actions/codeActions.ts';
import { setPanel } from '../actions/uiActions.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { formatNumber, formatSeconds, formatTime } from '../lib/format.ts';
import type { RunRecord } from '../model/RunRecord.ts';
import { selectTruth, selectViewedRun } from '../store/selectors.ts';
import { useStudio } from '../store/useStudio.ts';
import { RunComparison } from './History/RunComparison.tsx';
import { budgetSummary, METHOD } from './History/runSummary.ts';

const BADGE: Record<RunRecord['status'], string> = { running: 'run', done: 'ok', cancelled: '', failed: 'err', interrupted: '' };

/**
 * The run's own score: the best one-step fitness of a GA / CMA-ES search. NPE fits no fitness (its
 * loss is a training loss, not comparable), so its cell says so; the W1 columns compare all methods.
 */
function FitCell({ r }: { r: RunRecord }) {
  if (r.settings.method === 'npe') {
    return (
      <td className="num muted" title="NPE has no fitness: compare runs by the rollout W1 columns">
        posterior
      </td>
    );
  }
  return <td className="num">{formatNumber(r.bestFitness)}</td>;
}

function paramsSummary(r: RunRecord): string {
  if (!r.params) return '–';
  return Object.entries(r.params)
    .map(([k, v]) => `${k}=${formatNumber(v)}`)
    .join(', ');
}

/** Every calibration of the project with code hash, method, parameters, metrics and time. */
export function HistoryPanel() {
  const runs = useStudio((s) => s.runs);
  const viewed = useStudio(selectViewedRun);
  const versions = useStudio((s) => s.versions);
  const truth = useStudio(selectTruth);
  // Ticked runs, kept in the order they were ticked (that order colours them in the comparison).
  const [compared, setCompared] = useState<string[]>([]);
  const comparedRuns = compared.map((id) => runs.find((r) => r.id === id)).filter((r): r is RunRecord => r !== undefined);
  const toggle = (id: string) => setCompared((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const open = (id: string, panel: 'calibrate' | 'diagnostics') => {
    selectRun(id);
    setPanel(panel);
  };
  return (
    <section className="panel" data-testid="panel.history">
      <div className="panel-head">
        <div>
          <h2>Run history</h2>
          <p>Every calibration of this project, newest first. Select a run to see its plots; restore the code it ran to continue from it; tick two or more to compare them.</p>
        </div>
      </div>
      {runs.length === 0 ? (
        <EmptyState
          title="No runs yet"
          testId="history.empty"
          actions={
            <button className="btn primary" type="button" onClick={() => setPanel('calibrate')}>
              Calibrate
            </button>
          }
        >
          Each calibration is recorded here with the code it ran, its settings and its metrics.
        </EmptyState>
      ) : (
        <>
          <div className="card" style={{ overflowX: 'auto' }}>
            <table className="data" data-testid="history.table">
              <thead>
                <tr>
                  <th title="Tick two or more runs to compare them">compare</th>
                  <th>started</th>
                  <th>method</th>
                  <th>status</th>
                  <th>code</th>
                  <th>budget</th>
                  <th>parameters</th>
                  <th className="num" title="Best one-step fitness of a GA or CMA-ES search (lower is better)">best fitness</th>
                  <th className="num">rollout W1 (val)</th>
                  <th className="num">W1 (test)</th>
                  <th className="num">time</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr
                    key={r.id}
                    className={`clickable${viewed?.id === r.id ? ' selected' : ''}`}
                    data-testid="history.row"
                    data-status={r.status}
                    tabIndex={0}
                    aria-selected={viewed?.id === r.id}
                    onClick={() => selectRun(r.id)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') open(r.id, r.diagnostics ? 'diagnostics' : 'calibrate');
                      if (e.key === ' ') {
                        e.preventDefault();
                        selectRun(r.id);
                      }
                    }}
                  >
                    <td onClick={(e) => e.stopPropagation()}>
                      <input
                        type="checkbox"
                        checked={compared.includes(r.id)}
                        onChange={() => toggle(r.id)}
                        onKeyDown={(e) => e.stopPropagation()}
                        aria-label={`Compare the run of ${formatTime(r.createdAt)}`}
                        data-testid="history.compare"
                      />
                    </td>
                    <td>{formatTime(r.createdAt)}</td>
                    <td>{METHOD[r.settings.method]}</td>
                    <td>
                      <span className={`badge ${BADGE[r.status]}`}>{r.status}</span>
                    </td>
                    <td className="mono" title={r.codeHash}>
                      {r.codeHash.slice(0, 7)}
                    </td>
                    <td className="text-small" data-testid="history.budget">
                      {budgetSummary(r)}
                    </td>
                    <td className="text-small mono">{paramsSummary(r)}</td>
                    <FitCell r={r} />
                    <td className="num">{formatNumber(r.diagnostics?.validation?.rolloutW1)}</td>
                    <td className="num">{formatNumber(r.diagnostics?.benchmark?.w1)}</td>
                    <td className="num">{formatSeconds(r.seconds)}</td>
                    <td>
                      <div className="row" style={{ flexWrap: 'nowrap' }}>
                        <button className="btn text-small" type="button" onClick={(e) => (e.stopPropagation(), open(r.id, 'calibrate'))}>
                          Calibration
                        </button>
                        <button className="btn text-small" type="button" disabled={!r.params} onClick={(e) => (e.stopPropagation(), open(r.id, 'diagnostics'))}>
                          Diagnostics
                        </button>
                        <button
                          className="btn text-small ghost"
                          type="button"
                          title="Load the code this run calibrated into the editor"
                          disabled={!versions.some((v) => v.hash === r.codeHash)}
                          onClick={(e) => {
                            e.stopPropagation();
                            restoreVersion(r.codeHash);
                            setPanel('code');
                          }}
                        >
                          Restore code
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {comparedRuns.length === 1 && <p className="text-small muted" data-testid="history.compareHint">Tick one more run to compare.</p>}
          {comparedRuns.length >= 2 && <RunComparison runs={comparedRuns} truth={truth} />}
        </>
      )}
    </section>
  );
}
