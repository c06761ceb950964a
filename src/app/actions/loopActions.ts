import type { IterationRecord, StopReason } from '../../core/llm/GsimLoop.ts';
import { normalizeCode } from '../../core/llm/normalizeCode.ts';
import { runGsimLoop } from '../../core/llm/runGsimLoop.ts';
import { trainingDataSummary } from '../../core/llm/taskPrompt.ts';
import { vaultChatProvider } from '../lib/llmVault.ts';
import { keyBindingOf, llmErrorHint, llmSettingsBlocker } from '../model/LlmSettings.ts';
import { appendVersion, editedSinceLastVersion } from '../model/lineageTransitions.ts';
import { IDLE_LOOP, type LoopOptions, type LoopRuntime } from '../model/LoopVersion.ts';
import { isReplayingLoop, loopProvider } from '../replay/loopProvider.ts';
import { selectCalibrationBlocker } from '../store/selectors.ts';
import { studioStore, type StudioState } from '../store/studioStore.ts';
import { setSource } from './codeActions.ts';
import { studioLoopCallbacks } from './loopCallbacks.ts';
import { setLoopStopper } from './loopControl.ts';
import { notify } from './uiActions.ts';

/** Streamed tokens reach the store at most this often (style P4: throttle high-rate events). */
const TOKEN_INTERVAL_MS = 60;

let controller: AbortController | null = null;
let running: Promise<void> | null = null;
let pauseRequested = false;
let resumeGate: (() => void) | null = null;
/** Code the user edited while paused: the loop restarts from it (the paused iteration is dropped). */
let restartFrom: string | null = null;
/** The code of the iteration in flight (set when the model's code arrives). */
let proposed: string | null = null;

function setLoop(patch: Partial<LoopRuntime>): void {
  studioStore.setState((s) => ({ loop: { ...s.loop, ...patch } }));
}

/** Why the loop cannot start now, or null when it can. */
export function selectLoopBlocker(s: StudioState): string | null {
  if (s.loop.status !== 'idle') return 'The loop is already running.';
  const cal = selectCalibrationBlocker(s);
  if (cal && !cal.startsWith('Fix the simulator compile error')) return cal;
  // A replay answers from its recording: no model settings or key needed.
  return isReplayingLoop() ? null : llmSettingsBlocker(s.llm);
}

/**
 * Changes the loop's iterations and patience.
 * @param patch fields to change.
 */
export function updateLoopOptions(patch: Partial<LoopOptions>): void {
  studioStore.setState((s) => ({ loopOptions: { ...s.loopOptions, ...patch } }));
}

/**
 * Runs the G-Sim loop (generate, calibrate, diagnose, reflect) with the LLM settings, continuing the
 * project's lineage: earlier versions are the history the model reflects on. When the user edited the
 * editor's code after the last version, the first new iteration starts from that edit. Each finished
 * iteration becomes a version of the lineage. Resolves when the loop ends.
 */
export async function startLoop(): Promise<void> {
  const s0 = studioStore.getState();
  const blocker = selectLoopBlocker(s0);
  if (blocker) {
    notify('error', blocker);
    return;
  }
  const { iterations, patience } = s0.loopOptions;
  let remaining = iterations;
  let initial = editedSinceLastVersion(s0.lineage, s0.source);
  pauseRequested = false;
  restartFrom = null;
  const startedWith = studioStore.getState().lineage.length;
  setLoop({ ...IDLE_LOOP, status: 'running', totalIterations: s0.lineage.length + iterations });
  let done!: () => void;
  running = new Promise((r) => (done = r));
  setLoopStopper(cancelRunningLoop);
  let last: { reason: StopReason; error?: IterationRecord['error'] | unknown } | null = null;
  try {
    for (;;) {
      const before = studioStore.getState().lineage.length;
      const result = await runOnce(remaining, initial, patience);
      remaining -= studioStore.getState().lineage.length - before;
      if (result.stopReason === 'aborted' && restartFrom !== null && remaining > 0) {
        initial = restartFrom;
        restartFrom = null;
        setLoop({ status: 'running', stream: '', feedback: '' });
        continue;
      }
      last = { reason: result.stopReason, error: result.error };
      setLoop({ ...IDLE_LOOP, iteration: studioStore.getState().loop.iteration, stop: { reason: result.stopReason, ...(result.error ? { error: result.error } : {}), at: Date.now() } });
      if (result.error) notify('error', `${result.error.message} ${llmErrorHint(result.error.code)}`.trim());
      break;
    }
  } catch (e) {
    setLoop({ ...IDLE_LOOP, lastError: e instanceof Error ? e.message : String(e) });
    notify('error', `The loop stopped: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    controller = null;
    resumeGate = null;
    pauseRequested = false;
    setLoopStopper(null);
    done();
    running = null;
  }
  const added = studioStore.getState().lineage.length - startedWith;
  if (last && last.reason !== 'llm-error') notify('info', `The loop ${last.reason === 'aborted' ? 'was cancelled' : 'finished'} after ${added} new version${added === 1 ? '' : 's'}.`);
}

/** One runGsimLoop call over the current lineage. */
async function runOnce(maxIterations: number, initialCode: string | undefined, patience: number) {
  const s = studioStore.getState();
  const ctl = new AbortController();
  controller = ctl;
  const projectId = s.meta!.id;
  const runIds = new Map<number, string>();
  const callbacks = studioLoopCallbacks((iteration, runId) => runIds.set(iteration, runId));
  let buffer = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const text = buffer;
    buffer = '';
    if (text) setLoop({ stream: studioStore.getState().loop.stream + text });
  };
  return runGsimLoop({
    provider: loopProvider(() => vaultChatProvider(keyBindingOf(s.llm))),
    model: {
      model: s.llm.model.trim(),
      ...(s.llm.temperature !== undefined ? { temperature: s.llm.temperature } : {}),
      ...(s.llm.maxTokens !== undefined ? { maxTokens: s.llm.maxTokens } : {}),
    },
    knowledge: s.knowledge,
    variables: s.variables,
    ...(s.dataset ? { data: trainingDataSummary(s.dataset) } : {}),
    calibrate: callbacks.calibrate,
    diagnose: callbacks.diagnose,
    maxIterations,
    patience,
    history: s.lineage.map((v) => v.record),
    ...(initialCode !== undefined ? { initialCode: { code: initialCode, description: 'code edited by the user in the studio' } } : {}),
    signal: ctl.signal,
    pause: () => {
      if (!pauseRequested || ctl.signal.aborted) return;
      setLoop({ status: 'paused' });
      return new Promise<void>((resolve) => (resumeGate = resolve));
    },
    events: {
      onIterationStart: ({ iteration, totalIterations }) => setLoop({ iteration, totalIterations, phase: 'propose', stream: '', feedback: '', lastError: undefined }),
      onToken: ({ phase, text }) => {
        if (phase === 'reflect') {
          setLoop({ phase: 'reflect', feedback: studioStore.getState().loop.feedback + text });
          return;
        }
        if (studioStore.getState().loop.phase !== 'propose') setLoop({ phase: 'propose' });
        buffer += text;
        timer ??= setTimeout(flush, TOKEN_INTERVAL_MS);
      },
      onCodeReceived: ({ code }) => {
        if (timer !== null) clearTimeout(timer);
        flush();
        proposed = code;
        setSource(code);
        setLoop({ phase: 'calibrate' });
      },
      onCalibrationDone: () => setLoop({ phase: 'diagnose' }),
      onError: ({ message, fatal }) => !fatal && setLoop({ lastError: message }),
      onIterationDone: ({ record }) => {
        if (studioStore.getState().meta?.id !== projectId) return;
        const runId = runIds.get(record.iteration);
        studioStore.setState((st) => ({
          lineage: appendVersion(st.lineage, { id: crypto.randomUUID(), projectId, createdAt: Date.now(), record, ...(runId ? { runId } : {}) }),
        }));
      },
    },
  });
}

/** Asks the loop to stop at the next phase boundary (after the request or calibration in progress). */
export function pauseLoop(): void {
  if (studioStore.getState().loop.status !== 'running') return;
  pauseRequested = true;
  setLoop({ status: 'pausing' });
}

/**
 * Continues a paused loop. If the user changed the editor's code while it was paused, the loop
 * restarts from that code: the paused iteration is dropped and the edit is calibrated next.
 */
export function resumeLoop(): void {
  const s = studioStore.getState();
  if (s.loop.status !== 'paused' && s.loop.status !== 'pausing') return;
  pauseRequested = false;
  if (s.loop.status === 'paused') {
    // Paused before calibrating or diagnosing: compare with the proposal in flight; else with the last version.
    const reference = (s.loop.phase === 'calibrate' || s.loop.phase === 'diagnose') && proposed !== null ? proposed : undefined;
    const edited = reference !== undefined ? (normalizeCode(reference) !== normalizeCode(s.source) ? s.source : undefined) : editedSinceLastVersion(s.lineage, s.source);
    if (edited !== undefined) {
      restartFrom = edited;
      controller?.abort();
    }
  }
  setLoop({ status: 'running' });
  resumeGate?.();
  resumeGate = null;
}

/** Cancels the loop; the unfinished iteration is dropped, finished versions stay. */
export function cancelRunningLoop(): Promise<void> {
  if (!controller) return Promise.resolve();
  setLoop({ status: 'cancelling' });
  restartFrom = null;
  controller.abort();
  resumeGate?.();
  resumeGate = null;
  return running ?? Promise.resolve();
}

/**
 * Puts a version's code into the editor (the next loop iteration starts from it if it differs from
 * the lineage's last version).
 * @param id the version.
 */
export function restoreLoopVersion(id: string): void {
  const v = studioStore.getState().lineage.find((x) => x.id === id);
  if (v?.record.code !== undefined) setSource(v.record.code);
}

/**
 * Opens the diff view between two versions (or closes it with null).
 * @param from the older version's id.
 * @param to the newer version's id.
 */
export function showVersionDiff(from: string | null, to?: string): void {
  studioStore.setState({ diff: from && to ? { from, to } : null });
}
