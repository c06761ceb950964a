import { useMemo, useState } from 'react';
import { fitOverlay, posteriorOverlay } from '../../charts/runComparison.ts';
import { SERIES_COLORS } from '../../charts/splitColors.ts';
import { CsvButton } from '../../components/CsvButton.tsx';
import { Plot } from '../../components/Plot.tsx';
import { formatNumber, formatSeconds, formatTime } from '../../lib/format.ts';
import type { FanBand } from '../../model/FanBand.ts';
import type { RunRecord } from '../../model/RunRecord.ts';
import { bestRun } from './bestRun.ts';
import { budgetSummary, METHOD } from './runSummary.ts';
import { TrajectoryPicker } from '../../components/TrajectoryPicker.tsx';

/** A compared run's name in legends and headers: its method and start time, unique within the project. */
function labelOf(r: RunRecord): string {
  return `${METHOD[r.settings.method]} ${formatTime(r.createdAt)}`;
}

/** The rollout fans a run's fit is drawn from: its diagnostics, else (NPE) its posterior predictive. */
function fansOf(r: RunRecord): FanBand[] {
  return r.diagnostics?.fans ?? r.npe?.predictive ?? [];
}

/**
 * Two or more runs side by side (issue #15): their scores in one table with the best marked, their
 * rollout fits on one axis per variable, and their parameters (NPE posteriors as densities, GA / CMA-ES
 * point estimates as lines) on one axis per parameter, with the benchmark's truth where there is one.
 */
export function RunComparison({ runs, truth }: { runs: RunRecord[]; truth: Record<string, number> | null }) {
  const colored = runs.map((r, i) => ({ run: r, label: labelOf(r), color: SERIES_COLORS[i % SERIES_COLORS.length] }));
  const best = bestRun(runs);
  return (
    <div className="card" data-testid="history.comparison">
      <div className="card-head">
        <h3>Comparing {runs.length} runs</h3>
        <CsvButton
          fileName="run-comparison.csv"
          testId="history.comparison.csv"
          build={() => ({
            header: ['run', 'method', 'status', 'budget', 'seconds', 'best fitness', 'rollout W1 (val)', 'W1 (test)'],
            rows: colored.map(({ run: r, label }) => [label, METHOD[r.settings.method], r.status, budgetSummary(r), r.seconds, r.settings.method === 'npe' ? null : r.bestFitness, r.diagnostics?.validation?.rolloutW1, r.diagnostics?.benchmark?.w1]),
          })}
        />
      </div>
      <ScoreTable runs={colored} bestId={best?.id} />
      <p className="text-small muted" data-testid="history.comparison.best">
        {best
          ? `Best: ${labelOf(runs.find((r) => r.id === best.id)!)}, by the lowest ${best.by} (lower is better).`
          : 'No best marked: the runs share no finished W1 score (compute their diagnostics first).'}{' '}
        The best fitness is each search's own training score and compares only runs with the same fitness.
      </p>
      <FitOverlays runs={colored} />
      <ParameterOverlays runs={colored} truth={truth} />
    </div>
  );
}

type Colored = { run: RunRecord; label: string; color: string };

function ScoreTable({ runs, bestId }: { runs: Colored[]; bestId: string | undefined }) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="data" data-testid="history.comparison.scores">
        <thead>
          <tr>
            <th>run</th>
            <th>budget</th>
            <th className="num">time</th>
            <th className="num" title="Training score of a GA or CMA-ES search (lower is better)">best fitness</th>
            <th className="num" title="Rollout Wasserstein-1 distance to the validation trajectories (lower is better)">rollout W1 (val)</th>
            <th className="num" title="Benchmark W1 to the ground truth on test start states (lower is better)">W1 (test)</th>
          </tr>
        </thead>
        <tbody>
          {runs.map(({ run: r, label, color }) => (
            <tr key={r.id} data-testid="history.comparison.row" data-best={r.id === bestId}>
              <td>
                <span className="row" style={{ gap: 6, flexWrap: 'nowrap' }}>
                  <span aria-hidden="true" style={{ width: 12, height: 12, borderRadius: 2, background: color, flex: 'none' }} />
                  {label}
                  {r.id === bestId && <span className="badge ok">best</span>}
                </span>
              </td>
              <td className="text-small">{budgetSummary(r)}</td>
              <td className="num">{formatSeconds(r.seconds)}</td>
              <td className="num">{r.settings.method === 'npe' ? <span className="muted">posterior</span> : formatNumber(r.bestFitness)}</td>
              <td className="num">{formatNumber(r.diagnostics?.validation?.rolloutW1)}</td>
              <td className="num">{formatNumber(r.diagnostics?.benchmark?.w1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FitOverlays({ runs }: { runs: Colored[] }) {
  const ids = useMemo(() => [...new Set(runs.flatMap((c) => fansOf(c.run).map((f) => f.trajectoryId)))], [runs]);
  const [picked, setPicked] = useState<string | null>(null);
  const id = picked && ids.includes(picked) ? picked : ids[0];
  const variables = useMemo(() => [...new Set(runs.flatMap((c) => fansOf(c.run).filter((f) => f.trajectoryId === id).map((f) => f.variable)))], [runs, id]);
  const charts = useMemo(
    () => variables.map((v) => ({ v, chart: fitOverlay(runs.map((c) => ({ label: c.label, color: c.color, band: fansOf(c.run).find((f) => f.trajectoryId === id && f.variable === v) }))) })),
    [runs, id, variables],
  );
  if (ids.length === 0) return <p className="text-small muted">No rollouts to overlay yet: the compared runs have no diagnostics.</p>;
  const missing = runs.filter((c) => !fansOf(c.run).some((f) => f.trajectoryId === id));
  return (
    <>
      <div className="card-head">
        <h4>Rollout fits against observed validation data</h4>
        <TrajectoryPicker ids={ids} value={id} onChange={setPicked} testId="history.comparison.trajectory" />
      </div>
      {missing.length > 0 && <p className="text-small muted">Not drawn (no rollouts on this trajectory): {missing.map((c) => c.label).join(', ')}.</p>}
      <div className="grid-2" style={{ gridTemplateColumns: `repeat(${Math.min(2, charts.length)}, minmax(0, 1fr))` }}>
        {charts.map(({ v, chart }) => (
          <Plot key={v} data={chart.data} layout={chart.layout} label={`Rollouts of ${v} from the compared runs`} testId={`history.comparison.fit.${v}`} height={280} />
        ))}
      </div>
    </>
  );
}

function ParameterOverlays({ runs, truth }: { runs: Colored[]; truth: Record<string, number> | null }) {
  const names = useMemo(() => [...new Set(runs.flatMap((c) => c.run.parameters.map((p) => p.name)))], [runs]);
  const charts = useMemo(
    () =>
      names.map((n) => ({
        n,
        chart: posteriorOverlay(
          n,
          runs.map(({ run: r, label, color }) => {
            const k = r.npe?.posterior.names.indexOf(n) ?? -1;
            return { label, color, samples: r.npe && k >= 0 ? r.npe.samples.map((row) => row[k]) : undefined, point: r.params?.[n] };
          }),
          truth?.[n],
        ),
      })),
    [runs, names, truth],
  );
  if (names.length === 0) return null;
  return (
    <>
      <h4>Parameters: NPE posteriors (densities) and point estimates (dashed){truth ? ', truth in red' : ''}</h4>
      <div className="grid-2" style={{ gridTemplateColumns: `repeat(${Math.min(3, charts.length)}, minmax(0, 1fr))` }}>
        {charts.map(({ n, chart }) => (
          <Plot key={n} data={chart.data} layout={chart.layout} label={`${n} across the compared runs`} testId={`history.comparison.param.${n}`} height={240} />
        ))}
      </div>
    </>
  );
}
