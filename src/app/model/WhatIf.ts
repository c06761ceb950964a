import type { PolicyRegret } from '../../core/interventions/policyRegret.ts';
import type { PolicySearchResult } from '../../core/interventions/policySearch.ts';
import type { GridDraft } from './gridDraft.ts';
import type { ScenarioDraft } from './scenarioDraft.ts';

/** Run settings of the what-if scenarios. */
export interface WhatIfSettings {
  /** Stochastic rollouts per scenario (and per side: model, truth). */
  rollouts: number;
  /** Steps per rollout. */
  horizon: number;
  seed: number;
}

/** Where the simulator's parameters came from for a run. */
export type ParamsOrigin =
  | { kind: 'calibration'; runId: string }
  | { kind: 'init' }
  /**
   * NPE posterior draws: rollout r uses draw r mod `draws` (parameter plus intrinsic uncertainty);
   * `runId` is the NPE run they came from (absent in runs saved before it was recorded).
   */
  | { kind: 'posterior'; draws: number; runId?: string };

/** How an NPE calibration's parameters enter the what-if rollouts: one posterior draw per rollout, or the posterior mean. */
export type ParamsMode = 'posterior' | 'mean';

/** Median and 5–95 % band of one variable over time, plus the mean. */
export interface SeriesBand {
  p5: number[];
  p50: number[];
  p95: number[];
  mean: number[];
}

/** Per-variable W1s between the model's and the truth's outcome distributions. */
export interface VariableW1 {
  finalW1: number;
  peakW1: number;
  peakTimeW1: number;
  meanW1: number;
}

/** 5 %, 50 % and 95 % quantiles of one outcome over the rollouts. */
export interface OutcomeInterval {
  q05: number;
  median: number;
  q95: number;
}

/** A variable's outcomes in its own units: peak, day of the peak, final value, total over the days after the start. */
export interface VariableOutcomes {
  peak: OutcomeInterval;
  peakDay: OutcomeInterval;
  final: OutcomeInterval;
  total: OutcomeInterval;
}

/** What a scenario run leaves for the charts and the W1 table (bands, not raw ensembles: small enough to save). */
export interface ScenarioOutcome {
  name: string;
  description?: string;
  /** Parameter-intervention windows [tStart, tEnd] (transitions t → t+1), shaded on the charts. */
  windows: { tStart: number; tEnd: number }[];
  steps: number;
  model: Record<string, SeriesBand>;
  truth: Record<string, SeriesBand> | null;
  comparison: { meanW1: number; perVariable: Record<string, VariableW1> } | null;
  /** Outcomes per variable (and recorded counter), model and truth; absent in runs saved before they were kept. */
  summary?: { model: Record<string, VariableOutcomes>; truth: Record<string, VariableOutcomes> | null };
  /** Why this scenario could not run (its bands are then empty); the other scenarios of the run are unaffected. */
  error?: string;
}

/** The last what-if run. */
export interface ScenarioRun {
  status: 'done' | 'failed' | 'cancelled';
  error?: string;
  variables: string[];
  outcomes: ScenarioOutcome[];
  settings: WhatIfSettings;
  params: Record<string, number>;
  origin: ParamsOrigin;
  seconds: number;
  finishedAt: number;
}

/** The last policy search: the model's and (for benchmarks) the truth's cost matrices and the regret. */
export interface PolicyRun {
  status: 'done' | 'failed' | 'cancelled';
  error?: string;
  grid: { name: string; cost: string; xName: string; yName: string; xValues: number[]; yValues: number[] };
  model: PolicySearchResult | null;
  truth: PolicySearchResult | null;
  regret: PolicyRegret | null;
  rollouts: number;
  params: Record<string, number>;
  origin: ParamsOrigin;
  seconds: number;
  finishedAt: number;
}

/** The What-if & policy panel's document, saved with the project. */
export interface WhatIfDocument {
  scenarios: ScenarioDraft[];
  settings: WhatIfSettings;
  grid: GridDraft | null;
  lastScenarioRun: ScenarioRun | null;
  lastPolicyRun: PolicyRun | null;
}
