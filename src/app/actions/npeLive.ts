import { create } from 'zustand';

/** Live state of the NPE run in progress (memory only; the run record keeps the results). */
export interface NpeLiveState {
  runId: string | null;
  phase: 'simulate' | 'train' | 'sample' | 'pick' | 'sbc' | 'predictive' | 'budgets' | null;
  done: number;
  total: number;
  /** The NPE round in progress and how many the run has (1 of 1 for the paper preset). */
  round: number;
  rounds: number;
  /** Execution provider the estimator runs on ('webgpu' or 'wasm'), once known. */
  provider: string | null;
  /** Budget comparison in progress (run id). */
  budgetsFor: string | null;
}

export const useNpeLive = create<NpeLiveState>(() => ({ runId: null, phase: null, done: 0, total: 0, round: 1, rounds: 1, budgetsFor: null, provider: null }));
