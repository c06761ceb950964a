import { cancelCalibration, startCalibration } from './actions/calibrationActions.ts';
import { maybePersistence } from './persistence/session.ts';
import { studioStore, type StudioState } from './store/studioStore.ts';
import { probeInBrowserPool } from '../pool/probeInBrowserPool.ts';

/** What e2e tests may use (style P12): read state, wait for saves, drive long actions directly. */
export interface StudioTestApi {
  getState(): StudioState;
  /** Resolves when every pending autosave write has reached IndexedDB. */
  flushSaves(): Promise<void>;
  startCalibration(): Promise<string | null>;
  cancelCalibration(): void;
  /** Runs a program through a real sandboxed browser pool (1 s limit): the hostile corpus's runner. */
  probeProgram: typeof probeInBrowserPool;
}

declare global {
  interface Window {
    __studioTestApi?: StudioTestApi;
  }
}

/** Installs `window.__studioTestApi` (test builds only; see main.tsx). */
export function installTestApi(): void {
  window.__studioTestApi = {
    getState: () => studioStore.getState(),
    flushSaves: () => maybePersistence()?.autosave.flush() ?? Promise.resolve(),
    startCalibration,
    cancelCalibration,
    probeProgram: probeInBrowserPool,
  };
}
