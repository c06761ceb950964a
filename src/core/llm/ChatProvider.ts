import type { CancelSignal } from '../util/CancelSignal.ts';
import type { SubmittedCode } from './submitCodeTool.ts';
import type { ToolDefinition } from './ToolDefinition.ts';

/** Who wrote a chat message. System text is sent the way each API wants it (Anthropic: a separate field). */
export type ChatRole = 'system' | 'user' | 'assistant';

/** One message of a conversation; plain text only (tool calls come back as {@link ChatResponse.toolCall}). */
export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** A chat completion request, provider-neutral. */
export interface ChatRequest {
  model: string;
  messages: readonly ChatMessage[];
  /** Omitted from the request when undefined (reasoning models such as o1 reject it). */
  temperature?: number;
  /** Upper bound on generated tokens; providers also stop reading a response far longer than this. */
  maxTokens?: number;
  /**
   * Offer the code-submission function ({@link SUBMIT_CODE_TOOL}): `auto` lets the model answer in prose
   * or call it, `required` forces the call. Absent: no tools (reflection turns, or servers without tools).
   */
  tool?: { definition: ToolDefinition; choice: 'auto' | 'required' };
}

/** Token counts as the provider reports them. */
export interface ChatUsage {
  inputTokens: number;
  outputTokens: number;
}

/** Why generation ended: `length` when cut at the token limit (by the server or by the provider's guard). */
export type FinishReason = 'stop' | 'length' | 'tool' | 'other';

/** What a provider returns for one request. */
export interface ChatResponse {
  /** The assistant's text (empty when it only called the tool). */
  text: string;
  /** Arguments of a `submit_simulator_code` call, when the model made one with valid arguments. */
  toolCall?: SubmittedCode;
  /** Why a tool call that was made could not be read (invalid JSON, missing `code`): shown to the LLM on retry. */
  toolCallError?: string;
  finishReason?: FinishReason;
  usage?: ChatUsage;
}

/** Streaming callbacks and cancellation for one request. */
export interface ChatHandlers {
  /**
   * Text as it arrives. Tool-call argument fragments arrive here too (raw JSON text), so a UI can show
   * progress while the model writes code through the tool.
   */
  onToken?(text: string): void;
  /** Cancels the request; the provider then rejects with an {@link LlmError} of code `aborted`. */
  signal?: ObservableCancelSignal;
}

/**
 * A {@link CancelSignal} that can also announce the cancel (an `AbortSignal` is one). Providers listen
 * when they can, so an abort interrupts a stream at once; a plain CancelSignal is polled.
 */
export interface ObservableCancelSignal extends CancelSignal {
  addEventListener?(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener?(type: 'abort', listener: () => void): void;
}

/**
 * A chat model behind one small interface, implemented for OpenAI-compatible servers and Anthropic in
 * `src/llm/` (browser and Node) and by scripted fakes in tests. Core never performs I/O itself: the
 * loop receives a provider.
 *
 * Failures reject with an {@link LlmError}; rate limits are retried inside the provider (bounded), so a
 * `rate-limit` rejection means the provider gave up.
 *
 * @example
 * const res = await provider.complete({ model: 'gpt-4o', messages }, { onToken: (t) => out.push(t) });
 * if (res.toolCall) compileSimulator(res.toolCall.code);
 */
export interface ChatProvider {
  complete(request: ChatRequest, handlers?: ChatHandlers): Promise<ChatResponse>;
}
