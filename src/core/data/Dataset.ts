import type { Action, State } from '../sim/types.ts';

/** The built-in benchmark environments. */
export type EnvId = 'covid' | 'supply-chain' | 'hospital';

/**
 * One observed trajectory: `states[t+1]` followed `states[t]` under `actions[t]`
 * (so `actions.length === states.length - 1`). States are the full JSON objects the data holds; the
 * observed variables are the dataset's `variables`, read as top-level numbers.
 */
export interface Trajectory {
  id: string;
  states: State[];
  actions: Action[];
}

export type SplitName = 'train' | 'val' | 'test';

/**
 * The dataset format (JSON, `format: "gsim-dataset"`, `version: 1`). Documented in the README; the CLI
 * writes it and the studio imports it.
 */
export interface Dataset {
  format: 'gsim-dataset';
  version: 1;
  name: string;
  /** Present when the data came from a built-in ground truth: enables the benchmark W1. */
  env?: EnvId;
  /** Observed variables, in the order of the observation vector (decision B2). */
  variables: string[];
  /** Seed the data was generated with, when generated. */
  seed?: number;
  splits: Record<SplitName, Trajectory[]>;
}
