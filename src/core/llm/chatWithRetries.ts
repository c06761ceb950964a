import type { ChatProvider, ChatRequest, ChatResponse, ObservableCancelSignal } from './ChatProvider.ts';
import type { ChatExchange } from './GsimLoop.ts';
import { LlmError } from './LlmError.ts';

/** Codes the loop repeats a request for; rate limits are not among them (providers already back off). */
const REPEATED: ReadonlySet<string> = new Set(['timeout', 'network', 'bad-response']);

/** Arguments of {@link chatWithRetries}. */
export interface ChatWithRetriesArgs {
  provider: ChatProvider;
  request: ChatRequest;
  purpose: ChatExchange['purpose'];
  /** Repeats after a transient failure. */
  retries: number;
  signal?: ObservableCancelSignal;
  onToken?(text: string): void;
  /** NOTE: every attempt is appended here (request and answer or error), for the transcript. */
  exchanges: ChatExchange[];
}

/**
 * Sends one request, repeating it up to `retries` times when it fails transiently (dropped connection,
 * timeout, unreadable answer). Anything a provider throws that is not an {@link LlmError} becomes
 * `bad-response` (or `aborted` once the signal fired), so callers see one error type.
 * @throws LlmError the last failure, or at once for non-transient codes (auth, model-not-found, aborted…).
 */
export async function chatWithRetries(args: ChatWithRetriesArgs): Promise<ChatResponse> {
  for (let attempt = 0; ; attempt++) {
    const exchange: ChatExchange = { purpose: args.purpose, messages: [...args.request.messages] };
    args.exchanges.push(exchange);
    try {
      const response = await args.provider.complete(args.request, { onToken: args.onToken, signal: args.signal });
      exchange.response = response;
      return response;
    } catch (e) {
      const err = toLlmError(e, args.signal);
      exchange.error = err.toJSON();
      if (err.code === 'aborted' || !REPEATED.has(err.code) || attempt >= args.retries) throw err;
    }
  }
}

/**
 * Any thrown value as an {@link LlmError}: itself when it is one, `aborted` when the signal has fired,
 * `bad-response` otherwise (a provider bug or an unexpected answer shape).
 */
export function toLlmError(e: unknown, signal?: ObservableCancelSignal): LlmError {
  if (e instanceof LlmError) return e;
  if (signal?.aborted) return new LlmError('aborted');
  return new LlmError('bad-response', e instanceof Error ? e.message : String(e));
}
