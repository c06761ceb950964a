import { LlmError } from '../../core/llm/LlmError.ts';
import { vaultChatProvider } from '../lib/llmVault.ts';
import { keyBindingOf, llmErrorHint, llmSettingsBlocker, type LlmSettings } from '../model/LlmSettings.ts';

/** What a connection test found. */
export type ConnectionTestResult = { ok: true; reply: string } | { ok: false; code?: string; message: string; hint: string };

/**
 * Sends one tiny request with the given settings, so a wrong key, model or base URL shows up in the
 * Settings dialog (with the typed error's message and what to do) rather than mid-loop.
 * @param llm the settings to try.
 * @param signal cancels the request.
 */
export async function testLlmConnection(llm: LlmSettings, signal?: AbortSignal): Promise<ConnectionTestResult> {
  const blocker = llmSettingsBlocker(llm);
  if (blocker) return { ok: false, message: blocker, hint: '' };
  try {
    // The LLM worker makes the request with the key it holds; the page never has the key.
    const res = await vaultChatProvider(keyBindingOf(llm), { timeoutMs: 60_000, maxRateLimitRetries: 0 }).complete(
      { model: llm.model.trim(), messages: [{ role: 'user', content: 'Reply with the single word OK.' }], maxTokens: 16 },
      signal ? { signal } : {},
    );
    return { ok: true, reply: res.text.trim().slice(0, 80) };
  } catch (e) {
    if (e instanceof LlmError) return { ok: false, code: e.code, message: e.message, hint: llmErrorHint(e.code) };
    return { ok: false, message: e instanceof Error ? e.message : String(e), hint: '' };
  }
}
