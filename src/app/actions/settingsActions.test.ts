import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LLM_SETTINGS } from '../model/LlmSettings.ts';
import { projectDocumentOf } from '../store/selectors.ts';
import { studioStore } from '../store/studioStore.ts';
import { loadLlmSettings, updateLlmSettings } from './settingsActions.ts';

describe('LLM settings', () => {
  beforeEach(() => {
    localStorage.clear();
    studioStore.setState({ llm: { ...DEFAULT_LLM_SETTINGS } });
  });

  it('keeps the API key in memory only unless "remember on this device" is ticked', () => {
    updateLlmSettings({ apiKey: 'sk-secret', model: 'm1', baseURL: 'http://127.0.0.1:9/v1' });
    expect(JSON.stringify({ ...localStorage })).not.toContain('sk-secret');
    studioStore.setState({ llm: { ...DEFAULT_LLM_SETTINGS } });
    loadLlmSettings();
    expect(studioStore.getState().llm).toMatchObject({ apiKey: '', model: 'm1', baseURL: 'http://127.0.0.1:9/v1' });
  });

  it('restores a remembered key, and forgets it when unticked', () => {
    updateLlmSettings({ apiKey: 'sk-secret', rememberKey: true });
    loadLlmSettings();
    expect(studioStore.getState().llm.apiKey).toBe('sk-secret');
    updateLlmSettings({ rememberKey: false });
    expect(JSON.stringify({ ...localStorage })).not.toContain('sk-secret');
  });

  it('never puts the key into the project document (autosave and export write that)', () => {
    studioStore.setState({ meta: { id: 'p', name: 'P', env: null, createdAt: 0, updatedAt: 0 } });
    updateLlmSettings({ apiKey: 'sk-secret', rememberKey: true });
    expect(JSON.stringify(projectDocumentOf(studioStore.getState()))).not.toContain('sk-secret');
    studioStore.setState({ meta: null });
  });
});
