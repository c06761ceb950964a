import { create } from 'zustand';

/** Live state of the NPE run in progress (memory only; the run record keeps the results). */
export interface NpeLiveState {
  runId: string | null;
  phase: 'simulate' | 'train' | 'sample' | 'sbc' | 'predictive' | 'budgets' | null;
  done: number;
  total: number;
  /** Execution provider the estimator runs on ('webgpu' or 'wasm'), once known. */
  provider: string | null;
  /** Budget comparison in progress (run id). */
  budgetsFor: string | null;
}

export const useNpeLive = create<NpeLiveState>(() => ({ runId: null, phase: null, done: 0, total: 0, provider: null, budgetsFor: null }));
