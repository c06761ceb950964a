import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChatRequest } from '../../src/core/llm/ChatProvider.ts';
import { LlmError } from '../../src/core/llm/LlmError.ts';
import { SUBMIT_CODE_TOOL } from '../../src/core/llm/submitCodeTool.ts';
import { createOpenAiProvider, type OpenAiProviderOptions } from '../../src/llm/createOpenAiProvider.ts';
import { recordingSleep } from './loopFixture.ts';
import { startScriptedLlmServer, type Script, type ScriptedLlmServer } from './scriptedLlmServer.ts';
import { SIR_PROGRAM } from './scriptedPrograms.ts';

let server: ScriptedLlmServer;
beforeAll(async () => {
  server = await startScriptedLlmServer({ script: [] });
});
afterAll(() => server.close());

/** Resets the server to `script` and builds a provider against it (backoff recorded, not waited). */
function setup(script: Script, extra: Partial<OpenAiProviderOptions> = {}) {
  server.setScript(script);
  server.requests.length = 0;
  const sleep = recordingSleep();
  const provider = createOpenAiProvider({ apiKey: 'test-key', baseURL: server.baseURL, sleep, ...extra });
  return { provider, sleep };
}

const ask = (extra: Partial<ChatRequest> = {}): ChatRequest => ({ model: 'test-model', messages: [{ role: 'system', content: 'sys' }, { role: 'user', content: 'hi' }], ...extra });

async function failure(p: Promise<unknown>): Promise<LlmError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(LlmError);
  return e as LlmError;
}

describe('createOpenAiProvider over HTTP', () => {
  it('complete() streams text tokens and returns text, finish reason and usage', async () => {
    const { provider } = setup([{ kind: 'text', text: 'Hello, streaming world!', chunkSize: 5 }]);
    const tokens: string[] = [];
    const res = await provider.complete(ask({ temperature: 0.3, maxTokens: 500 }), { onToken: (t) => tokens.push(t) });
    expect(res).toEqual({ text: 'Hello, streaming world!', finishReason: 'stop', usage: { inputTokens: 11, outputTokens: 7 } });
    expect(tokens).toEqual(['Hello', ', str', 'eamin', 'g wor', 'ld!']);
    const req = server.requests[0];
    expect(req.headers.authorization).toBe('Bearer test-key');
    expect(req.body).toMatchObject({ model: 'test-model', stream: true, temperature: 0.3, max_tokens: 500, stream_options: { include_usage: true } });
    expect(req.body.messages).toEqual([{ role: 'system', content: 'sys' }, { role: 'user', content: 'hi' }]);
    expect(req.body).not.toHaveProperty('tools');
  });

  it('complete() leaves out temperature when unset and can send max_completion_tokens', async () => {
    const { provider } = setup([{ kind: 'text', text: 'ok' }], { maxTokensField: 'max_completion_tokens' });
    await provider.complete(ask({ maxTokens: 64 }));
    expect(server.requests[0].body).not.toHaveProperty('temperature');
    expect(server.requests[0].body).toMatchObject({ max_completion_tokens: 64 });
    expect(server.requests[0].body).not.toHaveProperty('max_tokens');
  });

  it('complete() offers the code tool and reads a streamed tool call', async () => {
    const { provider } = setup([{ kind: 'tool', code: SIR_PROGRAM, description: 'binomial SIR', chunkSize: 40 }]);
    const tokens: string[] = [];
    const res = await provider.complete(ask({ tool: { definition: SUBMIT_CODE_TOOL, choice: 'required' } }), { onToken: (t) => tokens.push(t) });
    expect(res.toolCall).toEqual({ code: SIR_PROGRAM, description: 'binomial SIR' });
    expect(res.finishReason).toBe('tool');
    expect(tokens.length).toBeGreaterThan(5);
    expect(server.requests[0].body.tools).toEqual([{ type: 'function', function: { name: 'submit_simulator_code', description: SUBMIT_CODE_TOOL.description, parameters: SUBMIT_CODE_TOOL.parameters } }]);
    expect(server.requests[0].body.tool_choice).toEqual({ type: 'function', function: { name: 'submit_simulator_code' } });
  });

  it('complete() reports unreadable tool arguments as toolCallError, not as a failure', async () => {
    const { provider } = setup([{ kind: 'tool-raw', arguments: '{"code": "const x = 1;' }]);
    const res = await provider.complete(ask({ tool: { definition: SUBMIT_CODE_TOOL, choice: 'auto' } }));
    expect(res.toolCall).toBeUndefined();
    expect(res.toolCallError).toMatch(/^the submit_simulator_code arguments were not valid JSON/);
  });

  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [404, 'model-not-found'],
    [400, 'bad-request'],
    [500, 'network'],
  ] as const)('complete() maps HTTP %i to %s without retrying', async (status, code) => {
    const { provider, sleep } = setup([{ kind: 'error', status, message: `scripted ${status}` }]);
    const e = await failure(provider.complete(ask()));
    expect(e.code).toBe(code);
    expect(e.status).toBe(status);
    expect(e.detail).toContain(`scripted ${status}`);
    expect(server.requests).toHaveLength(1);
    expect(sleep.waits).toEqual([]);
  });

  it('complete() names the model in a model-not-found error', async () => {
    const { provider } = setup([{ kind: 'error', status: 404, message: 'The model `test-model` does not exist' }]);
    expect((await failure(provider.complete(ask()))).message).toMatch(/^The model "test-model" was not found \(HTTP 404\)/);
  });

  it('complete() retries a 429 after the Retry-After it was given, then succeeds', async () => {
    const retries: number[] = [];
    const { provider, sleep } = setup(
      [{ kind: 'error', status: 429, headers: { 'retry-after': '2' } }, { kind: 'error', status: 429, headers: { 'retry-after-ms': '1500' } }, { kind: 'text', text: 'finally' }],
      { onRetry: (e) => retries.push(e.attempt) },
    );
    const res = await provider.complete(ask());
    expect(res.text).toBe('finally');
    expect(sleep.waits).toEqual([2000, 1500]);
    expect(retries).toEqual([1, 2]);
    expect(server.requests).toHaveLength(3);
  });

  it('complete() backs off exponentially without Retry-After and gives up after maxRateLimitRetries', async () => {
    const { provider, sleep } = setup([{ kind: 'error', status: 429 }], { maxRateLimitRetries: 3, retryBaseDelayMs: 100 });
    const e = await failure(provider.complete(ask()));
    expect(e.code).toBe('rate-limit');
    expect(sleep.waits).toEqual([100, 200, 400]);
    expect(server.requests).toHaveLength(4);
  });

  it('complete() does not wait for a Retry-After beyond maxRetryDelayMs', async () => {
    const { provider, sleep } = setup([{ kind: 'error', status: 429, headers: { 'retry-after': '120' } }], { maxRetryDelayMs: 30_000 });
    const e = await failure(provider.complete(ask()));
    expect(e.code).toBe('rate-limit');
    expect(e.detail).toMatch(/^the provider asks to wait 120 s, longer than the 30 s this client waits/);
    expect(sleep.waits).toEqual([]);
  });

  it.each([
    ['HTML instead of SSE', '<html><body>502 Bad Gateway</body></html>'],
    ['an SSE event that is not JSON', 'data: {not json\n\n'],
    ['JSON without choices', 'data: {"hello": "world"}\n\n'],
  ])('complete() rejects a 200 with garbage (%s) as bad-response', async (_, body) => {
    const { provider } = setup([{ kind: 'garbage', body }]);
    expect((await failure(provider.complete(ask()))).code).toBe('bad-response');
  });

  it('complete() reports a dropped connection as network', async () => {
    const { provider } = setup([{ kind: 'drop', text: 'half an answ' }]);
    const tokens: string[] = [];
    const e = await failure(provider.complete(ask(), { onToken: (t) => tokens.push(t) }));
    expect(e.code).toBe('network');
    expect(tokens.join('')).toBe('half an answ');
  });

  it('complete() reports a refused connection as network', async () => {
    const closed = await startScriptedLlmServer({ script: [] });
    const url = closed.baseURL;
    await closed.close();
    const provider = createOpenAiProvider({ apiKey: 'k', baseURL: url });
    expect((await failure(provider.complete(ask()))).code).toBe('network');
  });

  it('complete() times out a stalled stream after idleTimeoutMs, and a slow request after timeoutMs', async () => {
    const { provider } = setup([{ kind: 'stall', text: 'thinking' }], { idleTimeoutMs: 150 });
    const idle = await failure(provider.complete(ask()));
    expect(idle.code).toBe('timeout');
    expect(idle.detail).toMatch(/no data arrived/);
    // The client hung up: the server notices (asynchronously) that its reply never completed.
    await vi.waitFor(() => expect(server.requests[0].clientClosedEarly).toBe(true));
    const slow = setup([{ kind: 'text', text: 'a slow but steady answer', chunkSize: 1, delayMs: 30 }], { timeoutMs: 150 });
    expect((await failure(slow.provider.complete(ask()))).code).toBe('timeout');
  });

  it('complete() streams a slow answer token by token when it stays within the limits', async () => {
    const { provider } = setup([{ kind: 'text', text: 'slow but steady', chunkSize: 3, delayMs: 5 }], { idleTimeoutMs: 5000 });
    const tokens: string[] = [];
    const res = await provider.complete(ask(), { onToken: (t) => tokens.push(t) });
    expect(res.text).toBe('slow but steady');
    expect(tokens).toHaveLength(5);
  });

  it('complete() rejects with aborted when the signal fires mid-stream, or before the request', async () => {
    const { provider } = setup([{ kind: 'stall', text: 'partial' }]);
    const controller = new AbortController();
    const e = await failure(provider.complete(ask(), { signal: controller.signal, onToken: () => controller.abort() }));
    expect(e.code).toBe('aborted');
    const already = new AbortController();
    already.abort();
    expect((await failure(provider.complete(ask(), { signal: already.signal }))).code).toBe('aborted');
  });

  it('complete() cuts a response far longer than maxTokens and returns it as finishReason length', async () => {
    // maxTokens 100 → cap 800 characters; the server sends 10 × (100 tokens × 4 characters) = 4000.
    const { provider } = setup([{ kind: 'flood', chars: 4000, chunkSize: 100, prefix: 'Here is the code:\n```js\n' }]);
    const res = await provider.complete(ask({ maxTokens: 100 }));
    expect(res.finishReason).toBe('length');
    // Read up to the first chunk past the cap, then stopped (not the whole 4000).
    expect(res.text.length).toBeGreaterThan(800);
    expect(res.text.length).toBeLessThanOrEqual(900);
    expect(res.text.startsWith('Here is the code:')).toBe(true);
  });
});
