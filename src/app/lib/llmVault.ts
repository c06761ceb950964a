import type { ChatProvider, ChatRequest, ChatResponse } from '../../core/llm/ChatProvider.ts';
import { LlmError, type LlmErrorData } from '../../core/llm/LlmError.ts';
import type { KeyBinding, KeyStatus, SealedKey, VaultReply, VaultRequest } from '../../llm/vaultMessages.ts';

/** Distributes Omit over a union (so each request keeps its own fields). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

let worker: Worker | null = null;
let nextId = 1;
const listeners = new Map<number, (reply: VaultReply) => void>();

/** The LLM worker (workers/llmWorker.ts), made on first use and kept for the tab's life: it holds the key. */
function vault(): Worker {
  if (!worker) {
    worker = new Worker(new URL('../../../workers/llmWorker.ts', import.meta.url), { type: 'module', name: 'gsim-llm' });
    worker.onmessage = (e: MessageEvent<VaultReply>) => listeners.get(e.data?.id)?.(e.data);
  }
  return worker;
}

/** Posts a request; `onReply` sees each reply to it until it returns true (the last one). */
function send(request: WithoutId<VaultRequest>, onReply: (reply: VaultReply) => boolean): number {
  const id = nextId++;
  listeners.set(id, (reply) => onReply(reply) && listeners.delete(id));
  vault().postMessage({ ...request, id });
  return id;
}

/** The error a vault reply carries: the provider's typed error, or the vault's refusal as a plain Error. */
function errorOf(error: LlmErrorData | { code: 'vault'; message: string }): Error {
  return error.code === 'vault' ? new Error(error.message) : LlmError.fromJSON(error as LlmErrorData);
}

/** A request whose single answer is a key status (set, forget, status, unseal). */
function ask<T extends VaultReply['type']>(request: WithoutId<VaultRequest>, want: T): Promise<Extract<VaultReply, { type: T }>> {
  return new Promise((resolve, reject) =>
    send(request, (reply) => {
      if (reply.type === want) resolve(reply as Extract<VaultReply, { type: T }>);
      else reject(reply.type === 'error' ? errorOf(reply.error) : new Error(`the LLM worker answered ${reply.type} to ${request.type}`));
      return true;
    }),
  );
}

/**
 * Hands a typed key to the LLM worker, bound to the provider and base URL it is for. From here on the
 * page holds only its hint (`••••1234`); the caller should drop the typed text.
 * @param remember the key is to be sealed by the {@link sealHeldKey} that follows (allowed once, soon).
 */
export const holdKey = async (key: string, binding: KeyBinding, remember = false): Promise<KeyStatus> => (await ask({ type: 'set', key, binding, remember }, 'status')).status;

/** Makes the LLM worker drop the key it holds. */
export const forgetKey = async (): Promise<KeyStatus> => (await ask({ type: 'forget' }, 'status')).status;

/** Encrypts the held key under a passkey's PRF output (in the worker), for "remember on this device". */
export const sealHeldKey = async (prf: ArrayBuffer): Promise<SealedKey> => (await ask({ type: 'seal', prf }, 'sealed')).sealed;

/** Opens a remembered key with the passkey's PRF output; the worker holds it from then on. */
export const unsealKey = async (prf: ArrayBuffer, sealed: SealedKey): Promise<KeyStatus> => (await ask({ type: 'unseal', prf, sealed }, 'status')).status;

/**
 * A chat provider whose requests the LLM worker makes with the key it holds (or none, for a local
 * server): tokens stream back here, the key never does.
 * @param binding the provider and base URL to call; the worker refuses any other than its key's.
 * @param options per-request limits forwarded to the SDK provider.
 */
export function vaultChatProvider(binding: KeyBinding, options: { timeoutMs?: number; maxRateLimitRetries?: number } = {}): ChatProvider {
  return {
    complete(request: ChatRequest, handlers = {}) {
      return new Promise<ChatResponse>((resolve, reject) => {
        const { signal, onToken } = handlers;
        if (signal?.aborted) return reject(new LlmError('aborted'));
        const onAbort = () => vault().postMessage({ id: nextId++, type: 'abort', target: id } satisfies VaultRequest);
        const id = send({ type: 'complete', binding, request, ...options }, (reply) => {
          if (reply.type === 'token') {
            onToken?.(reply.text);
            return false;
          }
          signal?.removeEventListener?.('abort', onAbort);
          clearInterval(poll);
          if (reply.type === 'done') resolve(reply.response);
          else reject(reply.type === 'error' ? errorOf(reply.error) : new Error(`the LLM worker answered ${reply.type} to a request`));
          return true;
        });
        signal?.addEventListener?.('abort', onAbort, { once: true });
        // A plain CancelSignal announces nothing: look at it a few times a second.
        const poll = signal && !signal.addEventListener ? setInterval(() => signal.aborted && (clearInterval(poll), onAbort()), 250) : undefined;
      });
    },
  };
}
