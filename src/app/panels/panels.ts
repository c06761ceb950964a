import type { PanelId } from '../store/uiSlice.ts';

/** The panels in the order of the user's path, with their tab labels. */
export const PANELS: readonly { id: PanelId; label: string; step?: number }[] = [
  { id: 'knowledge', label: 'Knowledge', step: 1 },
  { id: 'data', label: 'Data', step: 2 },
  { id: 'code', label: 'Simulator code', step: 3 },
  { id: 'calibrate', label: 'Calibrate', step: 4 },
  { id: 'diagnostics', label: 'Diagnostics', step: 5 },
  { id: 'loop', label: 'Refine with LLM', step: 6 },
  { id: 'scenarios', label: 'What-if & policy', step: 7 },
  { id: 'structure', label: 'Explore' },
  { id: 'history', label: 'Run history' },
];

/** The number of the last step (the separators stop before it). */
export const LAST_STEP = Math.max(...PANELS.map((p) => p.step ?? 0));
