import { useMemo, useState } from 'react';
import type { Dataset } from '../../../core/data/Dataset.ts';
import type { ParameterSpec } from '../../../core/sim/types.ts';
import { fanChart } from '../../charts/fanChart.ts';
import { Plot } from '../../components/Plot.tsx';
import { formatNumber } from '../../lib/format.ts';
import type { RunRecord } from '../../model/RunRecord.ts';
import { LIVE_BUDGET, useLiveRollouts } from './useLiveRollouts.ts';

export interface SlidersCardProps {
  source: string;
  dataset: Dataset;
  parameters: readonly ParameterSpec[];
  /** The newest calibration of this program, whose values the sliders start from. */
  run: RunRecord | null;
}

/** Where a slider starts: the calibrated value, else the program's init, else the box midpoint. */
function startValue(p: ParameterSpec, run: RunRecord | null): number {
  const v = run?.params?.[p.name];
  if (v !== undefined && Number.isFinite(v)) return Math.min(p.max, Math.max(p.min, v));
  return p.init ?? (p.min + p.max) / 2;
}

/**
 * Live parameter sliders: one per calibrated parameter within its prior bounds. Each move re-simulates
 * rollouts of a data trajectory in a worker and redraws the fan chart, with the validation rollout W1
 * and per-variable one-step MSE beside it.
 */
export function SlidersCard({ source, dataset, parameters, run }: SlidersCardProps) {
  const split = dataset.splits.val.length > 0 ? 'val' : 'train';
  const trajectories = dataset.splits[split];
  const [trajectory, setTrajectory] = useState(0);
  const starts = useMemo(() => Object.fromEntries(parameters.map((p) => [p.name, startValue(p, run)])), [parameters, run]);
  const [moved, setMoved] = useState<Record<string, number>>({});
  // Slider values: the user's moves over the starting values (names the program no longer has drop out).
  const values = useMemo(() => Object.fromEntries(parameters.map((p) => [p.name, moved[p.name] ?? starts[p.name]])), [parameters, moved, starts]);
  const k = Math.min(trajectory, Math.max(0, trajectories.length - 1));
  const live = useLiveRollouts(source, trajectories.length > 0 ? dataset : null, split, k, values);
  const fans = live.result?.fans ?? [];

  return (
    <div className="card" data-testid="explore.sliders">
      <div className="card-head">
        <h3>Live parameters</h3>
        <div className="row text-small muted" style={{ gap: 'var(--space-3)' }}>
          <label className="row" style={{ gap: 6 }}>
            Trajectory
            <select value={k} onChange={(e) => setTrajectory(Number(e.target.value))} data-testid="explore.trajectory">
              {trajectories.slice(0, 20).map((t, i) => (
                <option key={t.id} value={i}>
                  {t.id}
                </option>
              ))}
            </select>
          </label>
          <button className="btn text-small" type="button" onClick={() => setMoved({})} disabled={Object.keys(moved).length === 0} data-testid="explore.reset">
            {run?.params ? 'Reset to calibrated' : 'Reset to init'}
          </button>
        </div>
      </div>
      <div className="explore-body">
        <div className="explore-sliders">
          {parameters.map((p) => {
            const step = (p.max - p.min) / 200;
            return (
              <label key={p.name} className="explore-slider" title={p.description}>
                <span className="row" style={{ justifyContent: 'space-between' }}>
                  <span className="mono">{p.name}</span>
                  <span className="mono" data-testid={`explore.value.${p.name}`}>
                    {formatNumber(values[p.name])}
                  </span>
                </span>
                <input
                  type="range"
                  min={p.min}
                  max={p.max}
                  step={step}
                  value={values[p.name]}
                  onChange={(e) => setMoved((m) => ({ ...m, [p.name]: Number(e.target.value) }))}
                  data-testid={`explore.slider.${p.name}`}
                  aria-label={`${p.name} (${p.min} to ${p.max})`}
                />
                <span className="row text-small muted" style={{ justifyContent: 'space-between' }}>
                  <span>{formatNumber(p.min)}</span>
                  {run?.params?.[p.name] !== undefined && <span>calibrated {formatNumber(run.params[p.name])}</span>}
                  <span>{formatNumber(p.max)}</span>
                </span>
              </label>
            );
          })}
          {parameters.length === 0 && <p className="text-small muted">The program declares no calibrated parameters.</p>}
          <div className="explore-metric" data-testid="explore.metric">
            <span className="label">Rollout W1 ({split})</span>
            <span className="value" data-testid="explore.metric.w1">
              {formatNumber(live.result?.rolloutW1)}
            </span>
            <table className="data text-small">
              <tbody>
                {Object.entries(live.result?.perVariableMse ?? {}).map(([v, mse]) => (
                  <tr key={v}>
                    <td className="mono">{v}</td>
                    <td className="num">MSE {formatNumber(mse)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <span className="hint text-small muted" data-testid="explore.status">
              {live.error ? `Failed: ${live.error}` : live.pending ? 'Simulating…' : live.result ? `updated in ${Math.round(live.result.ms)} ms` : 'Starting the worker…'}
            </span>
          </div>
        </div>
        <div className="explore-fans">
          {fans.map((b) => {
            const c = fanChart(b);
            return <Plot key={b.variable} data={c.data} layout={c.layout} label={`Live fan chart of ${b.variable}`} testId={`explore.fan.${b.variable}`} height={200} />;
          })}
        </div>
      </div>
      <p className="text-small muted">
        {LIVE_BUDGET.rollouts} rollouts from the trajectory's first state with a fixed seed, so only the parameters move the fan; the metric uses up to {LIVE_BUDGET.maxTrajectories} validation
        trajectories.
      </p>
    </div>
  );
}
