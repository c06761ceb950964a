import { studioStore } from '../store/studioStore.ts';
import { useStudio } from '../store/useStudio.ts';
import { describeStep } from './recordingTransitions.ts';

type ReplayModule = typeof import('./replayActions.ts');
/** The replay actions pull in the calibrators and the loop: loaded on first use. */
const actions = (): Promise<ReplayModule> => import('./replayActions.ts');

/**
 * The replay strip: offers "Replay" in a project that holds a session recorded elsewhere (an imported
 * file), then steps through it (Next, auto-play, Stop), naming the step in progress.
 */
export function ReplayBar() {
  const recording = useStudio((s) => s.recording);
  const replay = useStudio((s) => s.replay);
  const projectId = useStudio((s) => s.meta?.id ?? null);
  const dismissed = useStudio((s) => s.replayOfferDismissed);
  if (!recording || !projectId || recording.steps.length === 0) return null;
  const steps = recording.steps;

  if (replay.status === 'idle') {
    // Offer only where the session was not recorded (an imported file, a replay copy), once per project.
    if (recording.projectId === projectId || dismissed === projectId) return null;
    return (
      <div className="replay-bar" role="region" aria-label="Recorded session" data-testid="replay.offer">
        <span>
          This project carries a recorded session: <strong>{steps.length} steps</strong>
          {steps.some((s) => s.kind === 'loop') ? ', LLM answers included' : ''}. Replay it here, live, with no API key.
        </span>
        <button className="btn primary" type="button" data-testid="replay.start" onClick={() => void actions().then((m) => m.startReplay())}>
          Replay
        </button>
        <button className="btn ghost" type="button" aria-label="Dismiss" onClick={() => studioStore.setState({ replayOfferDismissed: projectId })}>
          ✕
        </button>
      </div>
    );
  }

  const cursor = Math.min(replay.cursor, steps.length);
  const current = replay.status === 'running' ? steps[cursor] : replay.status === 'ready' ? steps[cursor] : undefined;
  return (
    <div className="replay-bar" role="region" aria-label="Replay" data-testid="replay.bar" data-status={replay.status} data-cursor={cursor} data-steps={steps.length}>
      <span className="badge">Replay</span>
      <span data-testid="replay.step" aria-live="polite">
        {replay.status === 'finished'
          ? `Finished: all ${steps.length} steps replayed.`
          : `${replay.status === 'running' ? 'Now' : 'Next'} (${cursor + 1} of ${steps.length}): ${current ? describeStep(current) : ''}`}
      </span>
      {replay.error && (
        <span className="replay-error" data-testid="replay.error">
          {replay.error}
        </span>
      )}
      <span className="spacer" />
      {replay.status !== 'finished' && (
        <>
          <button className="btn primary" type="button" data-testid="replay.next" disabled={replay.status !== 'ready'} onClick={() => void actions().then((m) => m.replayNext())}>
            Next step
          </button>
          <label className="field-inline text-small">
            <input type="checkbox" checked={replay.auto} data-testid="replay.auto" onChange={(e) => {
                const auto = e.target.checked;
                // Into the store at once (a controlled checkbox), the replay actions load after.
                studioStore.setState((s) => ({ replay: { ...s.replay, auto } }));
                void actions().then((m) => m.setReplayAuto(auto));
              }} />
            auto-play
          </label>
        </>
      )}
      <button className="btn ghost" type="button" data-testid="replay.stop" onClick={() => void actions().then((m) => m.stopReplay())}>
        {replay.status === 'finished' ? 'Close' : 'Stop'}
      </button>
    </div>
  );
}
