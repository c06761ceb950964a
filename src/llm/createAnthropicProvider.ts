import type { MessageCreateParamsStreaming, MessageParam, RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import type { ChatHandlers, ChatMessage, ChatProvider, ChatRequest, ChatResponse, FinishReason } from '../core/llm/ChatProvider.ts';
import { LlmError } from '../core/llm/LlmError.ts';
import { parseSubmitCodeArguments } from '../core/llm/submitCodeTool.ts';
import { DEFAULT_MAX_TOKENS, resolveProviderOptions, type ProviderOptions } from './providerOptions.ts';
import { streamWithRetries } from './streamWithRetries.ts';

type AnthropicModule = typeof import('@anthropic-ai/sdk');

/**
 * A {@link ChatProvider} for Anthropic's Messages API through the official `@anthropic-ai/sdk`:
 * streamed messages, the code-submission function as a tool (`tool_use`), the same typed errors,
 * rate-limit retries (429 and 529 "overloaded"), timeouts, abort and output cap as
 * {@link createOpenAiProvider}. System messages go to the `system` field; consecutive messages of one
 * role are merged (the API wants alternating turns). `max_tokens` is required by the API: the request's
 * `maxTokens`, else 16384. Browser-ready (`dangerouslyAllowBrowser`), SDK loaded on first use.
 * @example
 * const provider = createAnthropicProvider({ apiKey });
 * await provider.complete({ model: 'claude-sonnet-4-5', messages, tool: { definition: SUBMIT_CODE_TOOL, choice: 'auto' } });
 */
export function createAnthropicProvider(options: ProviderOptions): ChatProvider {
  const opts = resolveProviderOptions(options);
  let sdk: Promise<{ mod: AnthropicModule; client: InstanceType<AnthropicModule['Anthropic']> }> | undefined;
  const load = () =>
    (sdk ??= import('@anthropic-ai/sdk').then((mod) => ({
      mod,
      client: new mod.Anthropic({
        apiKey: opts.apiKey,
        baseURL: opts.baseURL,
        maxRetries: 0,
        timeout: opts.timeoutMs,
        dangerouslyAllowBrowser: true,
        defaultHeaders: opts.defaultHeaders,
        fetch: opts.fetch,
        logLevel: 'off',
      }),
    })));

  return {
    async complete(request: ChatRequest, handlers: ChatHandlers = {}): Promise<ChatResponse> {
      const { mod, client } = await load();
      const maxTokens = request.maxTokens ?? DEFAULT_MAX_TOKENS;
      const { system, messages } = toAnthropicMessages(request.messages);
      const tool = request.tool?.definition;
      const body: MessageCreateParamsStreaming = {
        model: request.model,
        max_tokens: maxTokens,
        messages,
        stream: true,
        ...(system ? { system } : {}),
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        ...(tool
          ? {
              tools: [{ name: tool.name, description: tool.description, input_schema: { ...tool.parameters, type: 'object' as const } }],
              tool_choice: request.tool!.choice === 'required' ? { type: 'tool' as const, name: tool.name } : { type: 'auto' as const },
            }
          : {}),
      };
      return streamWithRetries(opts, handlers, mod, request.model, (signal) => client.messages.create(body, { signal }), () => new EventAccumulator(maxTokens * opts.maxCharsPerToken, tool?.name));
    },
  };
}

/** System text apart; user/assistant turns merged so roles alternate. */
function toAnthropicMessages(input: readonly ChatMessage[]): { system: string; messages: MessageParam[] } {
  const system: string[] = [];
  const messages: { role: 'user' | 'assistant'; content: string }[] = [];
  for (const m of input) {
    if (m.role === 'system') system.push(m.content);
    else if (messages.length > 0 && messages[messages.length - 1].role === m.role) messages[messages.length - 1].content += `\n\n${m.content}`;
    else messages.push({ role: m.role, content: m.content });
  }
  return { system: system.join('\n\n'), messages };
}

/** Builds one answer from Messages stream events. */
class EventAccumulator {
  private text = '';
  private readonly tools = new Map<number, { name: string; json: string }>();
  private stop: string | null | undefined;
  private inputTokens = 0;
  private outputTokens = 0;
  private started = false;
  private chars = 0;
  overflowed = false;

  constructor(private readonly maxChars: number, private readonly toolName: string | undefined) {}

  add(event: RawMessageStreamEvent): string {
    if (event === null || typeof event !== 'object' || typeof (event as { type?: unknown }).type !== 'string') {
      throw new LlmError('bad-response', `an unexpected stream event: ${JSON.stringify(event)?.slice(0, 200)}`);
    }
    let fresh = '';
    switch (event.type) {
      case 'message_start':
        this.started = true;
        this.inputTokens = event.message?.usage?.input_tokens ?? 0;
        break;
      case 'content_block_start':
        if (event.content_block.type === 'tool_use') this.tools.set(event.index, { name: event.content_block.name, json: '' });
        else if (event.content_block.type === 'text' && event.content_block.text) fresh = event.content_block.text;
        break;
      case 'content_block_delta':
        if (event.delta.type === 'text_delta') {
          fresh = event.delta.text;
        } else if (event.delta.type === 'input_json_delta') {
          const slot = this.tools.get(event.index) ?? { name: '', json: '' };
          slot.json += event.delta.partial_json;
          this.tools.set(event.index, slot);
          this.chars += event.delta.partial_json.length;
          if (this.chars > this.maxChars) this.overflowed = true;
          return event.delta.partial_json;
        }
        break;
      case 'message_delta':
        if (event.delta.stop_reason) this.stop = event.delta.stop_reason;
        if (event.usage?.output_tokens !== undefined) this.outputTokens = event.usage.output_tokens;
        break;
      default:
        break;
    }
    this.text += fresh;
    this.chars += fresh.length;
    if (this.chars > this.maxChars) this.overflowed = true;
    return fresh;
  }

  response(): ChatResponse {
    if (!this.started) throw new LlmError('bad-response', 'the stream ended without a message');
    if (!this.stop && !this.overflowed) throw new LlmError('network', 'the stream ended before the answer was complete (no stop_reason)');
    const res: ChatResponse = {
      text: this.text,
      finishReason: this.overflowed ? 'length' : finishReason(this.stop),
      usage: { inputTokens: this.inputTokens, outputTokens: this.outputTokens },
    };
    const call = [...this.tools.values()][0];
    if (call) {
      if (this.toolName && call.name !== this.toolName) res.toolCallError = `the model called an unknown function "${call.name}"`;
      else {
        const parsed = parseSubmitCodeArguments(call.json.trim() === '' ? '{}' : call.json);
        if (parsed.ok) res.toolCall = parsed.value;
        else res.toolCallError = parsed.error;
      }
    }
    return res;
  }
}

function finishReason(r: string | null | undefined): FinishReason {
  if (r === 'end_turn' || r === 'stop_sequence') return 'stop';
  if (r === 'max_tokens') return 'length';
  if (r === 'tool_use') return 'tool';
  return 'other';
}
