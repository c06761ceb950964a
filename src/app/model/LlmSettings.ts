import type { LlmErrorCode } from '../../core/llm/LlmError.ts';
import type { ChatProviderConfig, ProviderKind } from '../../llm/createChatProvider.ts';

/**
 * The chat model the G-Sim loop talks to, as the Settings dialog holds it. The API key lives in memory
 * only, unless `rememberKey` is ticked (then in this browser's localStorage); it is never part of a
 * project document, an export, IndexedDB, or a worker message.
 */
export interface LlmSettings {
  provider: ProviderKind;
  /** API root; empty means the SDK's default (api.openai.com / api.anthropic.com). */
  baseURL: string;
  model: string;
  apiKey: string;
  /** Empty (undefined) leaves it to the server (reasoning models reject a temperature). */
  temperature?: number;
  maxTokens?: number;
  rememberKey: boolean;
}

/** Settings before the user has chosen anything. */
export const DEFAULT_LLM_SETTINGS: LlmSettings = {
  provider: 'openai',
  baseURL: '',
  model: 'gpt-4o',
  apiKey: '',
  temperature: 0.7,
  maxTokens: 4096,
  rememberKey: false,
};

/**
 * Sent to a local server when no key is typed: Ollama, LM Studio and llama.cpp ignore the key, but the
 * SDKs refuse to send a request without one (as the CLI's placeholder).
 */
export const LOCAL_PLACEHOLDER_KEY = 'no-key';

/**
 * Whether a base URL points at this machine or the local network (localhost, 127.x, ::1, 0.0.0.0,
 * *.local, 10.x, 192.168.x, 172.16–31.x): a local server that needs no API key.
 */
export function isLocalBaseURL(baseURL: string): boolean {
  let host: string;
  try {
    host = new URL(baseURL.trim()).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host === '[::1]' || host === '0.0.0.0') return true;
  const ip = host.split('.').map(Number);
  if (ip.length !== 4 || ip.some((n) => !Number.isInteger(n) || n < 0 || n > 255)) return false;
  return ip[0] === 127 || ip[0] === 10 || (ip[0] === 192 && ip[1] === 168) || (ip[0] === 172 && ip[1] >= 16 && ip[1] <= 31);
}

/** Why the loop cannot call the model with these settings, or null when it can. */
export function llmSettingsBlocker(s: LlmSettings): string | null {
  if (!s.model.trim()) return 'Choose a model in the LLM settings first.';
  if (!s.apiKey.trim() && !isLocalBaseURL(s.baseURL)) {
    return 'Enter an API key in the LLM settings first (it stays in this browser), or a local base URL (Ollama, LM Studio) that needs none.';
  }
  if (s.baseURL.trim() && !/^https?:\/\//i.test(s.baseURL.trim())) return 'The base URL must start with http:// or https://.';
  return null;
}

/** The provider configuration for `createChatProvider` (pure; no key is logged or stored by it); a local server without a key gets a placeholder. */
export function providerConfigOf(s: LlmSettings): ChatProviderConfig {
  const baseURL = s.baseURL.trim() || undefined;
  const apiKey = s.apiKey.trim() || (baseURL && isLocalBaseURL(baseURL) ? LOCAL_PLACEHOLDER_KEY : '');
  return s.provider === 'anthropic' ? { kind: 'anthropic', apiKey, ...(baseURL ? { baseURL } : {}) } : { kind: 'openai', apiKey, ...(baseURL ? { baseURL } : {}) };
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
