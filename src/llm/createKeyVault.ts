import type { ChatHandlers, ChatProvider, ChatResponse } from '../core/llm/ChatProvider.ts';
import { LlmError } from '../core/llm/LlmError.ts';
import { createChatProvider, type ChatProviderConfig } from './createChatProvider.ts';
import { isLocalBaseURL, LOCAL_PLACEHOLDER_KEY } from './isLocalBaseURL.ts';
import { sealKey, unsealKey } from './sealKey.ts';
import type { KeyBinding, KeyStatus, VaultReply } from './vaultMessages.ts';

/** The longest key accepted (provider keys are well under 300 characters). */
const MAX_KEY_LENGTH = 1000;

/** How long after a key is entered with "remember" it may be sealed (the passkey prompt takes this long at most). */
export const SEAL_WINDOW_MS = 120_000;

/** Why a request to the vault was refused (a plain message, not a provider error). */
class VaultRefusal extends Error {}

function bindingOf(v: unknown): KeyBinding {
  const b = (v ?? {}) as Partial<KeyBinding>;
  if ((b.provider !== 'openai' && b.provider !== 'anthropic') || typeof b.baseURL !== 'string') throw new VaultRefusal('binding: expected { provider: "openai" | "anthropic", baseURL: string }');
  return { provider: b.provider, baseURL: b.baseURL.trim() };
}

const sameBinding = (a: KeyBinding, b: KeyBinding) => a.provider === b.provider && a.baseURL === b.baseURL;
const where = (b: KeyBinding) => `${b.provider === 'anthropic' ? 'Anthropic' : 'OpenAI-compatible'} at ${b.baseURL || 'the default host'}`;

/**
 * The API key's keeper, the whole of the LLM worker (workers/llmWorker.ts): it takes a key once, sends
 * it only to the provider and base URL it was entered for, makes the provider calls itself and streams
 * tokens back, and encrypts it for "remember on this device" under a passkey's PRF output. No message
 * returns the key, and every string it sends back has the key masked, so page code (a bug, an injected
 * script) can at worst use the key through the vault while the tab is open, never read it. Sealing is
 * the one way out (the page supplies the PRF output, so a page bug could seal with bytes of its own and
 * decrypt), so a key can be sealed only once, right after it was typed with "remember" ticked
 * ({@link SEAL_WINDOW_MS}): a bug present then could as well have read the typed text. Messages are
 * dispatched by a fixed `type` switch (no comlink: a proxy would let the page call any path, e.g.
 * `constructor.constructor`, and run code here).
 * @param post sends a reply to the page.
 * @param makeProvider the provider factory (tests pass a fake).
 * @param now the clock for the seal window (tests pass a fake).
 * @returns the message handler.
 */
export function createKeyVault(
  post: (reply: VaultReply) => void,
  makeProvider: (config: ChatProviderConfig) => ChatProvider = createChatProvider,
  now: () => number = Date.now,
): (message: unknown) => Promise<void> {
  let held: { key: string; binding: KeyBinding } | null = null;
  /** Until when the held key may be sealed (0: not at all). */
  let sealableUntil = 0;
  const running = new Map<number, AbortController>();
  const status = (): KeyStatus => (held ? { held: true, hint: `••••${held.key.slice(-4)}`, binding: held.binding } : { held: false, hint: '' });
  /** The key masked out of text the vault sends back (an error detail or an endpoint echoing it). */
  const mask = (text: string): string => (held ? text.split(held.key).join('••••') : text);
  /** The same for a whole answer, through its JSON text (where a key's `"` or `\` is escaped). */
  const maskDeep = <T>(value: T): T => (held ? (JSON.parse(JSON.stringify(value).split(JSON.stringify(held.key).slice(1, -1)).join('••••')) as T) : value);

  function hold(key: unknown, binding: KeyBinding): void {
    if (typeof key !== 'string' || !/^[\x21-\x7e]+$/.test(key.trim()) || key.trim().length > MAX_KEY_LENGTH) {
      throw new VaultRefusal(`the API key must be 1 to ${MAX_KEY_LENGTH} printable characters without spaces`);
    }
    held = { key: key.trim(), binding };
  }

  async function complete(id: number, m: Record<string, unknown>): Promise<ChatResponse> {
    const binding = bindingOf(m.binding);
    let apiKey: string;
    if (held) {
      if (!sameBinding(held.binding, binding)) throw new VaultRefusal(`the API key was entered for ${where(held.binding)} and is not sent to ${where(binding)}: enter it again for this server`);
      apiKey = held.key;
    } else if (isLocalBaseURL(binding.baseURL)) apiKey = LOCAL_PLACEHOLDER_KEY;
    else throw new VaultRefusal('no API key is set: enter one in the LLM settings (a local base URL needs none)');
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);
    const timeoutMs = num(m.timeoutMs);
    const maxRateLimitRetries = num(m.maxRateLimitRetries);
    const config = {
      kind: binding.provider,
      apiKey,
      ...(binding.baseURL ? { baseURL: binding.baseURL } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(maxRateLimitRetries !== undefined ? { maxRateLimitRetries: Math.floor(maxRateLimitRetries) } : {}),
    } as ChatProviderConfig;
    const ctl = new AbortController();
    running.set(id, ctl);
    try {
      const handlers: ChatHandlers = { signal: ctl.signal, onToken: (text) => post({ id, type: 'token', text: mask(text) }) };
      return maskDeep(await makeProvider(config).complete(m.request as Parameters<ChatProvider['complete']>[0], handlers));
    } finally {
      running.delete(id);
    }
  }

  return async (message: unknown) => {
    const m = (message ?? {}) as Record<string, unknown>;
    const id = m.id;
    if (typeof id !== 'number' || !Number.isInteger(id)) return; // not a vault request: nothing to answer
    try {
      switch (m.type) {
        case 'set':
          hold(m.key, bindingOf(m.binding));
          sealableUntil = m.remember === true ? now() + SEAL_WINDOW_MS : 0;
          return post({ id, type: 'status', status: status() });
        case 'forget':
          held = null;
          sealableUntil = 0;
          return post({ id, type: 'status', status: status() });
        case 'status':
          return post({ id, type: 'status', status: status() });
        case 'complete':
          return post({ id, type: 'done', response: await complete(id, m) });
        case 'abort':
          running.get(m.target as number)?.abort();
          return;
        case 'seal': {
          if (!held) throw new VaultRefusal('no API key is set to remember');
          const open = now() < sealableUntil;
          sealableUntil = 0; // once, whatever happens
          if (!open) throw new VaultRefusal('a key can be remembered only as it is entered: enter it again with "remember" ticked');
          const sealed = await sealKey(JSON.stringify(held), m.prf as ArrayBuffer);
          return post({ id, type: 'sealed', sealed, status: status() });
        }
        case 'unseal': {
          const opened = JSON.parse(await unsealKey(m.sealed as never, m.prf as ArrayBuffer)) as { key?: unknown; binding?: unknown };
          hold(opened.key, bindingOf(opened.binding));
          sealableUntil = 0;
          return post({ id, type: 'status', status: status() });
        }
        default:
          throw new VaultRefusal(`unknown request type ${JSON.stringify(String(m.type)).slice(0, 40)}`);
      }
    } catch (e) {
      post({ id, type: 'error', error: e instanceof LlmError ? maskDeep(e.toJSON()) : { code: 'vault', message: mask(e instanceof Error ? e.message : String(e)) } });
    }
  };
}
