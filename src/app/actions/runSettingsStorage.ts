import { DEFAULT_RUN_SETTINGS } from '../store/runsSlice.ts';
import type { StudioStore } from '../store/studioStore.ts';

/** Where this browser keeps the Calibrate step's settings (method, budget, seed, NPE budget). */
const KEY = 'gsim.runSettings';

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The saved Calibrate settings merged over the defaults, keeping only known keys whose saved value has
 * the default's type (a stale or hand-edited entry cannot break the panel); the defaults when none.
 */
export function readRunSettings(text: string | null): typeof DEFAULT_RUN_SETTINGS {
  const out = { ...DEFAULT_RUN_SETTINGS };
  let saved: unknown;
  try {
    saved = text ? JSON.parse(text) : null;
  } catch {
    return out;
  }
  if (!isObj(saved)) return out;
  const target = out as Record<string, unknown>;
  for (const [k, v] of Object.entries(saved)) {
    const d = target[k];
    if (k === 'npe' && isObj(v)) target.npe = { ...(isObj(d) ? d : {}), ...v };
    else if (d !== undefined && typeof v === typeof d && (typeof v !== 'number' || Number.isFinite(v))) target[k] = v;
  }
  return out;
}

/**
 * Restores the Calibrate settings of this browser and saves them whenever they change, so a reload
 * keeps the method and budget the user chose (they belong to the browser, like the LLM settings).
 * @returns a function that stops saving.
 */
export function persistRunSettings(store: StudioStore): () => void {
  try {
    store.setState({ settings: readRunSettings(localStorage.getItem(KEY)) });
  } catch {
    // Storage blocked: the defaults apply.
  }
  return store.subscribe((s, prev) => {
    if (s.settings === prev.settings) return;
    try {
      localStorage.setItem(KEY, JSON.stringify(s.settings));
    } catch {
      // Storage blocked or full: the settings still apply for this session.
    }
  });
}
