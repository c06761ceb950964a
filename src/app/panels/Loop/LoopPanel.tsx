import { llmErrorHint } from '../../model/LlmSettings.ts';
import { useStudio } from '../../store/useStudio.ts';
import { LineageList } from './LineageList.tsx';
import { LoopControls } from './LoopControls.tsx';
import { LoopEditor } from './LoopEditor.tsx';
import { ValScoreChart } from './ValScoreChart.tsx';
import { VersionDiff } from './VersionDiff.tsx';

const PHASE = { propose: 'writing code', reflect: 'reflecting on earlier versions', calibrate: 'calibrating', diagnose: 'diagnosing' } as const;
const STOP = { 'max-iterations': 'ran all its iterations', patience: 'stopped: no better score within the patience', aborted: 'was cancelled', 'llm-error': 'stopped on a model error' } as const;

/** The loop's state in one line. */
function LoopStatusLine() {
  const loop = useStudio((s) => s.loop);
  if (loop.status === 'idle') {
    if (!loop.stop) return <span className="badge" data-testid="loop.status" data-status="idle">Idle</span>;
    return (
      <span className={`badge${loop.stop.reason === 'llm-error' ? ' err' : ''}`} data-testid="loop.status" data-status="idle" data-stop={loop.stop.reason}>
        The loop {STOP[loop.stop.reason]}
      </span>
    );
  }
  const what = loop.status === 'paused' ? 'Paused' : loop.status === 'pausing' ? 'Pausing after this phase' : loop.status === 'cancelling' ? 'Cancelling' : 'Running';
  return (
    <span className="badge run" data-testid="loop.status" data-status={loop.status} data-phase={loop.phase ?? ''} data-iteration={loop.iteration}>
      {what} · iteration {loop.iteration} of {loop.totalIterations}
      {loop.phase ? ` · ${PHASE[loop.phase]}` : ''}
    </span>
  );
}

/** Step 6: the G-Sim loop — the model proposes, the studio calibrates and diagnoses, the model reflects. */
export function LoopPanel() {
  const feedback = useStudio((s) => s.loop.feedback);
  const phase = useStudio((s) => s.loop.phase);
  const lastError = useStudio((s) => s.loop.lastError);
  const stopError = useStudio((s) => s.loop.stop?.error);
  return (
    <section className="panel" data-testid="panel.loop">
      <div className="panel-head">
        <div>
          <h2>Refine with LLM</h2>
          <p>
            The G-Sim loop: a language model writes the simulator from the knowledge, the studio calibrates and diagnoses it, and the model
            reflects on the scores and rule violations to write the next version. Edit the code between iterations to steer it.
          </p>
        </div>
        <LoopStatusLine />
      </div>
      <div className="stack" style={{ gap: 'var(--space-4)' }}>
        <LoopControls />
        {stopError && (
          <div className="alert" role="alert" data-testid="loop.error" data-code={stopError.code}>
            <strong>{stopError.code}: </strong>
            {stopError.message}
            <div className="text-small" style={{ marginTop: 4 }}>{llmErrorHint(stopError.code)}</div>
          </div>
        )}
        {lastError && !stopError && (
          <div className="alert info text-small" data-testid="loop.iterationError">
            This iteration failed and scores +∞ (the model sees why): {lastError}
          </div>
        )}
        <div className="grid-sidebar" style={{ gridTemplateColumns: 'minmax(0, 1fr) 380px' }}>
          <div className="stack" style={{ gap: 'var(--space-3)' }}>
            <div className="editor-frame" style={{ height: 460 }}>
              <LoopEditor />
            </div>
            {phase === 'reflect' || (feedback && phase === 'propose') ? (
              <div className="card" data-testid="loop.feedback">
                <h3>Reflection</h3>
                <pre className="loop-pre">{feedback || '…'}</pre>
              </div>
            ) : null}
            <VersionDiff />
          </div>
          <div className="stack" style={{ gap: 'var(--space-3)' }}>
            <ValScoreChart />
            <LineageList />
          </div>
        </div>
      </div>
    </section>
  );
}
