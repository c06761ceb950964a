import { useState } from 'react';
import { setPanel } from '../../actions/uiActions.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { formatNumber } from '../../lib/format.ts';
import type { ParamsMode } from '../../model/WhatIf.ts';
import { selectCalibratedModel, selectInitModel, selectWhatIfEnv } from '../../store/scenarioSelectors.ts';
import { useStudio } from '../../store/useStudio.ts';
import { PolicyResults } from './PolicyResults.tsx';
import { PolicySearchCard } from './PolicySearchCard.tsx';
import { ScenarioList } from './ScenarioList.tsx';
import { ScenarioResults } from './ScenarioResults.tsx';
import { BlackBoxWhatIfNote } from '../Baselines/BlackBoxWhatIfNote.tsx';
import './scenarios.css';

/** For an NPE calibration with a posterior: posterior draws (one per rollout) or the posterior mean, and what that means. */
function PosteriorChoice({ draws, mode, setMode }: { draws: number; mode: ParamsMode; setMode: (m: ParamsMode) => void }) {
  const rollouts = useStudio((s) => s.whatIf.settings.rollouts);
  const used = Math.min(draws, rollouts);
  return (
    <div className="stack" style={{ gap: 'var(--space-1)', flexBasis: '100%' }}>
      <div className="row text-small" role="radiogroup" aria-label="Parameters of the what-if rollouts" data-testid="whatif.paramsMode" data-mode={mode}>
        {(['posterior', 'mean'] as const).map((m) => (
          <label key={m} className="row" style={{ gap: 'var(--space-1)' }}>
            <input type="radio" name="whatif-params-mode" checked={mode === m} onChange={() => setMode(m)} data-testid={`whatif.paramsMode.${m}`} />
            {m === 'posterior' ? 'posterior draws' : 'posterior mean'}
          </label>
        ))}
      </div>
      <span className="text-small muted" data-testid="whatif.paramsCaption">
        {mode === 'posterior'
          ? `Scenario rollouts use posterior draws: each rollout takes one of ${used} draws spread over the ${draws} kept, so the fans show parameter plus intrinsic uncertainty.`
          : `Scenario rollouts use the posterior mean (intrinsic uncertainty only); ${draws} posterior draws are available.`}{' '}
        The ground truth keeps its true parameters; policy search uses the posterior mean.
      </span>
    </div>
  );
}

/**
 * Which parameters the runs use: the current calibration (as Diagnostics picks it), or, when there
 * is none and the user agrees, the program's init values. An NPE calibration adds the posterior choice.
 */
function ModelSource({ useInit, setUseInit, mode, setMode }: { useInit: boolean; setUseInit: (v: boolean) => void; mode: ParamsMode; setMode: (m: ParamsMode) => void }) {
  const calibrated = useStudio(selectCalibratedModel);
  const init = useStudio(selectInitModel);
  const env = useStudio((s) => selectWhatIfEnv(s)?.title ?? null);
  const model = useInit ? init : calibrated;
  if (!calibrated && !useInit) {
    return (
      <div className="alert info" data-testid="whatif.noCalibration">
        <strong>No calibration yet.</strong> Scenarios run on the calibrated simulator; calibrate it first, or try them with the program's init values.{' '}
        <span className="row" style={{ display: 'inline-flex', marginTop: 'var(--space-2)' }}>
          <button className="btn" type="button" onClick={() => setPanel('calibrate')}>
            Go to Calibrate
          </button>
          <button className="btn" type="button" disabled={!init} title={init ? undefined : 'The program must compile first'} onClick={() => setUseInit(true)} data-testid="whatif.useInit">
            Use the program's init values
          </button>
        </span>
      </div>
    );
  }
  const draws = model?.posteriorDraws?.length ?? 0;
  const origin = draws > 0 && mode === 'posterior' ? 'posterior' : (model?.origin.kind ?? 'none');
  return (
    <div className="card row" style={{ gap: 'var(--space-3)', flexWrap: 'wrap' }} data-testid="whatif.model" data-origin={origin}>
      <span className="text-small">
        <strong>Parameters:</strong> {model ? model.label : 'the program does not compile'}
        {draws > 0 && ' (posterior mean)'}
        {model && (
          <span className="mono muted"> · {Object.entries(model.params).map(([k, v]) => `${k} = ${formatNumber(v)}`).join(', ')}</span>
        )}
      </span>
      <span className="text-small muted">{env ? `Ground truth: ${env}` : 'No ground truth (own data): model only.'}</span>
      {useInit && calibrated && (
        <button className="btn text-small" type="button" style={{ marginLeft: 'auto' }} onClick={() => setUseInit(false)}>
          Use the calibration
        </button>
      )}
      {draws > 0 && <PosteriorChoice draws={draws} mode={mode} setMode={setMode} />}
    </div>
  );
}

/** Step 7: what-if scenarios and policy search on the calibrated simulator (issue #7). */
export function ScenariosPanel() {
  const hasProject = useStudio((s) => s.meta !== null);
  const [useInit, setUseInit] = useState(false);
  // Posterior draws by default; only consulted when the calibration is NPE with kept samples.
  const [mode, setMode] = useState<ParamsMode>('posterior');
  const canRun = useStudio((s) => (useInit ? selectInitModel(s) : selectCalibratedModel(s)) !== null);
  const lastScenarios = useStudio((s) => s.whatIf.lastScenarioRun);
  const lastPolicy = useStudio((s) => s.whatIf.lastPolicyRun);
  return (
    <section className="panel" data-testid="panel.scenarios">
      <div className="panel-head">
        <div>
          <h2>What-if &amp; policy</h2>
          <p>Ask the calibrated simulator what interventions would do, compare with the ground truth where one exists, and search a grid of policies for the cheapest.</p>
        </div>
      </div>
      {!hasProject ? (
        <EmptyState title="No project open" testId="whatif.empty">Create or open a project first.</EmptyState>
      ) : (
        <>
          <ModelSource useInit={useInit} setUseInit={setUseInit} mode={mode} setMode={setMode} />
          <ScenarioList canRun={canRun} useInit={useInit} mode={mode} />
          {lastScenarios && <ScenarioResults run={lastScenarios} />}
          <PolicySearchCard canRun={canRun} useInit={useInit} />
          {lastPolicy && <PolicyResults run={lastPolicy} />}
          <BlackBoxWhatIfNote />
        </>
      )}
    </section>
  );
}
