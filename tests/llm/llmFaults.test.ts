import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GsimLoopOptions } from '../../src/core/llm/GsimLoop.ts';
import { runGsimLoop } from '../../src/core/llm/runGsimLoop.ts';
import { createAnthropicProvider } from '../../src/llm/createAnthropicProvider.ts';
import { createOpenAiProvider } from '../../src/llm/createOpenAiProvider.ts';
import { realCallbacks, recordingSleep } from './loopFixture.ts';
import { startScriptedLlmServer, type Script, type ScriptedLlmServer, type ScriptedReply } from './scriptedLlmServer.ts';
import { FEEDBACK, SIR_PROGRAM } from './scriptedPrograms.ts';

/**
 * LLM faults that do not go away: a provider that keeps answering 200 with garbage (a non-JSON body,
 * an SSE stream whose events turn malformed halfway) or keeps answering 10× past max tokens. After a
 * good first iteration each must end the loop with a clear LlmError, and the finished iteration (its
 * code, parameters and score) must survive in the lineage: nothing is lost and nothing throws.
 */
let server: ScriptedLlmServer;
beforeAll(async () => {
  server = await startScriptedLlmServer({ script: [] });
});
afterAll(() => server.close());

const tool = (code: string) => ({ kind: 'tool' as const, code, description: 'binomial SIR' });
const goodStart: ScriptedReply[] = [tool(SIR_PROGRAM), { kind: 'text', text: FEEDBACK }];

/** OpenAI SSE: two valid text deltas, then events that are not JSON or not the API's shape. */
const openAiHalfGood =
  'data: {"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":"Here is "}}]}\n\n' +
  'data: {"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"the model"}}]}\n\n' +
  'data: {"choices": [{"delta": {"content": "oops"\n\n' +
  'data: ]]]\n\n';
const anthropicHalfGood =
  'event: message_start\ndata: {"type":"message_start","message":{"id":"m","type":"message","role":"assistant","model":"x","content":[],"stop_reason":null,"usage":{"input_tokens":1,"output_tokens":0}}}\n\n' +
  'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n' +
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Here is"}}\n\n' +
  'event: content_block_delta\ndata: {"type":"content_block_delta", "index": 0, "delta": {\n\n';

function loop(provider: 'openai' | 'anthropic', script: Script, extra: Partial<GsimLoopOptions> = {}) {
  server.setScript(script);
  server.requests.length = 0;
  const sleep = recordingSleep();
  const p =
    provider === 'openai'
      ? createOpenAiProvider({ apiKey: 'test-key', baseURL: server.baseURL, sleep })
      : createAnthropicProvider({ apiKey: 'test-key', baseURL: server.origin, sleep });
  const opts: GsimLoopOptions = {
    provider: p,
    model: { model: 'scripted-model', maxTokens: 400 },
    ...realCallbacks(),
    maxIterations: 3,
    llmRetries: 2,
    ...extra,
  };
  return runGsimLoop(opts);
}

/** The first iteration finished, is kept, and is the best; the loop stopped with `code`. */
async function expectStoppedKeepingFirst(result: Awaited<ReturnType<typeof runGsimLoop>>, code: string) {
  expect(result.stopReason).toBe('llm-error');
  expect(result.error?.code).toBe(code);
  expect(result.error?.message.length).toBeGreaterThan(20);
  expect(result.lineage.length).toBeGreaterThanOrEqual(1);
  const [first] = result.lineage;
  expect(first.code).toBe(SIR_PROGRAM);
  expect(Number.isFinite(first.valScore)).toBe(true);
  expect(Object.keys(first.params ?? {})).toEqual(expect.arrayContaining(['beta', 'gamma']));
  expect(result.best?.iteration).toBe(1);
}

describe('persistent LLM faults end the loop cleanly, keeping the finished iterations', () => {
  it.each([
    ['openai', 'a non-JSON body (HTML)', '<html><body>502 Bad Gateway</body></html>'],
    ['openai', 'an SSE stream whose events turn malformed', openAiHalfGood],
    ['anthropic', 'a non-JSON body', 'upstream exploded'],
    ['anthropic', 'an SSE stream whose events turn malformed', anthropicHalfGood],
  ] as const)('%s: 200 with %s, every time → bad-response', async (provider, _what, body) => {
    const garbage: ScriptedReply = { kind: 'garbage', body };
    const result = await loop(provider, (_r, i) => goodStart[i] ?? garbage);
    await expectStoppedKeepingFirst(result, 'bad-response');
    expect(result.error?.message).toMatch(/could not be read/);
    // 2 good answers, then the code request and its llmRetries repeats.
    expect(server.requests.length).toBe(2 + 3);
  });

  it('an answer 10× past max tokens, every time → the loop stops, keeping iteration 1', async () => {
    const flood: ScriptedReply = { kind: 'flood', chars: 400 * 4 * 10, chunkSize: 200, prefix: 'Here is my model:\n```js\nconst parameters = {\n' };
    const result = await loop('openai', (_r, i) => goodStart[i] ?? flood);
    expect(result.lineage[0].code).toBe(SIR_PROGRAM);
    expect(result.best?.iteration).toBe(1);
    // No answer was taken whole: each was cut near max tokens (≈ 4 characters per token, with slack).
    const answers = result.lineage.slice(1).flatMap((r) => r.transcript).filter((x) => x.purpose === 'propose');
    expect(answers.length).toBeGreaterThan(0);
    for (const x of answers) {
      expect(x.response?.finishReason).toBe('length');
      expect(x.response!.text.length).toBeLessThanOrEqual(400 * 8 + 200);
    }
    // Either the later iterations failed with no-code (recorded, +Infinity) or the loop stopped with an LlmError.
    // Each later iteration fails on its own, recorded as no-code (+Infinity) with the reason; the loop
    // runs on to its limit rather than crashing, and iteration 1 stays the best.
    expect(result.stopReason).toBe('max-iterations');
    const later = result.lineage.slice(1);
    expect(later).toHaveLength(2);
    for (const r of later) {
      expect(r.valScore).toBe(Infinity);
      expect(r.error).toMatchObject({ phase: 'propose', code: 'no-code' });
    }
  });
});

describe('gsim loop against a provider that turns to garbage', () => {
  const GSIM = fileURLToPath(new URL('../../bin/gsim.mjs', import.meta.url));
  const run = (cwd: string, args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const env = { ...process.env };
      delete env.OPENAI_API_KEY;
      execFile(process.execPath, [GSIM, ...args], { cwd, env, timeout: 60_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
      );
    });

  it('exits 1 with the bad-response message, and still prints and writes the finished iteration', { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gsim-faults-'));
    try {
      expect((await run(dir, ['data', '--env', 'covid', '--seed', '3', '--out', 'small.json', '--train', '6', '--val', '3', '--test', '3'])).code).toBe(0);
      server.setScript((_r, i) => goodStart[i] ?? { kind: 'garbage', body: openAiHalfGood });
      server.requests.length = 0; // the script counts requests from here
      const r = await run(dir, [
        'loop', '--env', 'covid', '--data', 'small.json', '--provider', 'openai', '--model', 'scripted', '--base-url', server.baseURL,
        '--iterations', '3', '--generations', '2', '--popsize', '8', '--mc', '1', '--states', '20', '--samples', '20', '--workers', '1',
        '--out', 'run', '--json',
      ]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/gsim loop: The provider sent a response that could not be read/);
      const out = JSON.parse(r.stdout);
      expect(out).toMatchObject({ stopReason: 'llm-error', error: { code: 'bad-response' }, bestIteration: 1 });
      expect(out.lineage[0].code).toBe(SIR_PROGRAM);
      expect(typeof out.lineage[0].valScore).toBe('number');
      expect(readFileSync(join(dir, 'run', 'iteration-1.js'), 'utf8')).toBe(SIR_PROGRAM);
      expect(existsSync(join(dir, 'run', 'lineage.json'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
