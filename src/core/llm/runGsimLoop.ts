import { chatWithRetries } from './chatWithRetries.ts';
import type {
  CallbackContext, Diagnosis, GsimLoopOptions, GsimLoopResult, IterationError, IterationRecord, LoopPhase, StopReason,
} from './GsimLoop.ts';
import { LlmError } from './LlmError.ts';
import { codeRequestMessages, openingMessages, reflectionMessages, type ConversationContext } from './loopMessages.ts';
import { appendIteration, bestRecord, initialLoopState, sameCodeAs, stopReasonAfter, warmStartFrom, type LoopState } from './loopState.ts';
import { requestCode } from './requestCode.ts';

/** Defaults of the loop (paper notes §4.3: typically 5 iterations, patience 3; top-k unstated). */
export const GSIM_LOOP_DEFAULTS = { maxIterations: 5, patience: 3, topK: 5, maxNoCodeRetries: 2, llmRetries: 2 } as const;

/** Thrown internally to unwind when the signal fires; never escapes {@link runGsimLoop}. */
class Aborted {}

/**
 * Runs G-Sim's generate–calibrate–diagnose–reflect loop (Algorithm 1, paper notes §4.1–4.2, with the
 * HDTwinGen conversation of §4.7). Each iteration:
 *
 * 1. **propose**: the first asks with the task prompt; later ones first ask for a reflection on the
 *    history and the top-k completions (no tools, prose only), then for revised code in the same
 *    conversation. An answer without code is followed up (`maxNoCodeRetries`); `initialCode` (a user's
 *    edit) replaces the first proposal;
 * 2. **calibrate** via the callback, warm-started from the best candidate's parameters;
 * 3. **diagnose** via the callback on the validation data.
 *
 * Invalid code (no code, a compile error, a throwing or NaN-producing program, a failing callback)
 * scores +Infinity, its error is shown to the model in the next reflection, and the loop goes on. Code
 * identical to an earlier iteration's (whitespace aside) reuses its results instead of recalibrating.
 * The loop stops after `maxIterations`, after `patience` iterations without a better validation score,
 * on abort (checked between phases; the unfinished iteration is dropped), or when the LLM fails for
 * good (auth, missing model, retries exhausted) — returning what it has, never throwing for those.
 *
 * @example
 * const result = await runGsimLoop({ provider, model: { model: 'gpt-4o' }, knowledge: env.knowledge,
 *   variables: env.variables, calibrate, diagnose, events: { onToken: (e) => show(e.text) } });
 * result.best?.code;
 */
export async function runGsimLoop(opts: GsimLoopOptions): Promise<GsimLoopResult> {
  const maxIterations = count(opts.maxIterations ?? GSIM_LOOP_DEFAULTS.maxIterations, 'maxIterations', 1);
  const patience = count(opts.patience ?? GSIM_LOOP_DEFAULTS.patience, 'patience', 1);
  const topK = count(opts.topK ?? GSIM_LOOP_DEFAULTS.topK, 'topK', 0);
  const maxNoCodeRetries = count(opts.maxNoCodeRetries ?? GSIM_LOOP_DEFAULTS.maxNoCodeRetries, 'maxNoCodeRetries', 0);
  const llmRetries = count(opts.llmRetries ?? GSIM_LOOP_DEFAULTS.llmRetries, 'llmRetries', 0);
  const toolMode = opts.toolMode ?? 'auto';
  const ev = opts.events ?? {};

  let state = initialLoopState(opts.history);
  const offset = state.records.length;
  const ctx: ConversationContext = {
    knowledge: opts.knowledge, variables: opts.variables, data: opts.data, totalIterations: offset + maxIterations, topK, toolMode,
  };
  const finish = (stopReason: StopReason, s: LoopState, error?: LlmError): GsimLoopResult => ({
    best: bestRecord(s), lineage: [...s.records], stopReason, ...(error ? { error: error.toJSON() } : {}),
  });
  const checkpoint = async (): Promise<void> => {
    if (opts.signal?.aborted) throw new Aborted();
    await opts.pause?.();
    if (opts.signal?.aborted) throw new Aborted();
  };

  for (let done = 0; done < maxIterations; ) {
    const iteration = offset + done + 1;
    const record: IterationRecord = { iteration, origin: 'llm', valScore: Infinity, transcript: [] };
    let phase: 'propose' | 'reflect' = 'propose';
    try {
      await checkpoint();
      ev.onIterationStart?.({ iteration, totalIterations: ctx.totalIterations });

      // 1. Propose (reflect first when there is history).
      if (done === 0 && opts.initialCode) {
        record.origin = 'user';
        record.code = opts.initialCode.code;
        record.description = opts.initialCode.description ?? 'code supplied by the user';
      } else {
        const chat = { provider: opts.provider, signal: opts.signal, exchanges: record.transcript };
        let messages = openingMessages(ctx, iteration);
        if (state.records.length > 0) {
          phase = 'reflect';
          const reflection = await chatWithRetries({
            ...chat, request: { ...opts.model, messages: reflectionMessages(ctx, state.records, iteration) }, purpose: 'reflect',
            retries: llmRetries, onToken: (text) => ev.onToken?.({ iteration, phase: 'reflect', text }),
          });
          record.feedback = reflection.text.trim() || '(no feedback)';
          ev.onFeedbackReceived?.({ iteration, feedback: record.feedback });
          await checkpoint();
          phase = 'propose';
          messages = codeRequestMessages(ctx, state.records, record.feedback, iteration);
        }
        const got = await requestCode({
          ...chat, model: opts.model, messages, toolMode, maxNoCodeRetries, llmRetries,
          onToken: (text) => ev.onToken?.({ iteration, phase: 'propose', text }),
        });
        if (got.ok) {
          record.code = got.value.code;
          record.description = got.value.description;
        } else {
          const message = got.error.detail ?? got.error.message;
          record.error = { phase: 'propose', message, code: 'no-code' };
          ev.onError?.({ iteration, phase: 'propose', message, fatal: false });
        }
      }
      if (record.code !== undefined) {
        ev.onCodeReceived?.({ iteration, code: record.code, description: record.description ?? '', origin: record.origin });
        await evaluate(record, state);
      }
    } catch (e) {
      if (e instanceof Aborted || opts.signal?.aborted) return finish('aborted', state);
      // chatWithRetries turns every provider failure into an LlmError; anything else is a bug (e.g. in an event handler).
      if (!(e instanceof LlmError)) throw e;
      const err = e;
      ev.onError?.({ iteration, phase, message: err.message, fatal: true });
      return finish('llm-error', state, err);
    }
    state = appendIteration(state, record);
    done++;
    ev.onIterationDone?.({ record });
    const stop = stopReasonAfter(state, done, maxIterations, patience);
    if (stop) return finish(stop, state);
  }
  return finish('max-iterations', state);

  /** Calibrate and diagnose `record.code` (or reuse an identical earlier program's results). NOTE: fills `record`. */
  async function evaluate(record: IterationRecord, s: LoopState): Promise<void> {
    const { iteration } = record;
    const code = record.code!;
    const cb: CallbackContext = { iteration, signal: opts.signal };
    const fail = (phase: LoopPhase, message: string, errCode?: string): void => {
      record.error = { phase, message, ...(errCode ? { code: errCode } : {}) } satisfies IterationError;
      ev.onError?.({ iteration, phase, message, fatal: false });
    };
    const same = sameCodeAs(s.records, code);
    if (same) {
      Object.assign(record, pick(same), { reusedFrom: same.iteration });
      if (same.params) ev.onCalibrationDone?.({ iteration, params: same.params, fitness: same.fitness ?? NaN, reused: true });
      if (same.diagnosis) ev.onDiagnosticsDone?.({ iteration, diagnosis: same.diagnosis, reused: true });
      if (same.error) ev.onError?.({ iteration, phase: same.error.phase, message: same.error.message, fatal: false });
      return;
    }
    await checkpoint();
    let calibrated;
    try {
      calibrated = await opts.calibrate(code, warmStartFrom(s), cb);
    } catch (e) {
      if (opts.signal?.aborted) throw new Aborted();
      return fail('calibrate', messageOf(e), codeOf(e));
    }
    if (opts.signal?.aborted) throw new Aborted();
    if (calibrated.error !== undefined) return fail('calibrate', calibrated.error);
    if (!Number.isFinite(calibrated.fitness)) {
      return fail('calibrate', `calibration found no parameters for which the program runs (training fitness ${calibrated.fitness})`);
    }
    record.params = { ...calibrated.params };
    record.fitness = calibrated.fitness;
    if (calibrated.trust) record.trust = calibrated.trust;
    ev.onCalibrationDone?.({ iteration, params: record.params, fitness: calibrated.fitness, reused: false });

    await checkpoint();
    let diagnosis: Diagnosis;
    try {
      diagnosis = await opts.diagnose(code, record.params, cb);
    } catch (e) {
      if (opts.signal?.aborted) throw new Aborted();
      return fail('diagnose', messageOf(e), codeOf(e));
    }
    if (opts.signal?.aborted) throw new Aborted();
    record.diagnosis = diagnosis;
    ev.onDiagnosticsDone?.({ iteration, diagnosis, reused: false });
    if (!Number.isFinite(diagnosis.valScore)) {
      return fail('diagnose', `the validation score is ${diagnosis.valScore}: the simulator produced non-finite values on the validation data`);
    }
    record.valScore = diagnosis.valScore;
  }
}

/** The results an identical program's earlier iteration had. */
function pick(r: IterationRecord): Partial<IterationRecord> {
  const out: Partial<IterationRecord> = { valScore: r.valScore };
  if (r.params) out.params = r.params;
  if (r.fitness !== undefined) out.fitness = r.fitness;
  if (r.diagnosis) out.diagnosis = r.diagnosis;
  if (r.error) out.error = r.error;
  return out;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The `code` of a typed error (SimulatorError: syntax, runtime, …), when it has one. */
function codeOf(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

function count(v: number, name: string, min: number): number {
  if (!Number.isInteger(v) || v < min) throw new RangeError(`runGsimLoop: ${name} must be an integer >= ${min}, got ${v}`);
  return v;
}
