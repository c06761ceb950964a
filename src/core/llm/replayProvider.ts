import type { ChatHandlers, ChatProvider, ChatRequest, ChatResponse } from './ChatProvider.ts';
import { LlmError, type LlmErrorData } from './LlmError.ts';

/** One answer of a recorded session: what the provider returned, or the typed failure it threw. */
export type RecordedReply = { response: ChatResponse } | { error: LlmErrorData };

/** Options of {@link createReplayProvider}. */
export interface ReplayProviderOptions {
  /** Characters per streamed token (default 48). */
  chunkSize?: number;
  /** Pause between streamed tokens, through `sleep` (default 0: no pause). */
  delayMs?: number;
  /** Injected timer (core has no clock); without it the text streams at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Told the index of each reply served, so a replay UI can follow along. */
  onServe?: (index: number) => void;
}

/** A {@link ChatProvider} that answers from a recording, and how far it got. */
export interface ReplayProvider extends ChatProvider {
  /** Replies served so far. */
  readonly served: number;
}

/**
 * What a provider streams for a response: the text, and for a tool call its raw JSON arguments, as the
 * live providers do (so the Refine panel's streaming preview behaves the same in a replay).
 */
export function streamedTextOf(response: ChatResponse): string {
  const args = response.toolCall ? JSON.stringify({ code: response.toolCall.code, description: response.toolCall.description }) : '';
  return response.text + args;
}

/**
 * A provider that plays back recorded replies in order, streaming each one's text in chunks, so a
 * recorded G-Sim loop re-runs with no API key. The loop is deterministic given its answers (seeded
 * calibration and diagnostics), so serving them in order reproduces the session; a request past the
 * end of the recording rejects with a `bad-request` {@link LlmError} saying so (not retried).
 *
 * @example
 * const provider = createReplayProvider(recorded, { delayMs: 20, sleep: pauseFor });  // pauseFor: the app's injected timer
 * await runGsimLoop({ provider, ... });
 */
export function createReplayProvider(replies: readonly RecordedReply[], options: ReplayProviderOptions = {}): ReplayProvider {
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? 48));
  const delayMs = options.delayMs ?? 0;
  let served = 0;

  const checkAbort = (handlers: ChatHandlers) => {
    if (handlers.signal?.aborted) throw new LlmError('aborted');
  };

  return {
    get served() {
      return served;
    },
    async complete(_request: ChatRequest, handlers: ChatHandlers = {}): Promise<ChatResponse> {
      checkAbort(handlers);
      if (served >= replies.length) {
        throw new LlmError('bad-request', `the recording holds ${replies.length} answer${replies.length === 1 ? '' : 's'} and all were used: this session asked for more than the recorded one did`);
      }
      const index = served++;
      options.onServe?.(index);
      const reply = replies[index];
      if ('error' in reply) throw LlmError.fromJSON(reply.error);
      const text = streamedTextOf(reply.response);
      for (let i = 0; i < text.length; i += chunkSize) {
        if (delayMs > 0 && options.sleep) await options.sleep(delayMs);
        checkAbort(handlers);
        handlers.onToken?.(text.slice(i, i + chunkSize));
      }
      return structuredCloneResponse(reply.response);
    },
  };
}

/** A copy, so the loop can never change the recording it is served from. */
function structuredCloneResponse(r: ChatResponse): ChatResponse {
  return JSON.parse(JSON.stringify(r)) as ChatResponse;
}
