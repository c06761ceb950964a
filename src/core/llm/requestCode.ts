import type { ChatMessage, ChatProvider, ChatResponse, ObservableCancelSignal } from './ChatProvider.ts';
import { chatWithRetries } from './chatWithRetries.ts';
import { noCodeRetryPrompt } from './codeRequestPrompt.ts';
import { extractCode, type ExtractedCode } from './extractCode.ts';
import type { ChatExchange, ModelSettings } from './GsimLoop.ts';
import { SUBMIT_CODE_TOOL } from './submitCodeTool.ts';
import type { ToolMode } from './systemPrompt.ts';

/** Arguments of {@link requestCode}. */
export interface RequestCodeArgs {
  provider: ChatProvider;
  model: ModelSettings;
  messages: readonly ChatMessage[];
  toolMode: ToolMode;
  maxNoCodeRetries: number;
  llmRetries: number;
  signal?: ObservableCancelSignal;
  onToken?(text: string): void;
  /** NOTE: every request made is appended here. */
  exchanges: ChatExchange[];
}

/** How much of a code-less answer is echoed back in the retry conversation (a runaway answer can be huge). */
const MAX_ECHO = 4000;

/**
 * Asks for a program and reads it out of the answer ({@link extractCode}). An answer without code is
 * followed up in the same conversation, telling the model what was wrong, up to `maxNoCodeRetries`
 * times; after that the `no-code` result is returned (the iteration fails, the loop goes on).
 * @throws LlmError when a request fails (see chatWithRetries).
 */
export async function requestCode(args: RequestCodeArgs): Promise<ExtractedCode> {
  let messages = [...args.messages];
  for (let attempt = 0; ; attempt++) {
    const response = await chatWithRetries({
      provider: args.provider,
      request: {
        ...args.model,
        messages,
        tool: args.toolMode === 'none' ? undefined : { definition: SUBMIT_CODE_TOOL, choice: args.toolMode },
      },
      purpose: 'propose',
      retries: args.llmRetries,
      signal: args.signal,
      onToken: args.onToken,
      exchanges: args.exchanges,
    });
    const got = extractCode(response);
    if (got.ok || attempt >= args.maxNoCodeRetries) return got;
    messages = [
      ...messages,
      { role: 'assistant', content: echo(response) },
      { role: 'user', content: noCodeRetryPrompt(got.error.detail ?? got.error.message, args.toolMode) },
    ];
  }
}

function echo(response: ChatResponse): string {
  let text = response.text.length > MAX_ECHO ? `${response.text.slice(0, MAX_ECHO)}\n[… answer cut here]` : response.text;
  if (response.toolCallError) text += `${text ? '\n' : ''}[a ${SUBMIT_CODE_TOOL.name} call with unreadable arguments]`;
  return text || '(an empty answer)';
}
