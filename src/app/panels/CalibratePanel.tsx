import { useMemo } from 'react';
import { setPanel } from '../actions/uiActions.ts';
import { fitnessChart } from '../charts/fitnessTraces.ts';
import { paramTraceChart } from '../charts/paramTraces.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { Plot } from '../components/Plot.tsx';
import { RunPicker } from '../components/RunPicker.tsx';
import { selectParamRows, selectTruth, selectViewedRun } from '../store/selectors.ts';
import { useStudio } from '../store/useStudio.ts';
import { CalibrationSettings } from './CalibrationSettings.tsx';
import { PopulationAnimation } from './Calibrate/PopulationAnimation.tsx';
import { IdentifiabilityCard } from './Calibrate/IdentifiabilityCard.tsx';
import { ParamTable } from './ParamTable.tsx';
import { RunProgress } from './RunProgress.tsx';
import { NpeResults } from './Npe/NpeResults.tsx';

/** Step 4: calibrate the program's parameters on the train split, live. */
export function CalibratePanel() {
  const run = useStudio(selectViewedRun);
  const runs = useStudio((s) => s.runs);
  const truth = useStudio(selectTruth);
  const rows = selectParamRows(run, truth);
  const fitness = useMemo(() => (run ? fitnessChart(run) : null), [run]);
  const traces = useMemo(() => (run ? paramTraceChart(run, truth) : null), [run, truth]);

  return (
    <section className="panel" data-testid="panel.calibrate">
      <div className="panel-head">
        <div>
          <h2>Calibrate</h2>
          <p>Gradient-free search for parameter values that make one simulated step match the observed next state (a one-step score on train: the energy score by default, or the paper’s MSE).</p>
        </div>
        <RunPicker runs={runs} value={run?.id ?? null} testId="calibrate.runPicker" />
      </div>
      <CalibrationSettings />
      {!run ? (
        <EmptyState title="No calibration yet" testId="calibrate.empty">
          Pick a method and a budget above and press Start calibration. A small budget (20 generations of 24) finishes in seconds.
        </EmptyState>
      ) : run.settings.method === 'npe' ? (
        <>
          <NpeResults run={run} truth={truth} />
          <IdentifiabilityCard run={run} testId="calibrate.identifiability" />
        </>
      ) : (
        <>
          <RunProgress run={run} />
          <div className="grid-2">
            <div className="card">
              <h3>Fitness per generation</h3>
              {fitness && run.history.length > 0 ? (
                <Plot data={fitness.data} layout={fitness.layout} label="Best and mean one-step score per generation" testId="calibrate.fitnessPlot" height={220} />
              ) : (
                <p className="muted text-small" style={{ height: 220 }}>
                  The chart fills in as generations finish.
                </p>
              )}
            </div>
            <div className="card">
              <h3>Parameter traces</h3>
              {traces && run.traces.length > 0 ? (
                <Plot data={traces.data} layout={traces.layout} label="Best parameters per generation, scaled to their prior box" testId="calibrate.tracePlot" height={220} />
              ) : (
                <p className="muted text-small" style={{ height: 220 }}>
                  The best parameters of each generation appear here.
                </p>
              )}
            </div>
          </div>
          {/* NPE runs render NpeResults above, so every run here has populations. */}
          <PopulationAnimation run={run} />
          <div className="card">
            <div className="card-head">
              <h3>Calibrated parameters</h3>
              {run.status === 'done' && (
                <button className="btn text-small" type="button" onClick={() => setPanel('diagnostics')} data-testid="calibrate.toDiagnostics">
                  See diagnostics →
                </button>
              )}
            </div>
            {rows.length > 0 ? <ParamTable rows={rows} testId="calibrate.params" /> : <p className="muted text-small">Parameters appear once the program is loaded.</p>}
          </div>
          <IdentifiabilityCard run={run} testId="calibrate.identifiability" />
        </>
      )}
    </section>
  );
}
