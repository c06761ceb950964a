import { describe, expect, it } from 'vitest';
import { DEFAULT_LLM_SETTINGS, isLocalBaseURL, keyBindingOf, llmSettingsBlocker } from './LlmSettings.ts';

describe('LLM settings: local servers need no key', () => {
  it('isLocalBaseURL: this machine and private networks, not public hosts', () => {
    for (const u of ['http://localhost:11434/v1', 'http://127.0.0.1:1234/v1', 'http://[::1]:8000/v1', 'http://192.168.1.20:11434/v1', 'http://10.0.0.5/v1', 'http://172.20.0.2/v1', 'http://gpu-box.local:8080/v1']) {
      expect(isLocalBaseURL(u), u).toBe(true);
    }
    for (const u of ['', 'https://api.openai.com/v1', 'http://172.32.0.1/v1', 'http://8.8.8.8/v1', 'not a url', 'http://localhost.evil.com/v1']) {
      expect(isLocalBaseURL(u), u).toBe(false);
    }
  });

  it('without a key: blocked for a hosted API, allowed for a local base URL; a locked key must be unlocked first', () => {
    const hosted = { ...DEFAULT_LLM_SETTINGS, model: 'gpt-4o' };
    expect(llmSettingsBlocker(hosted)).toMatch(/API key/);
    expect(llmSettingsBlocker({ ...hosted, key: 'session', keyHint: '••••1234' })).toBeNull();
    expect(llmSettingsBlocker({ ...hosted, key: 'locked', keyHint: '••••1234' })).toMatch(/Unlock the remembered API key/);
    const ollama = { ...DEFAULT_LLM_SETTINGS, model: 'llama3.1', baseURL: ' http://localhost:11434/v1 ' };
    expect(llmSettingsBlocker(ollama)).toBeNull();
    expect(keyBindingOf(ollama)).toEqual({ provider: 'openai', baseURL: 'http://localhost:11434/v1' });
  });
});
