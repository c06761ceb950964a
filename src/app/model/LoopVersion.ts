import type { IterationRecord, LoopPhase, StopReason } from '../../core/llm/GsimLoop.ts';
import type { LlmErrorData } from '../../core/llm/LlmError.ts';

/**
 * One iteration of the G-Sim loop as the studio keeps it: a version in the project's model lineage
 * (code, description, parameters, metrics, rule violation rates, and the prompt + response transcript,
 * all inside `record`). Stored in IndexedDB beside runs; never holds the API key.
 */
export interface LoopVersion {
  id: string;
  projectId: string;
  createdAt: number;
  /** The loop's own record (iteration number, origin, code, diagnosis, transcript, error). */
  record: IterationRecord;
  /** The calibration run of the run history that fitted this version's parameters, if one ran. */
  runId?: string;
}

/** What the loop is doing now (not persisted). */
export type LoopStatus = 'idle' | 'running' | 'pausing' | 'paused' | 'cancelling';

/** Live state of the loop for the Refine panel. */
export interface LoopRuntime {
  status: LoopStatus;
  /** 1-based iteration in progress (0 before the first). */
  iteration: number;
  totalIterations: number;
  phase: LoopPhase | null;
  /** The model's answer so far in the current propose request (raw: prose, fenced code or tool JSON). */
  stream: string;
  /** The reflection streamed for the current iteration. */
  feedback: string;
  /** How the last loop ended. */
  stop?: { reason: StopReason; error?: LlmErrorData; at: number };
  /** The last non-fatal iteration error, for the status line. */
  lastError?: string;
}

/** Loop settings the user picks in the Refine panel. */
export interface LoopOptions {
  iterations: number;
  patience: number;
}

/** The idle runtime. */
export const IDLE_LOOP: LoopRuntime = { status: 'idle', iteration: 0, totalIterations: 0, phase: null, stream: '', feedback: '' };
