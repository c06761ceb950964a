import type { LlmErrorCode } from '../../core/llm/LlmError.ts';
import type { ProviderKind } from '../../llm/createChatProvider.ts';
import { isLocalBaseURL, LOCAL_PLACEHOLDER_KEY } from '../../llm/isLocalBaseURL.ts';
import type { KeyBinding } from '../../llm/vaultMessages.ts';

/**
 * Where the API key stands, as the page may know it (never its value, which only the LLM worker holds):
 * none; held for this session; held and remembered on this device (encrypted with a passkey); or
 * remembered but locked until the passkey unlocks it (after a reload).
 */
export type KeyState = 'none' | 'session' | 'remembered' | 'locked';

/**
 * The chat model the G-Sim loop talks to, as the Settings dialog holds it. The API key is not here: the
 * LLM worker holds it (src/app/lib/llmVault.ts) and the page sees only its state and last four
 * characters; it is never part of a project document, an export, IndexedDB, or a simulation worker message.
 */
export interface LlmSettings {
  provider: ProviderKind;
  /** API root; empty means the SDK's default (api.openai.com / api.anthropic.com). */
  baseURL: string;
  model: string;
  /** Empty (undefined) leaves it to the server (reasoning models reject a temperature). */
  temperature?: number;
  maxTokens?: number;
  key: KeyState;
  /** `••••` and the key's last four characters, or '' when there is no key. */
  keyHint: string;
  /** "Remember on this device": the key is kept encrypted under a passkey's PRF output. */
  rememberKey: boolean;
  /** Something the user must know about the key (it was removed, cannot be remembered here), shown in Settings. */
  keyNotice: string;
}

/** Settings before the user has chosen anything. */
export const DEFAULT_LLM_SETTINGS: LlmSettings = {
  provider: 'openai',
  baseURL: '',
  model: 'gpt-4o',
  temperature: 0.7,
  maxTokens: 4096,
  key: 'none',
  keyHint: '',
  rememberKey: false,
  keyNotice: '',
};

export { isLocalBaseURL, LOCAL_PLACEHOLDER_KEY };

/** Why the loop cannot call the model with these settings, or null when it can. */
export function llmSettingsBlocker(s: LlmSettings): string | null {
  if (!s.model.trim()) return 'Choose a model in the LLM settings first.';
  if (s.key === 'locked') return 'Unlock the remembered API key in the LLM settings first (your passkey), or forget it and enter it again.';
  if (s.key === 'none' && !isLocalBaseURL(s.baseURL)) {
    return 'Enter an API key in the LLM settings first (it stays in this browser), or a local base URL (Ollama, LM Studio) that needs none.';
  }
  if (s.baseURL.trim() && !/^https?:\/\//i.test(s.baseURL.trim())) return 'The base URL must start with http:// or https://.';
  return null;
}

/** The provider and base URL the LLM worker calls (and binds the key to). */
export function keyBindingOf(s: LlmSettings): KeyBinding {
  return { provider: s.provider, baseURL: s.baseURL.trim() };
}

/** What the user can do about each typed provider failure (shown under the error's own message). */
export function llmErrorHint(code: LlmErrorCode | string | undefined): string {
  switch (code) {
    case 'auth':
      return 'Open LLM settings and check the API key (and that it belongs to the chosen provider).';
    case 'model-not-found':
      return 'Open LLM settings and check the model name and, for an OpenAI-compatible server, the base URL (usually ending in /v1).';
    case 'rate-limit':
      return 'The provider is throttling requests. Wait a minute, then Start again: the lineage so far is kept.';
    case 'timeout':
      return 'The provider did not answer in time. Start again; for a slow local server, lower max tokens.';
    case 'network':
      return 'The provider could not be reached. Check the base URL, that the server is running, and that it allows browser (CORS) requests.';
    case 'aborted':
      return 'The loop was cancelled.';
    case 'bad-response':
      return 'The server answered in an unexpected format. Is the base URL an OpenAI-compatible (or Anthropic) API?';
    case 'bad-request':
      return 'The server rejected a setting. Try leaving temperature or max tokens empty in LLM settings.';
    case 'no-code':
      return 'The model answered without code several times. Try a stronger model or Start again.';
    default:
      return '';
  }
}
