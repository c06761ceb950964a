import { createReplayProvider } from '../../core/llm/replayProvider.ts';
import { startCalibration, updateRunSettings, cancelCalibration } from '../actions/calibrationActions.ts';
import type { RunSettings } from '../model/RunRecord.ts';
import { checkNow, setSource } from '../actions/codeActions.ts';
import { startLoop, updateLoopOptions, cancelRunningLoop } from '../actions/loopActions.ts';
import { adoptImportedProject, renameProject } from '../actions/projectActions.ts';
import { notify, setPanel } from '../actions/uiActions.ts';
import { hashSource } from '../model/hashSource.ts';
import { projectDocumentOf } from '../store/selectors.ts';
import { IDLE_REPLAY, type ReplayRuntime } from '../store/replaySlice.ts';
import { studioStore } from '../store/studioStore.ts';
import { setReplayProvider } from './loopProvider.ts';
import type { RecordedStep } from './Recording.ts';

/** Pause between steps in auto-play, so an audience can follow. */
const AUTO_PAUSE_MS = 1200;
/** Replayed LLM text streams in chunks this big, this far apart (about as fast as a real model). */
const STREAM = { chunkSize: 24, delayMs: 15 } as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function setReplay(patch: Partial<ReplayRuntime>): void {
  studioStore.setState((s) => ({ replay: { ...s.replay, ...patch } }));
}

/**
 * Starts replaying the open project's recorded session in a new project ("… (replay)") that begins
 * where the recording began: the same knowledge, data and rules, the starter code, no runs. The
 * steps then run one at a time ({@link replayNext}) or by themselves ({@link setReplayAuto}).
 */
export async function startReplay(): Promise<void> {
  const s = studioStore.getState();
  const rec = s.recording;
  const doc = projectDocumentOf(s);
  if (!rec || !doc || rec.steps.length === 0) {
    notify('error', 'This project has no recorded session to replay.');
    return;
  }
  if (s.activeRunId || s.loop.status !== 'idle') {
    notify('error', 'Wait for the calibration or the loop in progress to finish, then replay.');
    return;
  }
  // Not idle while the copy opens, so the recorder leaves the replayed project's recording alone.
  setReplay({ ...IDLE_REPLAY, status: 'running' });
  const source = rec.start.source;
  try {
    await adoptImportedProject({
      project: { ...doc, source, recording: rec },
      versions: [{ projectId: doc.id, hash: hashSource(source), source, savedAt: Date.now() }],
      runs: [],
      lineage: [],
    });
  } catch (e) {
    setReplay({ ...IDLE_REPLAY });
    throw e;
  }
  renameProject(`${doc.name.replace(/ \((imported|replay)\)$/g, '')} (replay)`);
  setReplay({ ...IDLE_REPLAY, status: 'ready' });
  setPanel('code');
}

async function doStep(step: RecordedStep): Promise<void> {
  switch (step.kind) {
    case 'edit-code':
      setPanel('code');
      setSource(step.source);
      await checkNow();
      return;
    case 'calibrate': {
      setPanel('calibrate');
      updateRunSettings(withRecordedDefaults(step.settings));
      await checkNow();
      const runId = await startCalibration();
      if (!runId) throw new Error('the recorded calibration could not start (see the message in the corner)');
      return;
    }
    case 'loop': {
      setPanel('loop');
      updateRunSettings(withRecordedDefaults(step.settings));
      updateLoopOptions(step.options);
      await checkNow();
      setReplayProvider(createReplayProvider(step.replies, { ...STREAM, sleep }));
      try {
        await startLoop();
      } finally {
        setReplayProvider(null);
      }
      const stop = studioStore.getState().loop.stop;
      if (stop?.reason === 'llm-error') throw new Error(stop.error?.message ?? 'the replayed loop stopped with an LLM error');
      return;
    }
  }
}

/** Does the next recorded step (live: calibrations and loops really run); then waits, or goes on in auto-play. */
export async function replayNext(): Promise<void> {
  const s = studioStore.getState();
  const steps = s.recording?.steps ?? [];
  if (s.replay.status !== 'ready') return;
  const cursor = s.replay.cursor;
  if (cursor >= steps.length) {
    setReplay({ status: 'finished' });
    return;
  }
  setReplay({ status: 'running', error: undefined });
  let failed = false;
  try {
    await doStep(steps[cursor]);
  } catch (e) {
    failed = true;
    setReplay({ error: e instanceof Error ? e.message : String(e), auto: false });
  }
  const now = studioStore.getState().replay;
  if (now.status === 'idle') return; // stopped meanwhile
  const next = cursor + 1;
  setReplay({ status: next >= steps.length ? 'finished' : 'ready', cursor: next });
  if (!failed && now.auto && next < steps.length) {
    await sleep(AUTO_PAUSE_MS);
    const later = studioStore.getState().replay;
    if (later.auto && later.status === 'ready') await replayNext();
  }
}

/**
 * Switches auto-play on (starting the next step if the replay waits) or off (after the current step).
 * @param auto on or off.
 */
export function setReplayAuto(auto: boolean): void {
  setReplay({ auto });
  if (auto && studioStore.getState().replay.status === 'ready') void replayNext();
}

/** Ends the replay: stops a replayed calibration or loop; what already ran stays in the project. */
export async function stopReplay(): Promise<void> {
  const wasRunning = studioStore.getState().replay.status === 'running';
  setReplay({ ...IDLE_REPLAY });
  studioStore.setState((s) => ({ replayOfferDismissed: s.meta?.id ?? null }));
  if (wasRunning) {
    await cancelRunningLoop();
    cancelCalibration();
  }
}

/**
 * Recordings made before issue #14 hold no fitness, budget or fixed parameters: they ran the paper's
 * MSE with a fixed budget and calibrated everything, so replay them that way (newer recordings carry
 * their own values, which win).
 */
function withRecordedDefaults(settings: RunSettings): RunSettings {
  return { fitness: 'mse', budget: 'paper', fixed: {}, ...settings };
}
