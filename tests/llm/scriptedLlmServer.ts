import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One scripted answer. Streams are SSE in the format of the endpoint asked (OpenAI chat completions or
 * Anthropic messages), cut into `chunkSize`-character pieces with `delayMs` between them.
 */
export type ScriptedReply =
  | { kind: 'text'; text: string; chunkSize?: number; delayMs?: number }
  | { kind: 'tool'; code: string; description: string; text?: string; chunkSize?: number; delayMs?: number }
  /** A tool call whose arguments are this raw string (e.g. invalid JSON). */
  | { kind: 'tool-raw'; arguments: string }
  /** An HTTP error with the API's error body. */
  | { kind: 'error'; status: number; message?: string; headers?: Record<string, string> }
  /** Some text, then the socket is destroyed mid-stream. */
  | { kind: 'drop'; text?: string }
  /** A 200 whose body is not the API's format. */
  | { kind: 'garbage'; body: string; contentType?: string }
  /** Headers and optional text, then silence until the client gives up or the server closes. */
  | { kind: 'stall'; text?: string }
  /** `chars` characters of text (ignoring max tokens), in `chunkSize` pieces, waiting for the socket to drain. */
  | { kind: 'flood'; chars: number; chunkSize?: number; prefix?: string };

/** A request as the server saw it. */
export interface RecordedRequest {
  endpoint: 'openai' | 'anthropic';
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  /** Characters of answer text written before the reply ended or the client went away. */
  sentChars: number;
  /** True when the client closed the connection before the reply was complete. */
  clientClosedEarly: boolean;
}

/** Replies in order (the last one repeats when the list runs out), or a function of the request. */
export type Script = readonly ScriptedReply[] | ((request: RecordedRequest, index: number) => ScriptedReply);

/** A running scripted server. */
export interface ScriptedLlmServer {
  /** Root for the SDKs' `baseURL`: `http://127.0.0.1:PORT/v1` (OpenAI). */
  baseURL: string;
  /** `http://127.0.0.1:PORT` (Anthropic's SDK appends `/v1/messages` itself). */
  origin: string;
  requests: RecordedRequest[];
  setScript(script: Script): void;
  close(): Promise<void>;
}

/**
 * Starts a local fake LLM API on 127.0.0.1 (a random port unless given) that answers
 * `POST /v1/chat/completions` (OpenAI-compatible) and `POST /v1/messages` (Anthropic) with scripted
 * replies: streamed text and tool calls, HTTP errors, dropped connections, garbage, stalls and floods.
 * Every request is recorded. Only loopback is bound; `close()` ends open connections too.
 * @example
 * const server = await startScriptedLlmServer({ script: [{ kind: 'text', text: 'hi' }] });
 * const provider = createOpenAiProvider({ apiKey: 'test', baseURL: server.baseURL });
 */
export async function startScriptedLlmServer(opts: { script: Script; port?: number }): Promise<ScriptedLlmServer> {
  let script = opts.script;
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    const endpoint = path.endsWith('/chat/completions') ? 'openai' : path.endsWith('/messages') ? 'anthropic' : undefined;
    const raw = await readBody(req);
    if (req.method !== 'POST' || !endpoint) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no route ${req.method} ${path}` } }));
      return;
    }
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      /* recorded as {} */
    }
    const record: RecordedRequest = { endpoint, path, headers: req.headers, body, sentChars: 0, clientClosedEarly: false };
    const index = requests.push(record) - 1;
    const reply = typeof script === 'function' ? script(record, index) : script[Math.min(index, script.length - 1)];
    res.on('close', () => {
      if (!res.writableFinished) record.clientClosedEarly = true;
    });
    await (endpoint === 'openai' ? new OpenAiWriter(res, record, body) : new AnthropicWriter(res, record, body)).write(reply);
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseURL: `${origin}/v1`,
    origin,
    requests,
    setScript(s) {
      script = s;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length > 0 ? out : [''];
}

/** Shared SSE plumbing; subclasses render events in their API's format. */
abstract class SseWriter {
  constructor(protected readonly res: ServerResponse, protected readonly record: RecordedRequest, protected readonly body: Record<string, unknown>) {}

  protected get model(): string {
    return typeof this.body.model === 'string' ? this.body.model : 'scripted';
  }

  protected open(): void {
    this.res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  }

  /** Writes one SSE event; resolves when the socket has taken it (so floods notice a closed client). */
  protected send(data: unknown, event?: string): Promise<boolean> {
    if (this.res.destroyed || this.res.writableEnded) return Promise.resolve(false);
    const text = `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
    return new Promise((resolve) => {
      const ok = this.res.write(text);
      if (ok) resolve(!this.res.destroyed);
      else this.res.once('drain', () => resolve(!this.res.destroyed)).once('close', () => resolve(false));
    });
  }

  protected async stream(text: string, size: number, delayMs: number, each: (piece: string) => Promise<boolean>): Promise<boolean> {
    for (const piece of pieces(text, size)) {
      if (delayMs > 0) await sleep(delayMs);
      if (!(await each(piece))) return false;
      this.record.sentChars += piece.length;
    }
    return true;
  }

  async write(reply: ScriptedReply): Promise<void> {
    switch (reply.kind) {
      case 'error':
        this.res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(JSON.stringify(this.errorBody(reply.status, reply.message ?? `scripted error ${reply.status}`)));
        return;
      case 'garbage':
        this.res.writeHead(200, { 'content-type': reply.contentType ?? 'text/event-stream' }).end(reply.body);
        return;
      case 'drop':
        this.open();
        await this.textEvents(reply.text ?? 'partial answer', 8, 0, false);
        await sleep(10);
        this.res.destroy();
        return;
      case 'stall':
        this.open();
        if (reply.text) await this.textEvents(reply.text, 8, 0, false);
        return; // never ends: the client's idle timeout (or close()) ends it
      case 'flood': {
        this.open();
        const size = reply.chunkSize ?? 200;
        const filler = 'x'.repeat(size);
        let text = reply.prefix ?? '';
        while (text.length < reply.chars) text += filler;
        await this.textEvents(text.slice(0, reply.chars), size, 0, true);
        return;
      }
      case 'text':
        this.open();
        await this.textEvents(reply.text, reply.chunkSize ?? 16, reply.delayMs ?? 0, true);
        return;
      case 'tool':
        this.open();
        await this.toolEvents(JSON.stringify({ code: reply.code, description: reply.description }), reply.text ?? '', reply.chunkSize ?? 64, reply.delayMs ?? 0);
        return;
      case 'tool-raw':
        this.open();
        await this.toolEvents(reply.arguments, '', 64, 0);
        return;
    }
  }

  protected abstract errorBody(status: number, message: string): unknown;
  /** Streams `text`; with `complete`, also the closing events. */
  protected abstract textEvents(text: string, size: number, delayMs: number, complete: boolean): Promise<void>;
  protected abstract toolEvents(args: string, text: string, size: number, delayMs: number): Promise<void>;
}

class OpenAiWriter extends SseWriter {
  private chunk(delta: unknown, finish: string | null = null): unknown {
    return { id: 'chatcmpl-scripted', object: 'chat.completion.chunk', created: 0, model: this.model, choices: [{ index: 0, delta, finish_reason: finish }] };
  }

  private async close(finish: string): Promise<void> {
    await this.send(this.chunk({}, finish));
    const opts = this.body.stream_options as { include_usage?: boolean } | undefined;
    if (opts?.include_usage) {
      await this.send({ id: 'chatcmpl-scripted', object: 'chat.completion.chunk', created: 0, model: this.model, choices: [], usage: { prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 } });
    }
    await this.send('[DONE]');
    this.res.end();
  }

  protected errorBody(status: number, message: string): unknown {
    return { error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'invalid_request_error', code: null, param: null } };
  }

  protected async textEvents(text: string, size: number, delayMs: number, complete: boolean): Promise<void> {
    if (!(await this.send(this.chunk({ role: 'assistant', content: '' })))) return;
    if (!(await this.stream(text, size, delayMs, (p) => this.send(this.chunk({ content: p }))))) return;
    if (complete) await this.close('stop');
  }

  protected async toolEvents(args: string, text: string, size: number, delayMs: number): Promise<void> {
    if (text) await this.send(this.chunk({ role: 'assistant', content: text }));
    await this.send(this.chunk({ tool_calls: [{ index: 0, id: 'call_scripted', type: 'function', function: { name: 'submit_simulator_code', arguments: '' } }] }));
    if (!(await this.stream(args, size, delayMs, (p) => this.send(this.chunk({ tool_calls: [{ index: 0, function: { arguments: p } }] }))))) return;
    await this.close('tool_calls');
  }
}

class AnthropicWriter extends SseWriter {
  private async start(): Promise<boolean> {
    return this.send({
      type: 'message_start',
      message: { id: 'msg_scripted', type: 'message', role: 'assistant', model: this.model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 11, output_tokens: 1 } },
    }, 'message_start');
  }

  private async close(stop: string): Promise<void> {
    await this.send({ type: 'message_delta', delta: { stop_reason: stop, stop_sequence: null }, usage: { output_tokens: 7 } }, 'message_delta');
    await this.send({ type: 'message_stop' }, 'message_stop');
    this.res.end();
  }

  protected errorBody(status: number, message: string): unknown {
    const type = status === 401 ? 'authentication_error' : status === 404 ? 'not_found_error' : status === 429 ? 'rate_limit_error' : status === 529 ? 'overloaded_error' : 'invalid_request_error';
    return { type: 'error', error: { type, message } };
  }

  protected async textEvents(text: string, size: number, delayMs: number, complete: boolean): Promise<void> {
    if (!(await this.start())) return;
    await this.send({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start');
    const ok = await this.stream(text, size, delayMs, (p) => this.send({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: p } }, 'content_block_delta'));
    if (!ok || !complete) return;
    await this.send({ type: 'content_block_stop', index: 0 }, 'content_block_stop');
    await this.close('end_turn');
  }

  protected async toolEvents(args: string, text: string, size: number, delayMs: number): Promise<void> {
    if (!(await this.start())) return;
    let index = 0;
    if (text) {
      await this.send({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } }, 'content_block_start');
      await this.send({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } }, 'content_block_delta');
      await this.send({ type: 'content_block_stop', index }, 'content_block_stop');
      index++;
    }
    await this.send({ type: 'content_block_start', index, content_block: { type: 'tool_use', id: 'toolu_scripted', name: 'submit_simulator_code', input: {} } }, 'content_block_start');
    const ok = await this.stream(args, size, delayMs, (p) => this.send({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: p } }, 'content_block_delta'));
    if (!ok) return;
    await this.send({ type: 'content_block_stop', index }, 'content_block_stop');
    await this.close('tool_use');
  }
}
