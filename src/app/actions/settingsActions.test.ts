import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LLM_SETTINGS } from '../model/LlmSettings.ts';
import { projectDocumentOf } from '../store/selectors.ts';
import { studioStore } from '../store/studioStore.ts';

// jsdom has no Worker: the LLM worker's client is replaced by a recorder (tests/llm/keyVault.test.ts tests the worker's side).
const vault = vi.hoisted(() => ({ held: null as null | { key: string; binding: unknown } }));
vi.mock('../lib/llmVault.ts', () => ({
  holdKey: vi.fn(async (key: string, binding: unknown) => ((vault.held = { key, binding }), { held: true, hint: `••••${key.slice(-4)}`, binding })),
  forgetKey: vi.fn(async () => ((vault.held = null), { held: false, hint: '' })),
  sealHeldKey: vi.fn(),
  unsealKey: vi.fn(),
}));
const { enterApiKey, LEGACY_KEY_NOTICE, loadLlmSettings, REENTER_TO_REMEMBER, setRememberKey, updateLlmSettings } = await import('./settingsActions.ts');

const SECRET = 'sk-secret-0123456789';
const everywhereOnThePage = () => JSON.stringify({ storage: { ...localStorage }, state: studioStore.getState() });

describe('LLM settings and the API key', () => {
  beforeEach(() => {
    localStorage.clear();
    vault.held = null;
    studioStore.setState({ llm: { ...DEFAULT_LLM_SETTINGS } });
  });

  it('hands the key to the LLM worker, bound to its server: the page keeps only its hint', async () => {
    updateLlmSettings({ model: 'm1', baseURL: 'https://api.example.test/v1' });
    await enterApiKey(` ${SECRET} `);
    expect(vault.held).toEqual({ key: SECRET, binding: { provider: 'openai', baseURL: 'https://api.example.test/v1' } });
    expect(studioStore.getState().llm).toMatchObject({ key: 'session', keyHint: '••••6789' });
    expect(everywhereOnThePage()).not.toContain('sk-secret');
    studioStore.setState({ llm: { ...DEFAULT_LLM_SETTINGS } });
    loadLlmSettings();
    expect(studioStore.getState().llm).toMatchObject({ key: 'none', keyHint: '', model: 'm1', baseURL: 'https://api.example.test/v1' });
  });

  it('forgets the key when the provider or base URL changes (page code cannot re-point it)', async () => {
    await enterApiKey(SECRET);
    updateLlmSettings({ model: 'other' });
    expect(vault.held).not.toBeNull();
    updateLlmSettings({ baseURL: 'https://elsewhere.test/v1' });
    await vi.waitFor(() => expect(vault.held).toBeNull());
    expect(studioStore.getState().llm).toMatchObject({ key: 'none', keyNotice: expect.stringContaining('forgotten') });
  });

  it('removes a key an earlier version remembered in plain text, once, with a notice', () => {
    localStorage.setItem('gsim.llm', JSON.stringify({ provider: 'openai', model: 'm', baseURL: '', rememberKey: true }));
    localStorage.setItem('gsim.llm.apiKey', SECRET);
    loadLlmSettings();
    expect(localStorage.getItem('gsim.llm.apiKey')).toBeNull();
    expect(studioStore.getState().llm).toMatchObject({ key: 'none', keyNotice: LEGACY_KEY_NOTICE });
    expect(studioStore.getState().notices.map((n) => n.text)).toContain(LEGACY_KEY_NOTICE);
    loadLlmSettings();
    expect(studioStore.getState().llm.keyNotice).toBe('');
  });

  it('asks for a held key again to remember it, and keeps it for the session only where passkeys cannot protect it', async () => {
    await enterApiKey(SECRET);
    await setRememberKey(true);
    expect(studioStore.getState().llm).toMatchObject({ key: 'session', rememberKey: true, keyNotice: REENTER_TO_REMEMBER });
    await enterApiKey(SECRET);
    expect(studioStore.getState().llm).toMatchObject({ key: 'session', rememberKey: false, keyNotice: expect.stringContaining('session only') });
    expect(everywhereOnThePage()).not.toContain('sk-secret');
  });

  it('never puts the key into the project document (autosave and export write that)', async () => {
    studioStore.setState({ meta: { id: 'p', name: 'P', env: null, createdAt: 0, updatedAt: 0 } });
    await enterApiKey(SECRET);
    expect(JSON.stringify(projectDocumentOf(studioStore.getState()))).not.toContain('sk-secret');
    studioStore.setState({ meta: null });
  });
});
