import type { ChatHandlers, ChatProvider, ChatRequest, ChatResponse } from '../ChatProvider.ts';
import { LlmError } from '../LlmError.ts';

/** What a fake answer may be: a response, a failure to throw, or a plain string (text). */
export type FakeReply = ChatResponse | LlmError | string;

/** A provider whose answers come from a list (the last repeats) or a function; every request is kept. */
export interface FakeProvider extends ChatProvider {
  requests: ChatRequest[];
}

/**
 * An in-memory {@link ChatProvider} for loop tests: no I/O, answers in order, each text answer also
 * "streamed" as one token per line so token events can be asserted.
 */
export function fakeProvider(replies: readonly FakeReply[] | ((request: ChatRequest, index: number) => FakeReply)): FakeProvider {
  const requests: ChatRequest[] = [];
  return {
    requests,
    async complete(request: ChatRequest, handlers: ChatHandlers = {}): Promise<ChatResponse> {
      const index = requests.push(JSON.parse(JSON.stringify(request)) as ChatRequest) - 1;
      if (handlers.signal?.aborted) throw new LlmError('aborted');
      const reply = typeof replies === 'function' ? replies(request, index) : replies[Math.min(index, replies.length - 1)];
      if (reply instanceof LlmError) throw reply;
      const response: ChatResponse = typeof reply === 'string' ? { text: reply, finishReason: 'stop' } : reply;
      for (const line of response.text.split(/(?<=\n)/)) if (line) handlers.onToken?.(line);
      return response;
    },
  };
}

/** A tool-call answer carrying `code`. */
export function toolReply(code: string, description = `model ${code.slice(0, 12)}`): ChatResponse {
  return { text: '', toolCall: { code, description }, finishReason: 'tool' };
}
