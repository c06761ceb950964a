import type { SplitName } from '../../core/data/Dataset.ts';

/** Reads a split's colour from the theme (CSS custom properties --train, --val, --test). */
export function splitColor(split: SplitName): string {
  const fallback = { train: '#3b6df0', val: '#e8871e', test: '#2f9e6e' }[split];
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(`--${split}`).trim() || fallback;
}

/** Colours for parameter traces and per-variable bars, distinguishable in both themes. */
export const SERIES_COLORS = ['#3b6df0', '#e8871e', '#2f9e6e', '#c2417a', '#7b61d1', '#1aa3b8', '#a3782a', '#5b6b82'];
