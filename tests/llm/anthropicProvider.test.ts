import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../src/core/llm/ChatProvider.ts';
import { LlmError } from '../../src/core/llm/LlmError.ts';
import { SUBMIT_CODE_TOOL } from '../../src/core/llm/submitCodeTool.ts';
import { createAnthropicProvider } from '../../src/llm/createAnthropicProvider.ts';
import type { ProviderOptions } from '../../src/llm/providerOptions.ts';
import { recordingSleep } from './loopFixture.ts';
import { startScriptedLlmServer, type Script, type ScriptedLlmServer } from './scriptedLlmServer.ts';
import { SIR_PROGRAM } from './scriptedPrograms.ts';

let server: ScriptedLlmServer;
beforeAll(async () => {
  server = await startScriptedLlmServer({ script: [] });
});
afterAll(() => server.close());

function setup(script: Script, extra: Partial<ProviderOptions> = {}) {
  server.setScript(script);
  server.requests.length = 0;
  const sleep = recordingSleep();
  return { provider: createAnthropicProvider({ apiKey: 'sk-ant-test', baseURL: server.origin, sleep, ...extra }), sleep };
}

const ask = (extra: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'claude-test',
  messages: [
    { role: 'system', content: 'sys' },
    { role: 'user', content: 'task' },
    { role: 'user', content: 'reflect' },
  ],
  ...extra,
});

async function failure(p: Promise<unknown>): Promise<LlmError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(LlmError);
  return e as LlmError;
}

describe('createAnthropicProvider over HTTP (scripted /v1/messages)', () => {
  it('complete() streams text and sends system apart, consecutive user turns merged, max_tokens set', async () => {
    const { provider } = setup([{ kind: 'text', text: 'Some feedback.', chunkSize: 4 }]);
    const tokens: string[] = [];
    const res = await provider.complete(ask({ temperature: 0.5 }), { onToken: (t) => tokens.push(t) });
    expect(res).toEqual({ text: 'Some feedback.', finishReason: 'stop', usage: { inputTokens: 11, outputTokens: 7 } });
    expect(tokens).toEqual(['Some', ' fee', 'dbac', 'k.']);
    const req = server.requests[0];
    expect(req.path).toBe('/v1/messages');
    // The SDK chooses the auth header (x-api-key in older versions, a Bearer token in this one).
    expect(req.headers['x-api-key'] ?? req.headers.authorization).toMatch(/sk-ant-test$/);
    expect(req.body).toMatchObject({ model: 'claude-test', system: 'sys', stream: true, temperature: 0.5, max_tokens: 16384 });
    expect(req.body.messages).toEqual([{ role: 'user', content: 'task\n\nreflect' }]);
  });

  it('complete() offers the code tool and reads a streamed tool_use block', async () => {
    const { provider } = setup([{ kind: 'tool', code: SIR_PROGRAM, description: 'binomial SIR', text: 'Here it is.', chunkSize: 50 }]);
    const res = await provider.complete(ask({ tool: { definition: SUBMIT_CODE_TOOL, choice: 'required' }, maxTokens: 4000 }));
    expect(res).toMatchObject({ text: 'Here it is.', finishReason: 'tool', toolCall: { code: SIR_PROGRAM, description: 'binomial SIR' } });
    expect(server.requests[0].body.tools).toEqual([{ name: 'submit_simulator_code', description: SUBMIT_CODE_TOOL.description, input_schema: SUBMIT_CODE_TOOL.parameters }]);
    expect(server.requests[0].body.tool_choice).toEqual({ type: 'tool', name: 'submit_simulator_code' });
    expect(server.requests[0].body.max_tokens).toBe(4000);
  });

  it.each([
    [401, 'auth'],
    [404, 'model-not-found'],
    [400, 'bad-request'],
  ] as const)('complete() maps HTTP %i to %s', async (status, code) => {
    const { provider } = setup([{ kind: 'error', status }]);
    expect((await failure(provider.complete(ask()))).code).toBe(code);
    expect(server.requests).toHaveLength(1);
  });

  it('complete() retries 429 and 529 (overloaded) with backoff, then succeeds', async () => {
    const { provider, sleep } = setup([{ kind: 'error', status: 429, headers: { 'retry-after': '3' } }, { kind: 'error', status: 529 }, { kind: 'text', text: 'ok' }]);
    expect((await provider.complete(ask())).text).toBe('ok');
    expect(sleep.waits).toEqual([3000, 2000]);
  });

  it('complete() maps garbage to bad-response and a dropped stream to network', async () => {
    expect((await failure(setup([{ kind: 'garbage', body: 'event: nonsense\ndata: ]]]\n\n' }]).provider.complete(ask()))).code).toBe('bad-response');
    expect((await failure(setup([{ kind: 'drop' }]).provider.complete(ask()))).code).toBe('network');
  });

  it('complete() rejects with aborted when the signal fires mid-stream', async () => {
    const { provider } = setup([{ kind: 'stall', text: 'partial' }]);
    const controller = new AbortController();
    expect((await failure(provider.complete(ask(), { signal: controller.signal, onToken: () => controller.abort() }))).code).toBe('aborted');
  });
});
