import { useMemo, useState } from 'react';
import { computeDiagnostics } from '../actions/diagnosticsActions.ts';
import { setPanel } from '../actions/uiActions.ts';
import { fanChart } from '../charts/fanChart.ts';
import { w1Bars } from '../charts/w1Bars.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { Metric } from '../components/Metric.tsx';
import { Plot } from '../components/Plot.tsx';
import { RunPicker } from '../components/RunPicker.tsx';
import { BaselineComparison } from './Baselines/BaselineComparison.tsx';
import { IdentifiabilityCard } from './Calibrate/IdentifiabilityCard.tsx';
import { SweepResultsCard } from './Sweep/SweepResultsCard.tsx';
import { formatNumber, formatSeconds } from '../lib/format.ts';
import type { RunDiagnostics, RunRecord } from '../model/RunRecord.ts';
import { selectRunsWithParams, selectViewedRun } from '../store/selectors.ts';
import { useStudio } from '../store/useStudio.ts';
import { TrajectoryPicker } from '../components/TrajectoryPicker.tsx';

function Metrics({ d }: { d: RunDiagnostics }) {
  const v = d.validation;
  const b = d.benchmark;
  return (
    <div className="row" style={{ gap: 'var(--space-3)', alignItems: 'stretch' }} data-testid="diagnostics.metrics">
      <Metric label="Energy score (val)" value={formatNumber(v?.energyScore)} hint="one-step, lower is better" testId="diagnostics.energy" />
      <Metric label="Rollout W1 (val)" value={formatNumber(v?.rolloutW1)} hint="mean over time and variables" testId="diagnostics.rolloutW1" />
      {b ? (
        <Metric
          label="Benchmark W1 (test)"
          value={<span data-testid="diagnostics.testW1.value">{formatNumber(b.w1)}</span>}
          hint={
            <>
              vs ground truth · {b.startStates} start states{b.samples ? ` × ${b.samples} samples` : ''}
              {b.floor && (
                <>
                  <br />
                  <span data-testid="diagnostics.testW1.floor" title="The same W1 of the ground truth against itself (other random draws): what no simulator can beat">
                    noise floor {formatNumber(b.floor.w1)} (truth vs itself)
                  </span>
                </>
              )}
            </>
          }
          testId="diagnostics.testW1"
        />
      ) : (
        <Metric label="Benchmark W1 (test)" value="–" hint="needs a built-in ground truth" testId="diagnostics.testW1" />
      )}
      <Metric label="Computed in" value={formatSeconds(d.seconds)} hint="in Web Workers" />
    </div>
  );
}

function PerVariableTable({ d }: { d: RunDiagnostics }) {
  const rows = d.validation?.perVariable ?? [];
  const bench = new Map(d.benchmark?.perVariable.map((x) => [x.name, x.w1]) ?? []);
  const floor = d.benchmark?.floor && new Map(d.benchmark.floor.perVariable.map((x) => [x.name, x.w1]));
  return (
    <table className="data" data-testid="diagnostics.perVariable">
      <thead>
        <tr>
          <th>variable</th>
          <th className="num">one-step MSE (val)</th>
          <th className="num">rollout W1 (val)</th>
          {d.benchmark && <th className="num">W1 (test)</th>}
          {floor && (
            <th className="num" title="W1 (test) of the ground truth against itself: the best any simulator can reach">
              noise floor
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <td className="mono">{r.name}</td>
            <td className="num">{formatNumber(r.mse)}</td>
            <td className="num">{formatNumber(r.w1)}</td>
            {d.benchmark && <td className="num">{formatNumber(bench.get(r.name))}</td>}
            {floor && <td className="num muted" data-testid={`diagnostics.floor.${r.name}`}>{formatNumber(floor.get(r.name))}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Fans({ d }: { d: RunDiagnostics }) {
  const ids = useMemo(() => [...new Set((d.fans ?? []).map((f) => f.trajectoryId))], [d.fans]);
  const [picked, setPicked] = useState<string | null>(null);
  const id = picked && ids.includes(picked) ? picked : ids[0];
  const bands = (d.fans ?? []).filter((f) => f.trajectoryId === id);
  if (ids.length === 0) return null;
  return (
    <div className="card">
      <div className="card-head">
        <h3>Rollouts against observed validation trajectories</h3>
        <TrajectoryPicker ids={ids} value={id} onChange={setPicked} testId="diagnostics.fanPicker" style={{ fontWeight: 550 }} />
      </div>
      <p className="text-small muted" style={{ marginBottom: 'var(--space-2)' }}>
        {d.rollouts} stochastic rollouts from the trajectory's first state, replaying its actions.
      </p>
      <div className="row text-small muted" style={{ gap: 'var(--space-4)', marginBottom: 'var(--space-2)' }} aria-hidden="true">
        <span className="row" style={{ gap: 6 }}>
          <span style={{ width: 18, height: 10, background: 'rgba(59,109,240,0.25)', borderRadius: 2 }} /> 5–95% of rollouts
        </span>
        <span className="row" style={{ gap: 6 }}>
          <span style={{ width: 18, height: 2, background: '#3b6df0' }} /> median rollout
        </span>
        <span className="row" style={{ gap: 6 }}>
          <span style={{ width: 7, height: 7, borderRadius: '50%', background: 'var(--val)' }} /> observed
        </span>
      </div>
      <div className="grid-2" style={{ gridTemplateColumns: `repeat(${Math.min(3, bands.length)}, minmax(0, 1fr))` }}>
        {bands.map((b) => {
          const c = fanChart(b);
          return <Plot key={b.variable} data={c.data} layout={c.layout} label={`Fan chart of ${b.variable}`} testId={`diagnostics.fan.${b.variable}`} height={250} />;
        })}
      </div>
    </div>
  );
}

function Body({ run }: { run: RunRecord }) {
  const d = run.diagnostics;
  const bars = useMemo(() => (d?.status === 'done' ? w1Bars(d) : null), [d]);
  if (!d) {
    return (
      <EmptyState
        title="No diagnostics for this run yet"
        testId="diagnostics.none"
        actions={
          <button className="btn primary" type="button" onClick={() => void computeDiagnostics(run.id)} data-testid="diagnostics.compute">
            Compute diagnostics
          </button>
        }
      >
        {run.status === 'cancelled' ? 'This run was cancelled; its best parameters so far can still be evaluated.' : 'Evaluate the calibrated simulator on the validation (and test) data.'}
      </EmptyState>
    );
  }
  if (d.status === 'pending') {
    return (
      <div className="empty-state" data-testid="diagnostics.pending">
        <span className="spinner" /> Computing metrics and rollouts in the workers…
      </div>
    );
  }
  if (d.status === 'failed') {
    return (
      <div className="alert" role="alert" data-testid="diagnostics.failed">
        <strong>Diagnostics failed.</strong> {d.error}{' '}
        <button className="btn text-small" type="button" onClick={() => void computeDiagnostics(run.id)}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <>
      <Metrics d={d} />
      <IdentifiabilityCard run={run} testId="diagnostics.identifiability" />
      <div className="grid-2">
        <div className="card">
          <h3>Per variable</h3>
          <PerVariableTable d={d} />
        </div>
        <div className="card">
          <h3>W1 per variable</h3>
          {bars && <Plot data={bars.data} layout={bars.layout} label="W1 per variable" testId="diagnostics.w1Bars" height={240} />}
        </div>
      </div>
      <Fans d={d} />
    </>
  );
}

/** Step 5: how well the calibrated simulator matches held-out data (and the ground truth, for benchmarks). */
export function DiagnosticsPanel() {
  const run = useStudio(selectViewedRun);
  const runs = useStudio((s) => selectRunsWithParams(s.runs));
  const shown = run && run.params ? run : (runs[0] ?? null);
  return (
    <section className="panel" data-testid="panel.diagnostics">
      <div className="panel-head">
        <div>
          <h2>Diagnostics</h2>
          <p>Validation metrics need only data; the benchmark W1 compares one-step predictions with the ground truth on test start states.</p>
        </div>
        <div className="row">
          <RunPicker runs={runs} value={shown?.id ?? null} testId="diagnostics.runPicker" />
          {shown?.diagnostics && shown.diagnostics.status !== 'pending' && (
            <button className="btn text-small" type="button" onClick={() => void computeDiagnostics(shown.id)} data-testid="diagnostics.recompute">
              Recompute
            </button>
          )}
        </div>
      </div>
      {shown ? (
        <Body run={shown} />
      ) : (
        <EmptyState
          title="Nothing to diagnose yet"
          testId="diagnostics.empty"
          actions={
            <button className="btn primary" type="button" onClick={() => setPanel('calibrate')}>
              Go to Calibrate
            </button>
          }
        >
          Calibrate the simulator first; its metrics and rollout plots appear here.
        </EmptyState>
      )}
      <BaselineComparison />
      <SweepResultsCard />
    </section>
  );
}
