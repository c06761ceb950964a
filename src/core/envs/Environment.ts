import type { EnvId } from '../data/Dataset.ts';
import type { Rng } from '../rng/Rng.ts';
import type { Action, State } from '../sim/types.ts';

/** A built-in benchmark: ground truth, knowledge text and data-generation recipe (paper §2, decisions B1–B7). */
export interface Environment {
  id: EnvId;
  title: string;
  /** Domain knowledge in Markdown, as the LLM receives it (no parameter values, as in the paper). */
  knowledge: string;
  /** The observation vector (decision B2). */
  variables: string[];
  /** Ground-truth simulator in the simulator form (JavaScript source). */
  groundTruthSource: string;
  /** Ground-truth parameter values (decision B1). */
  trueParams: Record<string, number>;
  /** A plausible but imperfect starter program for the studio (not the ground truth). */
  starterSource: string;
  /** Initial-state sampler. */
  initialState(rng: Rng): State;
  /** Behaviour policy that generated the data's actions; null-returning when there is no action. */
  policy(state: State, t: number, rng: Rng): Action;
  /** Trajectory length T (steps). */
  horizon: number;
}
