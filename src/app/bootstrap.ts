import { restoreLastProject } from './actions/projectActions.ts';
import { persistRunSettings } from './actions/runSettingsStorage.ts';
import { loadLlmSettings } from './actions/settingsActions.ts';
import { notify } from './actions/uiActions.ts';
import { createAutosave } from './persistence/createAutosave.ts';
import { openIdbRepository } from './persistence/openIdbRepository.ts';
import { createMemoryRepository, type StudioRepository } from './persistence/StudioRepository.ts';
import { setPersistence } from './persistence/session.ts';
import { installRecorder } from './replay/installRecorder.ts';
import { watchOtherTabs } from './persistence/watchOtherTabs.ts';
import { studioStore } from './store/studioStore.ts';

/**
 * Starts the session recorder and persistence (IndexedDB, or memory when it is unavailable), reopens
 * the last project, and flushes pending saves when the page is hidden or closed.
 */
export async function startStudio(): Promise<void> {
  loadLlmSettings();
  persistRunSettings(studioStore);
  // Before any project opens: the teaching layer that shows recordings loads lazily, too late for a
  // project created in the first seconds.
  installRecorder(studioStore);
  let repo: StudioRepository;
  try {
    repo = await openIdbRepository();
  } catch (e) {
    repo = createMemoryRepository();
    notify('error', `This browser does not allow storage here (${e instanceof Error ? e.message : String(e)}); work will not survive a reload.`);
  }
  const otherTabs = watchOtherTabs();
  const autosave = createAutosave(studioStore, repo, undefined, { onSaved: otherTabs.onSaved });
  otherTabs.connect(autosave);
  setPersistence({ repo, autosave });
  const flush = () => void autosave.flush();
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
  try {
    await restoreLastProject();
  } finally {
    studioStore.setState({ hydrated: true });
  }
  preloadWhenIdle();
}

/**
 * Plotly's first evaluation is one long main-thread task (1.5 MB of script (the cartesian bundle); ~1–2 s on a slow
 * machine). Doing it while the user reads the Knowledge step keeps it out of the first chart's way.
 */
function preloadWhenIdle(): void {
  const idle = (cb: () => void) =>
    'requestIdleCallback' in window ? window.requestIdleCallback(cb, { timeout: 5000 }) : setTimeout(cb, 2000);
  const start = () => idle(() => void import('./lib/plotly.ts').then((m) => m.loadPlotly()));
  if (studioStore.getState().meta) start();
  else {
    const unsubscribe = studioStore.subscribe((s) => {
      if (s.meta) {
        unsubscribe();
        start();
      }
    });
  }
}
