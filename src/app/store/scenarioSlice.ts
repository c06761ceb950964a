import type { WhatIfDocument, WhatIfSettings } from '../model/WhatIf.ts';

/** Progress of a what-if run or a policy search in the workers (not saved). */
export interface WhatIfJob {
  /** What runs now: the scenarios' rollouts, or the model's / the truth's grid. */
  phase: 'rollouts' | 'model' | 'truth';
  done: number;
  total: number;
  startedAt: number;
}

/** The What-if & policy panel: scenarios, grid and last results (saved with the project), and live jobs. */
export interface ScenarioSlice {
  whatIf: WhatIfDocument;
  scenarioJob: WhatIfJob | null;
  policyJob: WhatIfJob | null;
}

/** Settings small enough for a quick first run on two cores. */
export const DEFAULT_WHATIF_SETTINGS: WhatIfSettings = { rollouts: 100, horizon: 60, seed: 1 };

/** An empty document (a new project, or one saved before this panel existed). */
export function emptyWhatIf(horizon = DEFAULT_WHATIF_SETTINGS.horizon): WhatIfDocument {
  return { scenarios: [], settings: { ...DEFAULT_WHATIF_SETTINGS, horizon }, grid: null, lastScenarioRun: null, lastPolicyRun: null };
}

/** Initial scenario slice. */
export function createScenarioSlice(): ScenarioSlice {
  return { whatIf: emptyWhatIf(), scenarioJob: null, policyJob: null };
}
