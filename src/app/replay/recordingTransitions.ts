import type { EnvId } from '../../core/data/Dataset.ts';
import type { RecordedReply } from '../../core/llm/replayProvider.ts';
import { MAX_RECORDED_STEPS, RECORDING_VERSION, type RecordedStep, type Recording } from './Recording.ts';

/**
 * A new, empty recording of a project that starts from `source`.
 * @param now epoch ms.
 */
export function startRecording(projectId: string, env: EnvId | null, source: string, now: number): Recording {
  return { version: RECORDING_VERSION, projectId, startedAt: now, start: { env, source }, steps: [] };
}

/** The simulator source as of the end of the recording (the last recorded edit, else the start). */
export function sourceAtEnd(rec: Recording): string {
  for (let i = rec.steps.length - 1; i >= 0; i--) {
    const s = rec.steps[i];
    if (s.kind === 'edit-code') return s.source;
  }
  return rec.start.source;
}

/**
 * Appends a step (pure). Code edits that change nothing are dropped, and an edit right after another
 * edit replaces it, so typing a program records one step, not one per keystroke. Past
 * {@link MAX_RECORDED_STEPS} the recording is marked truncated and keeps its first steps.
 */
export function appendStep(rec: Recording, step: RecordedStep): Recording {
  if (step.kind === 'edit-code') {
    const last = rec.steps[rec.steps.length - 1];
    if (last?.kind === 'edit-code') {
      const before = rec.steps.slice(0, -1);
      const previous = sourceAtEnd({ ...rec, steps: before });
      // Typing back to the code before the edit leaves no edit at all.
      return { ...rec, steps: step.source === previous ? before : [...before, step] };
    }
    if (step.source === sourceAtEnd(rec)) return rec;
  }
  if (rec.steps.length >= MAX_RECORDED_STEPS) return rec.truncated ? rec : { ...rec, truncated: true };
  return { ...rec, steps: [...rec.steps, step] };
}

/**
 * Adds an LLM answer to the loop step in progress (the last step, which must be a loop); anything
 * else leaves the recording as it is (an answer outside a recorded loop cannot be replayed).
 */
export function appendReply(rec: Recording, reply: RecordedReply): Recording {
  const last = rec.steps[rec.steps.length - 1];
  if (last?.kind !== 'loop') return rec;
  return { ...rec, steps: [...rec.steps.slice(0, -1), { ...last, replies: [...last.replies, reply] }] };
}

/** A one-line description of a step for the replay bar. */
export function describeStep(step: RecordedStep): string {
  switch (step.kind) {
    case 'edit-code':
      return `Edit the simulator code (${step.source.split('\n').length} lines)`;
    case 'calibrate':
      return `Calibrate: ${step.settings.method.toUpperCase()}, ${step.settings.generations} generations of ${step.settings.popsize}, seed ${step.settings.seed}`;
    case 'loop':
      return `Refine with the LLM: ${step.options.iterations} iteration${step.options.iterations === 1 ? '' : 's'}, ${step.replies.length} recorded answer${step.replies.length === 1 ? '' : 's'}`;
  }
}
