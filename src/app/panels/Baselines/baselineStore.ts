import { createStore } from 'zustand/vanilla';
import type { MlpEpoch } from '../../../core/baselines/mlp/trainMlpBaseline.ts';

/** Training-set sizes the comparison offers (paper Table 2's question: how does each model degrade with less data?). */
export const COMPARISON_SIZES = [10, 30, 100] as const;

/** One model's line in the comparison table. */
export interface ComparisonRow {
  key: string;
  label: string;
  kind: 'generated' | 'baseline' | 'floor';
  /** Test one-step W1 against the ground truth, and its standard error over start states. */
  w1: number;
  w1StdError: number;
  /** Mean per-time W1 against the truth under the benchmark's preset intervention (null: not computed). */
  interventionError: number | null;
  /** Why the intervention error is missing or what the model could not take. */
  interventionNote?: string;
}

/** The comparison at one training-set size. */
export interface ComparisonResult {
  /** Train trajectories the baselines were fitted on. */
  size: number;
  rows: ComparisonRow[];
  statesUsed: number;
  samples: number;
  /** The preset intervention the last column refers to. */
  intervention: { name: string; description: string } | null;
}

export interface BaselineComparisonState {
  status: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  /** What is happening now ("fitting SINDy", "training the MLP", "scoring …"). */
  phase: string;
  /** The dataset the results belong to (they are not kept in the project file). */
  datasetKey: string | null;
  size: number;
  curve: MlpEpoch[];
  provider: string | null;
  /** Latest result per size, in the order computed. */
  results: ComparisonResult[];
  error: string | null;
}

/**
 * The comparison's own small store: results are derived, recomputable figures, so they live beside the
 * project rather than in its file (no schema change); they are dropped when another dataset is opened.
 */
export const baselineStore = createStore<BaselineComparisonState>(() => ({
  status: 'idle', phase: '', datasetKey: null, size: 10, curve: [], provider: null, results: [], error: null,
}));
