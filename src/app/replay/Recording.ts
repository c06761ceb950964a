import type { EnvId } from '../../core/data/Dataset.ts';
import type { RecordedReply } from '../../core/llm/replayProvider.ts';
import type { LoopOptions } from '../model/LoopVersion.ts';
import type { RunSettings } from '../model/RunRecord.ts';

/** Schema version of a {@link Recording}; older studios ignore newer recordings rather than misreplay them. */
export const RECORDING_VERSION = 1;

/** At most this many steps are kept (a session longer than that is marked `truncated`). */
export const MAX_RECORDED_STEPS = 200;

/** One thing the user did, in order, with what a replay needs to do it again. */
export type RecordedStep =
  /** The simulator code the user wrote or pasted (consecutive edits are merged into the last one). */
  | { kind: 'edit-code'; at: number; source: string }
  /** A calibration the user started, with its method, budget and seed. */
  | { kind: 'calibrate'; at: number; settings: RunSettings }
  /** A run of the G-Sim loop: its options, the calibration settings it used, and every LLM answer in order. */
  | { kind: 'loop'; at: number; options: LoopOptions; settings: RunSettings; replies: RecordedReply[] };

/** The kinds of {@link RecordedStep}. */
export type RecordedStepKind = RecordedStep['kind'];

/**
 * A session recorded into a project: where it started (the benchmark and the starter code) and the
 * user's steps with the loop's LLM answers. Saved with the project and in its exported file, so a
 * replay re-runs the session (calibrations live, the LLM answers from here) with no API key.
 */
export interface Recording {
  version: typeof RECORDING_VERSION;
  /** The project the session was recorded in (a replay offer is shown in any other project holding it). */
  projectId: string;
  startedAt: number;
  start: { env: EnvId | null; source: string };
  steps: RecordedStep[];
  /** True when steps were dropped because the session passed {@link MAX_RECORDED_STEPS}. */
  truncated?: boolean;
}
