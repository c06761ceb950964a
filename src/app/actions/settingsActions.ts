import { DEFAULT_LLM_SETTINGS, type LlmSettings } from '../model/LlmSettings.ts';
import { studioStore } from '../store/studioStore.ts';

/** localStorage key of the connection settings (never the key). */
const SETTINGS_KEY = 'gsim.llm';
/** localStorage key of the API key, written only when the user ticked "remember on this device". */
const API_KEY_KEY = 'gsim.llm.apiKey';

function storage(): Storage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null; // blocked (private mode, sandboxed frame): settings last for the session
  }
}

/** Writes the settings to localStorage: the key only when remembered, and removed otherwise. */
function persist(llm: LlmSettings): void {
  const ls = storage();
  if (!ls) return;
  try {
    const { apiKey: _key, ...rest } = llm;
    void _key;
    ls.setItem(SETTINGS_KEY, JSON.stringify(rest));
    if (llm.rememberKey && llm.apiKey) ls.setItem(API_KEY_KEY, llm.apiKey);
    else ls.removeItem(API_KEY_KEY);
  } catch {
    // Quota or blocked storage: the settings still apply in memory.
  }
}

/** Reads the settings saved in this browser (start-up); unknown or malformed fields fall back to defaults. */
export function loadLlmSettings(): void {
  const ls = storage();
  if (!ls) return;
  let saved: Partial<LlmSettings> = {};
  try {
    const raw = ls.getItem(SETTINGS_KEY);
    if (raw) saved = JSON.parse(raw) as Partial<LlmSettings>;
  } catch {
    saved = {};
  }
  const d = DEFAULT_LLM_SETTINGS;
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const llm: LlmSettings = {
    provider: saved.provider === 'anthropic' ? 'anthropic' : 'openai',
    baseURL: typeof saved.baseURL === 'string' ? saved.baseURL : d.baseURL,
    model: typeof saved.model === 'string' ? saved.model : d.model,
    temperature: 'temperature' in saved ? num(saved.temperature) : d.temperature,
    maxTokens: 'maxTokens' in saved ? num(saved.maxTokens) : d.maxTokens,
    rememberKey: saved.rememberKey === true,
    apiKey: saved.rememberKey === true ? (ls.getItem(API_KEY_KEY) ?? '') : '',
  };
  studioStore.setState({ llm });
}

/**
 * Changes the LLM settings and saves them in this browser (the key only if remembered).
 * @param patch fields to change.
 */
export function updateLlmSettings(patch: Partial<LlmSettings>): void {
  const llm = { ...studioStore.getState().llm, ...patch };
  studioStore.setState({ llm });
  persist(llm);
}

/** Opens or closes the Settings dialog. */
export function setSettingsOpen(open: boolean): void {
  studioStore.setState({ settingsOpen: open });
}
