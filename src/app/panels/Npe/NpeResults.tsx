import { useMemo, useState } from 'react';
import { exportNpeOnnx, runBudgetComparison } from '../../actions/npeActions.ts';
import { useNpeLive } from '../../actions/npeLive.ts';
import { cornerPlot, CORNER_MAX } from '../../charts/cornerPlot.ts';
import { fanChart } from '../../charts/fanChart.ts';
import { budgetMarginals, trainingCurve } from '../../charts/npeCharts.ts';
import { CsvButton } from '../../components/CsvButton.tsx';
import { Plot } from '../../components/Plot.tsx';
import { BUDGET_STEPS, type NpeRunSummary } from '../../model/NpeRun.ts';
import type { RunRecord } from '../../model/RunRecord.ts';
import { NpeProgress } from './NpeProgress.tsx';
import { PointEstimateLine } from './PointEstimateLine.tsx';
import { PosteriorTable } from './PosteriorTable.tsx';
import { SbcCard } from './SbcCard.tsx';

/** The Calibrate panel's body for an NPE run: progress, training curve, posterior, SBC, predictive check. */
export function NpeResults({ run, truth }: { run: RunRecord; truth: Record<string, number> | null }) {
  const curve = useMemo(() => trainingCurve(run.history), [run.history]);
  const npe = run.npe;
  return (
    <>
      <NpeProgress run={run} />
      <div className="card">
        <h3>Training curve</h3>
        {run.history.length > 0 ? (
          <Plot data={curve.data} layout={curve.layout} label="Training and validation loss per epoch" testId="npe.trainingCurve" height={220} />
        ) : (
          <p className="muted text-small" style={{ height: 220 }}>Training starts once the simulations are done; its loss per epoch appears here.</p>
        )}
      </div>
      {npe && <Posterior run={run} npe={npe} truth={truth} />}
    </>
  );
}

/** Parameters whose true value lies outside the posterior's 5–95 % interval. */
function outsideInterval(npe: NpeRunSummary, truth: Record<string, number> | null): string[] {
  const p = npe.posterior;
  return truth ? p.names.filter((n, k) => truth[n] !== undefined && (truth[n] < p.q05[k] || truth[n] > p.q95[k])) : [];
}

function Posterior({ run, npe, truth }: { run: RunRecord; npe: NpeRunSummary; truth: Record<string, number> | null }) {
  const names = npe.posterior.names;
  const bounds = names.map((n) => run.parameters.find((p) => p.name === n) ?? { min: -Infinity, max: Infinity });
  const corner = useMemo(() => cornerPlot({ names, bounds, samples: npe.samples, truth }), [npe.samples, truth]);
  const busy = useNpeLive((s) => s.budgetsFor !== null);
  const [budgetParam, setBudgetParam] = useState(0);
  const budgetChart = useMemo(
    () => (npe.budgets ? budgetMarginals(names[budgetParam], budgetParam, npe.budgets, truth?.[names[budgetParam]]) : null),
    [npe.budgets, budgetParam, truth],
  );
  const size = Math.min(names.length, CORNER_MAX);
  return (
    <>
      <div className="card" data-testid="npe.posterior">
        <div className="card-head">
          <h3>Posterior</h3>
          <div className="row">
            <CsvButton
              fileName="npe-posterior" testId="npe.posterior.csv"
              build={() => ({
                header: ['parameter', 'mean', 'std', 'q05', 'q95', ...(truth ? ['true'] : [])],
                rows: names.map((n, k) => [n, npe.posterior.mean[k], npe.posterior.std[k], npe.posterior.q05[k], npe.posterior.q95[k], ...(truth ? [truth[n]] : [])]),
              })}
            />
            <button className="btn text-small" type="button" onClick={() => void exportNpeOnnx()} data-testid="npe.export" title="Download the trained posterior sampler as an ONNX model, with a description of its inputs and outputs">
              Export .onnx
            </button>
          </div>
        </div>
        <p className="text-small muted">
          {npe.trainingSet.used.toLocaleString('en-US')} simulations ({npe.trainingSet.failures} failed), {npe.estimator.toUpperCase()} trained on{' '}
          <strong>{npe.provider}</strong> (stopped by {npe.stoppedBy}); {npe.posterior.samples.toLocaleString('en-US')} samples. Phases: simulate {npe.phaseSeconds.simulate.toFixed(1)} s, train {npe.phaseSeconds.train.toFixed(1)} s, sample {npe.phaseSeconds.sample.toFixed(1)} s, SBC {npe.phaseSeconds.sbc.toFixed(1)} s.
        </p>
        <PointEstimateLine npe={npe} />
        <p className="text-small" data-testid="npe.acceptance" data-rate={npe.acceptance.rate} style={npe.acceptance.low ? { color: 'var(--danger)' } : undefined}>
          {(100 * npe.acceptance.rate).toFixed(1)} % of posterior draws fell inside the prior bounds
          {npe.acceptance.low ? ' — low: the estimator puts much of its mass where the prior is zero; treat this posterior with care.' : '.'}
        </p>
        <PosteriorTable npe={npe} parameters={run.parameters} truth={truth} />
        <Plot data={corner.data} layout={corner.layout} label="Corner plot of the posterior" testId="npe.corner" height={Math.max(320, 170 * size)} />
        <p className="text-small muted">
          Diagonal: marginal histograms; below: pairwise densities. {truth ? 'Red: the true values. ' : ''}Dashed grey: the prior bounds (when in view).
          {names.length > CORNER_MAX ? ` Showing the first ${CORNER_MAX} of ${names.length} parameters.` : ''}
        </p>
      </div>
      {npe.sbc && <SbcCard sbc={npe.sbc} outside={outsideInterval(npe, truth)} />}
      {npe.predictive && npe.predictive.length > 0 && (
        <div className="card" data-testid="npe.predictive">
          <h3>Posterior predictive check</h3>
          <p className="text-small muted">Rollouts from 20 posterior draws (5 each) from the first state of validation trajectory {npe.predictive[0].trajectoryId}, replaying its actions; dots: observed.</p>
          <div className="grid-2" style={{ gridTemplateColumns: 'repeat(3, minmax(0, 1fr))' }}>
            {npe.predictive.filter((b) => b.trajectoryId === npe.predictive![0].trajectoryId).map((b) => {
              const c = fanChart(b);
              return <Plot key={b.variable} data={c.data} layout={c.layout} label={`Posterior predictive fan of ${b.variable}`} testId={`npe.fan.${b.variable}`} height={230} />;
            })}
          </div>
        </div>
      )}
      <div className="card" data-testid="npe.budgets">
        <div className="card-head">
          <h3>The posterior as the simulation budget grows</h3>
          <button className="btn text-small" type="button" disabled={busy || run.status !== 'done'} onClick={() => void runBudgetComparison(run.id)} data-testid="npe.runBudgets">
            {busy ? 'Running…' : `Compare ${BUDGET_STEPS.join(', ')} simulations`}
          </button>
        </div>
        {budgetChart ? (
          <>
            <select value={budgetParam} onChange={(e) => setBudgetParam(Number(e.target.value))} data-testid="npe.budgetParam">
              {names.map((n, k) => <option key={n} value={k}>{n}</option>)}
            </select>
            <Plot data={budgetChart.data} layout={budgetChart.layout} label="Marginal posterior at growing simulation budgets" testId="npe.budgetChart" height={240} />
          </>
        ) : (
          <p className="text-small muted">Retrains at smaller budgets with the same seed and overlays the marginals: more simulations, narrower and better-placed posteriors.</p>
        )}
      </div>
    </>
  );
}
