import type { ChatCompletionChunk, ChatCompletionCreateParamsStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ChatHandlers, ChatProvider, ChatRequest, ChatResponse, FinishReason } from '../core/llm/ChatProvider.ts';
import { LlmError } from '../core/llm/LlmError.ts';
import { parseSubmitCodeArguments } from '../core/llm/submitCodeTool.ts';
import { DEFAULT_MAX_TOKENS, resolveProviderOptions, type ProviderOptions } from './providerOptions.ts';
import { streamWithRetries } from './streamWithRetries.ts';

/** Options of {@link createOpenAiProvider}. */
export interface OpenAiProviderOptions extends ProviderOptions {
  /**
   * Which request field carries the token limit. OpenAI's reasoning models accept only
   * `max_completion_tokens`; many OpenAI-compatible servers know only `max_tokens`. Default: the former
   * for api.openai.com (or no baseURL), the latter elsewhere.
   */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  /** Ask for a final usage chunk (`stream_options.include_usage`; default true). */
  includeUsage?: boolean;
  organization?: string;
}

type OpenAiModule = typeof import('openai');

/**
 * A {@link ChatProvider} for OpenAI and OpenAI-compatible servers (vLLM, Ollama, LM Studio, …) through the
 * official `openai` SDK: streamed chat completions, the code-submission function as a tool, typed
 * errors, bounded rate-limit retries honouring Retry-After, total and idle timeouts, and abort.
 * Works in the browser (`dangerouslyAllowBrowser`: the studio calls the provider directly with the
 * user's own key, which never leaves their machine otherwise) and in Node. The SDK is imported on the
 * first request, so the studio's first paint does not pay for it.
 *
 * The SDK's own retries are off (this provider retries 429 only; the loop repeats other transient
 * failures), and a response longer than `maxTokens × maxCharsPerToken` characters is cut and returned
 * with `finishReason: 'length'` (a server ignoring the limit cannot flood memory).
 *
 * @example
 * const provider = createOpenAiProvider({ apiKey, baseURL: 'http://127.0.0.1:8000/v1' });
 * const res = await provider.complete({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
 */
export function createOpenAiProvider(options: OpenAiProviderOptions): ChatProvider {
  const opts = resolveProviderOptions(options);
  const onOpenAi = opts.baseURL === undefined || /(^|\.)api\.openai\.com/i.test(safeHost(opts.baseURL));
  const maxTokensField = options.maxTokensField ?? (onOpenAi ? 'max_completion_tokens' : 'max_tokens');
  let sdk: Promise<{ mod: OpenAiModule; client: InstanceType<OpenAiModule['OpenAI']> }> | undefined;
  const load = () =>
    (sdk ??= import('openai').then((mod) => ({
      mod,
      client: new mod.OpenAI({
        apiKey: opts.apiKey,
        baseURL: opts.baseURL,
        organization: options.organization,
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
      const body: ChatCompletionCreateParamsStreaming = {
        model: request.model,
        messages: request.messages.map((m) => ({ role: m.role, content: m.content }) as ChatCompletionMessageParam),
        stream: true,
        [maxTokensField]: maxTokens,
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        ...(options.includeUsage !== false ? { stream_options: { include_usage: true } } : {}),
        ...(request.tool
          ? {
              tools: [{ type: 'function' as const, function: { name: request.tool.definition.name, description: request.tool.definition.description, parameters: { ...request.tool.definition.parameters } } }],
              tool_choice: request.tool.choice === 'required' ? { type: 'function' as const, function: { name: request.tool.definition.name } } : 'auto',
            }
          : {}),
      };
      return streamWithRetries(opts, handlers, mod, request.model, (signal) => client.chat.completions.create(body, { signal }), () => new ChunkAccumulator(maxTokens * opts.maxCharsPerToken, request.tool?.definition.name));
    },
  };
}

/** Builds one answer from stream chunks, validating their shape (a garbage stream is `bad-response`). */
class ChunkAccumulator {
  private text = '';
  private readonly toolArgs = new Map<number, { name: string; args: string }>();
  private finish: string | null | undefined;
  private usage: ChatResponse['usage'];
  private chars = 0;
  private sawChoice = false;
  overflowed = false;

  constructor(private readonly maxChars: number, private readonly toolName: string | undefined) {}

  /** Takes one chunk; returns the new text (content or tool-argument fragment) to stream, if any. */
  add(chunk: ChatCompletionChunk): string {
    if (chunk === null || typeof chunk !== 'object' || !Array.isArray((chunk as { choices?: unknown }).choices)) {
      throw new LlmError('bad-response', `a stream chunk had no "choices" list: ${JSON.stringify(chunk)?.slice(0, 200)}`);
    }
    if (chunk.usage) this.usage = { inputTokens: chunk.usage.prompt_tokens ?? 0, outputTokens: chunk.usage.completion_tokens ?? 0 };
    let fresh = '';
    for (const choice of chunk.choices) {
      if (choice.index !== undefined && choice.index !== 0) continue;
      this.sawChoice = true;
      const delta = choice.delta ?? {};
      if (typeof delta.content === 'string') {
        this.text += delta.content;
        fresh += delta.content;
      }
      for (const call of delta.tool_calls ?? []) {
        const slot = this.toolArgs.get(call.index) ?? { name: '', args: '' };
        if (call.function?.name) slot.name += call.function.name;
        if (call.function?.arguments) {
          slot.args += call.function.arguments;
          fresh += call.function.arguments;
        }
        this.toolArgs.set(call.index, slot);
      }
      if (choice.finish_reason) this.finish = choice.finish_reason;
    }
    this.chars += fresh.length;
    if (this.chars > this.maxChars) this.overflowed = true;
    return fresh;
  }

  response(): ChatResponse {
    if (!this.sawChoice) throw new LlmError('bad-response', 'the stream ended without any answer (no choices)');
    if (!this.finish && !this.overflowed) throw new LlmError('network', 'the stream ended before the answer was complete (no finish_reason)');
    const res: ChatResponse = { text: this.text, finishReason: this.overflowed ? 'length' : finishReason(this.finish) };
    if (this.usage) res.usage = this.usage;
    const call = [...this.toolArgs.values()][0];
    if (call) {
      if (this.toolName && call.name && call.name !== this.toolName) {
        res.toolCallError = `the model called an unknown function "${call.name}"`;
      } else {
        const parsed = parseSubmitCodeArguments(call.args);
        if (parsed.ok) res.toolCall = parsed.value;
        else res.toolCallError = parsed.error;
      }
    }
    return res;
  }
}

function finishReason(r: string | null | undefined): FinishReason {
  if (r === 'stop') return 'stop';
  if (r === 'length') return 'length';
  if (r === 'tool_calls' || r === 'function_call') return 'tool';
  return 'other';
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
