import type { StudioState, StudioStore } from '../store/studioStore.ts';
import { appendStep, startRecording } from './recordingTransitions.ts';

/**
 * Records the user's session into the open project's `recording` by watching the store: a fresh
 * project (no runs, no lineage) starts a recording; then code edits (merged while typing),
 * calibrations the user starts (with their settings) and loop runs (with their options; the LLM's
 * answers are added by {@link loopProvider}). What the loop does by itself (its code, its
 * calibrations) is not recorded: a replay re-runs the loop, which does it again. Nothing is recorded
 * while a replay runs. Projects opened with history but no recording stay unrecorded (their start is unknown).
 * The studio installs it at start-up, before any project opens (installed later, e.g. by a lazily
 * loaded component, it missed a project created meanwhile: the flaky "recorded session replays" e2e).
 * @returns a function that stops recording.
 */
export function installRecorder(store: StudioStore, now: () => number = Date.now): () => void {
  const startIfFresh = (s: StudioState) => {
    if (s.meta && !s.recording && s.runs.length === 0 && s.lineage.length === 0) {
      store.setState({ recording: startRecording(s.meta.id, s.meta.env, s.source, now()) });
    }
  };
  // A project opened before the recorder was installed is recorded from here, as if it opened now.
  if (store.getState().replay.status === 'idle') startIfFresh(store.getState());
  return store.subscribe((s, prev) => {
    if (!s.meta || s.replay.status !== 'idle') return;
    if (s.meta.id !== prev.meta?.id) {
      startIfFresh(s);
      return;
    }
    const before = s.recording;
    if (!before) return;
    let rec = before;
    const loopIdle = s.loop.status === 'idle' && prev.loop.status === 'idle';
    if (s.source !== prev.source && loopIdle && s.activeRunId === null) {
      rec = appendStep(rec, { kind: 'edit-code', at: now(), source: s.source });
    }
    const newest = s.runs[0];
    if (newest && newest.id !== prev.runs[0]?.id && newest.status === 'running' && s.loop.status === 'idle') {
      rec = appendStep(rec, { kind: 'calibrate', at: now(), settings: { ...newest.settings } });
    }
    if (prev.loop.status === 'idle' && s.loop.status === 'running') {
      rec = appendStep(rec, { kind: 'loop', at: now(), options: { ...s.loopOptions }, settings: { ...s.settings }, replies: [] });
    }
    if (rec !== before) store.setState({ recording: rec });
  });
}
