import { cancelRunningLoop, pauseLoop, resumeLoop, selectLoopBlocker, startLoop, updateLoopOptions } from '../../actions/loopActions.ts';
import { setSettingsOpen } from '../../actions/settingsActions.ts';
import { setPanel } from '../../actions/uiActions.ts';
import type { LoopOptions } from '../../model/LoopVersion.ts';
import { useStudio } from '../../store/useStudio.ts';
import { IntInput } from '../../components/IntInput.tsx';

const METHOD = { ga: 'Genetic algorithm', cmaes: 'CMA-ES', npe: 'NPE' } as const;

function IntField({ label, name, min, max, hint }: { label: string; name: keyof LoopOptions; min: number; max: number; hint: string }) {
  const value = useStudio((s) => s.loopOptions[name]);
  const busy = useStudio((s) => s.loop.status !== 'idle');
  return (
    <IntInput label={label} value={value} min={min} max={max} hint={hint} disabled={busy} testId={`loop.${name}`} width={80}
      onChange={(v) => updateLoopOptions({ [name]: v })} />
  );
}

/** Iterations, patience, what calibrates and which model; Start / Pause after current phase / Resume / Cancel. */
export function LoopControls() {
  const status = useStudio((s) => s.loop.status);
  const blocker = useStudio(selectLoopBlocker);
  const run = useStudio((s) => s.settings);
  const llm = useStudio((s) => s.llm);
  const hasHistory = useStudio((s) => s.lineage.length > 0);
  return (
    <div className="card" data-testid="loop.controls">
      <div className="row" style={{ alignItems: 'flex-end', gap: 'var(--space-4)', flexWrap: 'wrap' }}>
        <IntField label="Iterations" name="iterations" min={1} max={50} hint="New iterations to run (each: propose, calibrate, diagnose)" />
        <IntField label="Patience" name="patience" min={1} max={50} hint="Stop after this many iterations without a better validation score" />
        <div className="field">
          Calibration
          <button className="btn ghost text-small" type="button" onClick={() => setPanel('calibrate')} title="Change the method and budget in Calibrate" data-testid="loop.calibration">
            {METHOD[run.method]} · {run.generations} × {run.popsize}
          </button>
        </div>
        <div className="field">
          Model
          <button className="btn ghost text-small" type="button" onClick={() => setSettingsOpen(true)} data-testid="loop.model" title="LLM settings">
            {llm.model || 'choose…'} · {llm.provider === 'anthropic' ? 'Anthropic' : llm.baseURL.trim() || 'OpenAI'}
          </button>
        </div>
        <div className="row" style={{ marginLeft: 'auto', gap: 'var(--space-2)' }}>
          {status === 'idle' ? (
            <button key="start" className="btn primary" type="button" disabled={blocker !== null} title={blocker ?? 'Start the loop'} onClick={() => void startLoop()} data-testid="loop.start">
              {hasHistory ? 'Continue refining' : 'Start'}
            </button>
          ) : (
            <>
              {status === 'paused' || status === 'pausing' ? (
                <button key="resume" className="btn primary" type="button" onClick={resumeLoop} data-testid="loop.resume">
                  Resume
                </button>
              ) : (
                <button key="pause" className="btn" type="button" disabled={status === 'cancelling'} onClick={pauseLoop} data-testid="loop.pause" title="Stop at the next phase boundary; you can edit the code, then resume from your edit">
                  Pause after current phase
                </button>
              )}
              <button key="cancel" className="btn danger" type="button" disabled={status === 'cancelling'} onClick={() => void cancelRunningLoop()} data-testid="loop.cancel">
                Cancel
              </button>
            </>
          )}
        </div>
      </div>
      <p className="text-small muted" style={{ marginTop: 'var(--space-2)', marginBottom: 0 }}>
        {status === 'idle' && blocker
          ? blocker
          : 'Each iteration the model proposes a program (after reflecting on the earlier ones), it is calibrated in Web Workers with the Calibrate settings, and scored on the validation split.'}
      </p>
    </div>
  );
}
