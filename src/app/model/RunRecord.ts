import type { BudgetMode } from '../../core/calibrate/budget.ts';
import type { CalibrationMethod, SearchSummary } from '../../core/calibrate/Calibrator.ts';
import type { ParameterIdentifiability } from '../../core/calibrate/identifiability.ts';
import type { FitnessKind } from '../../core/calibrate/oneStepFitness.ts';
import type { CalibrationWarning } from '../../core/calibrate/trustWarnings.ts';
import type { ParameterSpec } from '../../core/sim/types.ts';
import type { FanBand } from './FanBand.ts';
import type { NpeRunSummary, NpeSettings } from './NpeRun.ts';

/** Lifecycle of a calibration run. `running` runs found after a reload become `interrupted`. */
export type RunStatus = 'running' | 'done' | 'cancelled' | 'failed' | 'interrupted';

/** Budget and seed the user chose for a run. */
export interface RunSettings {
  method: CalibrationMethod;
  generations: number;
  popsize: number;
  /** Monte-Carlo draws per transition in the fitness. */
  mc: number;
  seed: number;
  /** NPE budget (method 'npe'; absent in older runs and projects). */
  npe?: NpeSettings;
  /** One-step score (GA/CMA-ES); absent in older runs, which used the paper's `mse`. */
  fitness?: FitnessKind;
  /** `converge` (population and cap from the dimension, stop on convergence) or `paper` (generations × popsize); absent = `paper`. */
  budget?: BudgetMode;
  /** Parameters held at these values instead of calibrated (the checkboxes); absent = none. */
  fixed?: Record<string, number>;
}

/** One point of the fitness-per-generation chart. */
export interface FitnessPoint {
  iteration: number;
  best: number;
  mean: number;
}

/** Best parameters at one generation (the parameter traces). */
export interface ParamTracePoint {
  iteration: number;
  params: Record<string, number>;
}

/** Per-variable validation error. */
export interface VariableMetric {
  name: string;
  /** One-step MSE on validation transitions. */
  mse?: number;
  /** Rollout Wasserstein-1 distance on validation trajectories. */
  w1?: number;
}

/** Validation metrics of a calibrated simulator. */
export interface ValidationSummary {
  energyScore: number;
  /** Mean one-step MSE over variables. */
  mse: number;
  perVariable: VariableMetric[];
  /** Mean rollout W1 over time and variables. */
  rolloutW1?: number;
  /** Validation one-step distance over the simulator's own noise (≈ 1 when it fits); absent in older runs. */
  noiseRatio?: number;
  /** Transitions scored one-step and trajectories rolled out (subsets keep the studio fast). */
  transitions: number;
  trajectories: number;
}

/** The benchmark test W1 (only where a ground truth exists). */
export interface BenchmarkSummary {
  w1: number;
  /** Standard error of the mean over start states. */
  w1StdError?: number;
  perVariable: { name: string; w1: number }[];
  /** Number of start states the estimate used (shown next to the figure). */
  startStates: number;
  /** Samples per start state from each simulator. */
  samples?: number;
  /** The same W1 of the ground truth against itself: what no simulator can beat (absent if it failed, or for older runs). */
  floor?: BenchmarkFloor;
}

/** The benchmark W1's noise floor: the ground truth scored against itself on the same start states. */
export interface BenchmarkFloor {
  w1: number;
  perVariable: { name: string; w1: number }[];
}

/** Everything computed after calibration, in workers. */
export interface RunDiagnostics {
  status: 'pending' | 'done' | 'failed';
  error?: string;
  validation?: ValidationSummary;
  benchmark?: BenchmarkSummary;
  fans?: FanBand[];
  /** Rollouts per start state used for the fan charts. */
  rollouts?: number;
  seconds?: number;
}

/** One calibration in a project's run history. */
export interface RunRecord {
  id: string;
  projectId: string;
  createdAt: number;
  finishedAt?: number;
  settings: RunSettings;
  /** Hash of the simulator source the run calibrated (a {@link CodeVersion}). */
  codeHash: string;
  /** Parameter specs (prior bounds) at the time of the run. */
  parameters: ParameterSpec[];
  status: RunStatus;
  iteration: number;
  totalIterations: number;
  history: FitnessPoint[];
  traces: ParamTracePoint[];
  params?: Record<string, number>;
  bestFitness?: number;
  simulations: number;
  failures: number;
  firstError?: string;
  error?: string;
  seconds?: number;
  diagnostics?: RunDiagnostics;
  /** NPE posterior, diagnostics and provider (method 'npe'). */
  npe?: NpeRunSummary;
  /** Candidates scored so far and the run's cap (converge budget), for the time-remaining estimate. */
  candidates?: number;
  maxCandidates?: number;
  /** How the search spent its budget and why it stopped (GA/CMA-ES). */
  search?: SearchSummary;
  /** Per calibrated parameter: how well the data pin it down (issue #14). */
  identifiability?: ParameterIdentifiability[];
  /** Trust warnings known when the run finished (the validation noise ratio adds one after diagnostics). */
  warnings?: CalibrationWarning[];
}
