import { useMemo } from 'react';
import { useStore } from 'zustand';
import { Plot } from '../../components/Plot.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useStudio } from '../../store/useStudio.ts';
import { baselineStore, COMPARISON_SIZES, type ComparisonResult } from './baselineStore.ts';
import { comparisonBars, mlpCurve } from './comparisonCharts.ts';
import { cancelBaselineComparison, COMPARISON_BUDGET, datasetKey, runBaselineComparison } from './runBaselineComparison.ts';

/** The paper's Table 2 layout: one row per model, one column per training-set size, noise floor last. */
function ComparisonTable({ results }: { results: ComparisonResult[] }) {
  const sorted = [...results].sort((a, b) => a.size - b.size);
  const labels = [...new Set(sorted.flatMap((r) => r.rows.map((x) => x.label)))];
  const latest = sorted.at(-1);
  const intervention = results.at(-1)?.intervention;
  return (
    <table className="data" data-testid="baselines.table">
      <thead>
        <tr>
          <th>model</th>
          {sorted.map((r) => (
            <th key={r.size} className="num">test W1, {r.size} traj.</th>
          ))}
          {intervention && <th className="num" title={intervention.description}>error under “{intervention.name}”</th>}
        </tr>
      </thead>
      <tbody>
        {labels.map((label) => {
          const last = latest?.rows.find((x) => x.label === label);
          const kind = sorted.flatMap((r) => r.rows).find((x) => x.label === label)?.kind;
          return (
            <tr key={label} data-testid={`baselines.row.${kind === 'baseline' ? last?.key ?? label : kind}`} className={kind === 'floor' ? 'muted' : undefined}>
              <td>{label}</td>
              {sorted.map((r) => {
                const x = r.rows.find((y) => y.label === label);
                return (
                  <td key={r.size} className="num" data-testid={`baselines.w1.${r.size}`}>
                    {x ? `${formatNumber(x.w1)} ± ${formatNumber(x.w1StdError)}` : '–'}
                  </td>
                );
              })}
              {intervention && (
                <td className="num" title={last?.interventionNote} data-testid="baselines.intervention">
                  {last?.interventionError != null ? formatNumber(last.interventionError) : '–'}
                  {last?.interventionNote ? ' *' : ''}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * Diagnostics: the generated simulator(s) against data-driven baselines (SINDy, an MLP world model
 * trained in a worker with a live curve), by test one-step W1 beside the noise floor, at 10 / 30 / 100
 * training trajectories — the paper's Table 2 on the project's own benchmark data — and, for a
 * benchmark, each model's error under a preset parameter intervention.
 */
export function BaselineComparison() {
  const dataset = useStudio((s) => s.dataset);
  const st = useStore(baselineStore);
  const key = datasetKey(dataset);
  const results = st.datasetKey === key ? st.results : [];
  const running = st.status === 'running';
  const trainCount = dataset?.splits.train.length ?? 0;
  const bars = useMemo(() => (results.length ? comparisonBars(results) : null), [results]);
  const curve = useMemo(() => (st.curve.length ? mlpCurve(st.curve) : null), [st.curve]);
  if (!dataset) return null;
  return (
    <div className="card" data-testid="baselines">
      <div className="card-head">
        <h3>Against data-driven baselines (paper Table 2)</h3>
        <div className="row">
          <label className="row text-small muted" style={{ fontWeight: 550 }}>
            Training trajectories
            <select value={st.size} disabled={running} data-testid="baselines.size" onChange={(e) => baselineStore.setState({ size: Number(e.target.value) })}>
              {COMPARISON_SIZES.map((n) => (
                <option key={n} value={n} disabled={n > trainCount && n !== COMPARISON_SIZES[0]}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          {running ? (
            <button className="btn" type="button" onClick={cancelBaselineComparison} data-testid="baselines.cancel">
              Cancel
            </button>
          ) : (
            <button className="btn primary" type="button" onClick={() => void runBaselineComparison(st.size)} data-testid="baselines.run">
              Train baselines and compare
            </button>
          )}
        </div>
      </div>
      <p className="text-small muted">
        SINDy (sparse regression of the one-step increments on degree-2 terms, with Gaussian noise) and an MLP world model
        (a mixture density network over the increment, trained here with ONNX Runtime) learn x[t+1] ~ p(· | x[t], a[t]) from the
        train split only (a seeded subset of that many trajectories). Each is scored like the generated simulator: test one-step W1 against the ground truth
        ({COMPARISON_BUDGET.states} start states × {COMPARISON_BUDGET.samples} samples), beside the noise floor.
      </p>
      <p className="text-small" data-testid="baselines.whatifNote">
        What-if: parameter interventions (a lockdown, a lead-time change, extra beds) apply to mechanistic simulators only. A
        black-box baseline has no rate or lead time to change, so it can answer only state and action interventions; in the
        last column it answers the preset as if the intervention had not happened.
      </p>
      {running && (
        <p className="text-small" data-testid="baselines.phase" aria-live="polite">
          <span className="spinner" /> {st.phase}
          {st.curve.length > 0 && ` · epoch ${st.curve.length}`}
          {st.provider && ` · ${st.provider}`}
        </p>
      )}
      {st.status === 'cancelled' && st.datasetKey === key && <p className="text-small muted" data-testid="baselines.cancelled">Cancelled.</p>}
      {st.status === 'failed' && st.error && (
        <div className="alert" role="alert" data-testid="baselines.failed">
          {st.error}
        </div>
      )}
      {curve && (running || st.datasetKey === key) && (
        <Plot data={curve.data} layout={curve.layout} label="MLP world model training curve" testId="baselines.curve" height={200} />
      )}
      {results.length > 0 && (
        <>
          <ComparisonTable results={results} />
          <p className="text-small muted">
            ± is one standard error over start states. * the baseline answered without the parameter intervention.
          </p>
          {bars && <Plot data={bars.data} layout={bars.layout} label="Test W1 per model and training-set size" testId="baselines.chart" height={260} />}
        </>
      )}
    </div>
  );
}
