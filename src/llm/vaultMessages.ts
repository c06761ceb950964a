import type { ChatRequest, ChatResponse } from '../core/llm/ChatProvider.ts';
import type { LlmErrorData } from '../core/llm/LlmError.ts';
import type { ProviderKind } from './createChatProvider.ts';

/**
 * Where a key may be sent: the provider and base URL it was entered for (empty base URL: the SDK's
 * default host). The vault sends a key nowhere else, so page code cannot point it at another server.
 */
export interface KeyBinding {
  provider: ProviderKind;
  baseURL: string;
}

/** A key encrypted for "remember on this device" (AES-GCM; its key derived from a passkey's PRF output). */
export interface SealedKey {
  /** 12-byte AES-GCM nonce. */
  iv: Uint8Array;
  /** The encrypted `{ key, binding }` JSON, with its tag. */
  data: Uint8Array;
}

/** What the page may ask the key vault (workers/llmWorker.ts). No message returns the key. */
export type VaultRequest =
  /** `remember`: the key may be sealed once, within a short time, by the `seal` that follows (see createKeyVault). */
  | { id: number; type: 'set'; key: string; binding: KeyBinding; remember?: boolean }
  | { id: number; type: 'forget' }
  | { id: number; type: 'status' }
  | { id: number; type: 'complete'; binding: KeyBinding; request: ChatRequest; timeoutMs?: number; maxRateLimitRetries?: number }
  | { id: number; type: 'abort'; target: number }
  | { id: number; type: 'seal'; prf: ArrayBuffer }
  | { id: number; type: 'unseal'; prf: ArrayBuffer; sealed: SealedKey };

/** What the held key looks like from the page: whether there is one, its last four characters, and where it goes. */
export interface KeyStatus {
  held: boolean;
  /** `••••` and the key's last four characters, or '' when none is held. */
  hint: string;
  binding?: KeyBinding;
}

/** The vault's answers, by the request's id. */
export type VaultReply =
  | { id: number; type: 'status'; status: KeyStatus }
  | { id: number; type: 'token'; text: string }
  | { id: number; type: 'done'; response: ChatResponse }
  | { id: number; type: 'sealed'; sealed: SealedKey; status: KeyStatus }
  | { id: number; type: 'error'; error: LlmErrorData | { code: 'vault'; message: string } };
