/**
 * Why a chat request (or reading code out of its answer) failed. The UI and CLI tell these apart:
 * `auth`, `model-not-found` and `bad-request` need the user to change a setting; `rate-limit`,
 * `timeout`, `network` and `bad-response` are transient; `aborted` is the user's own cancel; `no-code`
 * is the model's fault and is retried by the loop with the error shown to the model.
 */
export type LlmErrorCode =
  | 'auth' // HTTP 401/403: key missing, wrong or without access
  | 'model-not-found' // HTTP 404: unknown model (or wrong base URL)
  | 'rate-limit' // HTTP 429/529 after the provider's bounded retries
  | 'timeout' // no answer, or a stalled stream, within the time limit
  | 'network' // connection refused/dropped, or a 5xx from the server
  | 'aborted' // cancelled through the signal
  | 'bad-response' // a 200 whose body could not be read (not JSON / not the expected shape)
  | 'bad-request' // HTTP 400/422: the server rejected a parameter (e.g. temperature on a reasoning model)
  | 'no-code'; // the answer held neither a tool call nor a fenced code block

/** Extra facts about a failure, kept for retries and for the error panel. */
export interface LlmErrorInfo {
  /** HTTP status when the server answered. */
  status?: number;
  /** Server-requested wait before retrying (Retry-After), in milliseconds. */
  retryAfterMs?: number;
  /** The model that was asked for (named in `model-not-found` messages). */
  model?: string;
}

/** Plain data form of an {@link LlmError}, for worker messages and saved lineages. */
export interface LlmErrorData extends LlmErrorInfo {
  code: LlmErrorCode;
  message: string;
  detail?: string;
}

/** What to tell the user for each code; `detail` (the server's own words) is appended when present. */
function userMessage(code: LlmErrorCode, info: LlmErrorInfo): string {
  const http = info.status !== undefined ? ` (HTTP ${info.status})` : '';
  switch (code) {
    case 'auth':
      return `The provider rejected the API key${http}. Check the key in the settings and that it belongs to this provider.`;
    case 'model-not-found':
      return `The model ${info.model ? `"${info.model}" ` : ''}was not found${http}. Check the model name (and the base URL of an OpenAI-compatible server).`;
    case 'rate-limit':
      return `The provider is rate-limiting requests${http} and the retries ran out. Wait a minute and try again, or check your plan's limits.`;
    case 'timeout':
      return 'The provider did not answer in time (or its stream stalled). Try again, or raise the timeout for slow reasoning models.';
    case 'network':
      return `Could not reach the provider, or the connection failed${http}. Check the network and the base URL.`;
    case 'aborted':
      return 'The request was cancelled.';
    case 'bad-response':
      return `The provider sent a response that could not be read${http}.`;
    case 'bad-request':
      return `The provider rejected the request${http}. Check the model settings: some models reject a temperature or a max-tokens setting.`;
    case 'no-code':
      return 'The model answered without simulator code (no submit_simulator_code call and no fenced code block).';
    default:
      return exhaustive(code);
  }
}

function exhaustive(x: never): never {
  throw new Error(`Unhandled LlmErrorCode: ${String(x)}`);
}

/**
 * A typed failure of a chat provider or of code extraction. `message` is written for the user;
 * `detail` keeps the technical cause (the server's error text, the parser's message).
 *
 * @example
 * throw new LlmError('model-not-found', 'The model `gpt-5x` does not exist', { status: 404, model: 'gpt-5x' });
 */
export class LlmError extends Error {
  readonly code: LlmErrorCode;
  readonly detail?: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly model?: string;

  /**
   * @param code what kind of failure.
   * @param detail the technical cause, appended to the user-facing message.
   * @param info HTTP status, Retry-After and model, when known.
   */
  constructor(code: LlmErrorCode, detail?: string, info: LlmErrorInfo = {}) {
    const base = userMessage(code, info);
    super(detail ? `${base} Details: ${detail}` : base);
    this.name = 'LlmError';
    this.code = code;
    this.detail = detail;
    this.status = info.status;
    this.retryAfterMs = info.retryAfterMs;
    this.model = info.model;
  }

  /** True for failures worth retrying as they are (the request itself was fine). */
  get transient(): boolean {
    return this.code === 'timeout' || this.code === 'network' || this.code === 'bad-response' || this.code === 'rate-limit';
  }

  /** A plain object that survives structured cloning and JSON. */
  toJSON(): LlmErrorData {
    return { code: this.code, message: this.message, detail: this.detail, status: this.status, retryAfterMs: this.retryAfterMs, model: this.model };
  }

  /** Rebuilds an error from {@link LlmError.toJSON} output. */
  static fromJSON(d: LlmErrorData): LlmError {
    return new LlmError(d.code, d.detail, d);
  }
}
