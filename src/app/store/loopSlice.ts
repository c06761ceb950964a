import type { DomainRule } from '../../core/llm/DomainRule.ts';
import { IDLE_LOOP, type LoopOptions, type LoopRuntime, type LoopVersion } from '../model/LoopVersion.ts';

/** The G-Sim loop: the project's lineage and domain rules, the loop's live state and its settings. */
export interface LoopSlice {
  /** The open project's model lineage, oldest first (persisted with the project). */
  lineage: LoopVersion[];
  /** The open project's domain rules (persisted in the project document). */
  rules: DomainRule[];
  loop: LoopRuntime;
  loopOptions: LoopOptions;
  /** Versions shown side by side in the diff view (ids), or null. */
  diff: { from: string; to: string } | null;
}

/** Initial loop slice (paper notes §4.3: 5 iterations, patience 3). */
export function createLoopSlice(): LoopSlice {
  return { lineage: [], rules: [], loop: { ...IDLE_LOOP }, loopOptions: { iterations: 5, patience: 3 }, diff: null };
}
