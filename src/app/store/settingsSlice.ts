import { DEFAULT_LLM_SETTINGS, type LlmSettings } from '../model/LlmSettings.ts';

/** Settings that belong to this browser, not to a project (the LLM connection). */
export interface SettingsSlice {
  llm: LlmSettings;
  /** The Settings dialog is open. */
  settingsOpen: boolean;
}

/** Initial settings slice (the bootstrap then reads localStorage; see settingsActions). */
export function createSettingsSlice(): SettingsSlice {
  return { llm: { ...DEFAULT_LLM_SETTINGS }, settingsOpen: false };
}
