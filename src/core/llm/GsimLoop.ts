import type { ParameterIdentifiability } from '../calibrate/identifiability.ts';
import type { ChatMessage, ChatProvider, ChatResponse, ObservableCancelSignal } from './ChatProvider.ts';
import type { RuleViolation } from './DomainRule.ts';
import type { LlmErrorData } from './LlmError.ts';
import type { ToolMode } from './systemPrompt.ts';
import type { TrainingDataSummary } from './taskPrompt.ts';

/** Model settings of every request the loop makes. */
export interface ModelSettings {
  model: string;
  temperature?: number;
  maxTokens?: number;
}

/** What the calibrate callback returns: the fitted parameters and their training fitness (lower is better). */
export interface CalibrationOutcome {
  params: Record<string, number>;
  fitness: number;
  /** Why calibration could not score the program (e.g. every candidate threw); the iteration then fails with it. */
  error?: string;
  /** How far to trust the fit (issue #14): shown to the model in the reflection prompt. */
  trust?: CalibrationTrust;
}

/** The calibration's trust signals as the reflection prompt quotes them. */
export interface CalibrationTrust {
  /** Per parameter: how well the data pin it down. */
  identifiability: ParameterIdentifiability[];
  /** Warning messages (value at a bound, unidentified, trades off, error far above the noise, failures). */
  warnings: string[];
}

/** What the diagnose callback returns for a calibrated program (validation split; lower is better). */
export interface Diagnosis {
  /** The number that ranks candidates and drives early stopping (paper: validation W1). */
  valScore: number;
  /** Further named validation metrics for the history lines (e.g. energyScore, rolloutW1, mse). */
  scores?: Record<string, number>;
  /** Per-variable validation error, by variable. */
  perVariable: Record<string, number>;
  /** What `perVariable` measures, for the prompt (default "one-step MSE"). */
  perVariableMetric?: string;
  ruleViolations: RuleViolation[];
  /** Test-split benchmark W1 against the ground truth, when one exists. Kept in the lineage, never shown to the model. */
  benchmarkW1?: number;
}

/** Context handed to the callbacks. */
export interface CallbackContext {
  /** 1-based iteration number. */
  iteration: number;
  signal?: ObservableCancelSignal;
}

/** The phase of an iteration. */
export type LoopPhase = 'propose' | 'calibrate' | 'diagnose' | 'reflect';

/** Why an iteration has no usable score. */
export interface IterationError {
  phase: LoopPhase;
  message: string;
  /** `no-code` for answers without code; the SimulatorError code for program failures when known. */
  code?: string;
}

/** One request and its answer (or failure), kept verbatim for the lineage's transcript (the studio's "show prompt"). */
export interface ChatExchange {
  purpose: 'propose' | 'reflect';
  messages: ChatMessage[];
  response?: ChatResponse;
  error?: LlmErrorData;
}

/** Everything about one iteration (the lineage entry). */
export interface IterationRecord {
  /** 1-based; continues the numbering of a resumed history. */
  iteration: number;
  /** `user`: the iteration started from code the user supplied (their edit), not from the model. */
  origin: 'llm' | 'user';
  code?: string;
  description?: string;
  params?: Record<string, number>;
  fitness?: number;
  /** The calibration's trust signals, when the calibrate callback gave them. */
  trust?: CalibrationTrust;
  diagnosis?: Diagnosis;
  /** `diagnosis.valScore`, or +Infinity when the iteration failed (no code, compile error, throws, NaN). */
  valScore: number;
  /** The code was identical (whitespace aside) to this earlier iteration's, whose results were reused. */
  reusedFrom?: number;
  error?: IterationError;
  /** The model's reflection on the earlier iterations that this iteration's code was written from (none for the first, or for user code). */
  feedback?: string;
  transcript: ChatExchange[];
}

/** Why the loop ended. */
export type StopReason = 'max-iterations' | 'patience' | 'aborted' | 'llm-error';

/** Progress callbacks; every one is optional and called synchronously in loop order. */
export interface GsimLoopEvents {
  onIterationStart?(e: { iteration: number; totalIterations: number }): void;
  onToken?(e: { iteration: number; phase: 'propose' | 'reflect'; text: string }): void;
  onCodeReceived?(e: { iteration: number; code: string; description: string; origin: 'llm' | 'user' }): void;
  onCalibrationDone?(e: { iteration: number; params: Record<string, number>; fitness: number; reused: boolean }): void;
  onDiagnosticsDone?(e: { iteration: number; diagnosis: Diagnosis; reused: boolean }): void;
  onFeedbackReceived?(e: { iteration: number; feedback: string }): void;
  /** A failure: of the iteration (it scores +Infinity and the loop goes on), or of the LLM (the loop may stop). */
  onError?(e: { iteration: number; phase: LoopPhase; message: string; fatal: boolean }): void;
  /** An iteration's record is final. */
  onIterationDone?(e: { record: IterationRecord }): void;
}

/** Inputs of {@link runGsimLoop} (Algorithm 1, paper notes §4.1–4.2). */
export interface GsimLoopOptions {
  provider: ChatProvider;
  model: ModelSettings;
  /** Domain knowledge K (Markdown). */
  knowledge: string;
  /** Observed variables of the data. */
  variables: readonly string[];
  /** Training-data size told to the model (see trainingDataSummary). */
  data?: TrainingDataSummary;
  /** Fits the program's parameters on the training data, warm-started from the best candidate's values by name. */
  calibrate(code: string, warmStart: Record<string, number> | undefined, ctx: CallbackContext): Promise<CalibrationOutcome>;
  /** Scores the calibrated program on the validation data. */
  diagnose(code: string, params: Record<string, number>, ctx: CallbackContext): Promise<Diagnosis>;
  /** New iterations to run (default 5). */
  maxIterations?: number;
  /** Stop after this many consecutive iterations without a better validation score (default 3). */
  patience?: number;
  /** Best completions shown in the reflection prompt (default 5). */
  topK?: number;
  /** Extra requests after an answer without code, each showing the model what was wrong (default 2). */
  maxNoCodeRetries?: number;
  /** Repeats of a request that failed transiently (network, timeout, unreadable answer) before the loop stops (default 2). */
  llmRetries?: number;
  /** How code is submitted (default `auto`). */
  toolMode?: ToolMode;
  /** Code to start the first new iteration from instead of asking the model (a user's edit). */
  initialCode?: { code: string; description?: string };
  /** Iterations of an earlier run to continue: they join the history, top-k and best, and numbering goes on. */
  history?: readonly IterationRecord[];
  signal?: ObservableCancelSignal;
  /** Awaited at every phase boundary; the studio's pause button holds it pending. */
  pause?(): Promise<void> | void;
  events?: GsimLoopEvents;
}

/** What {@link runGsimLoop} returns. */
export interface GsimLoopResult {
  /** The candidate with the lowest finite validation score, or undefined when none worked. */
  best?: IterationRecord;
  /** Every iteration in order, the continued history included. */
  lineage: IterationRecord[];
  stopReason: StopReason;
  /** The LLM failure that stopped the loop (`stopReason: 'llm-error'`). */
  error?: LlmErrorData;
}
