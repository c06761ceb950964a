import { studioStore } from '../store/studioStore.ts';
import type { Notice, PanelId, Theme } from '../store/uiSlice.ts';

let nextNoticeId = 1;

/** Opens a panel. */
export function setPanel(panel: PanelId): void {
  studioStore.setState({ panel });
}

/** Switches theme, applies it to the document and remembers it (read before first paint by index.html). */
export function setTheme(theme: Theme): void {
  studioStore.setState({ theme });
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem('gsim.theme', theme);
  } catch {
    // Storage may be blocked (private mode); the theme still applies for this session.
  }
}

/** Toggles between light and dark. */
export function toggleTheme(): void {
  setTheme(studioStore.getState().theme === 'dark' ? 'light' : 'dark');
}

/** How long a message stays unless dismissed: long enough to read an error, short enough not to pile up. */
const NOTICE_MS: Record<Notice['kind'], number> = { info: 4000, error: 15_000 };

/**
 * Shows a short message (at most four at once); it goes away by itself (info after 4 s, an error
 * after 15 s: the panel that failed keeps its own message) or with its × button.
 */
export function notify(kind: Notice['kind'], text: string): void {
  const id = nextNoticeId++;
  studioStore.setState((s) => ({ notices: [...s.notices.slice(-3), { id, kind, text }] }));
  setTimeout(() => dismissNotice(id), NOTICE_MS[kind] ?? 4000);
}

/** Removes a message. */
export function dismissNotice(id: number): void {
  studioStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}
