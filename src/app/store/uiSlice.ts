/** The studio's panels, in the order of the user's path. */
export type PanelId = 'knowledge' | 'data' | 'code' | 'diagram' | 'structure' | 'calibrate' | 'diagnostics' | 'loop' | 'scenarios' | 'history';

import { CLOSED_TOUR, type TourState } from '../tour/tourMachine.ts';

export type Theme = 'light' | 'dark';

/** A short message in the status area. */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

/** Shell state. */
export interface UiSlice {
  panel: PanelId;
  theme: Theme;
  /** False until IndexedDB has been read, so the shell does not flash an empty state. */
  hydrated: boolean;
  notices: Notice[];
  /** Presenter mode: larger type, no settings panels, PageDown/PageUp step through the phases. */
  presenter: boolean;
  /** The guided tour (src/app/tour). */
  tour: TourState;
}

/** Initial UI slice. */
export function createUiSlice(theme: Theme = 'light'): UiSlice {
  return { panel: 'knowledge', theme, hydrated: false, notices: [], presenter: false, tour: CLOSED_TOUR };
}
