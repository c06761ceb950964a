import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GsimLoopOptions } from '../../src/core/llm/GsimLoop.ts';
import { normalizeCode } from '../../src/core/llm/normalizeCode.ts';
import { runGsimLoop } from '../../src/core/llm/runGsimLoop.ts';
import { createOpenAiProvider, type OpenAiProviderOptions } from '../../src/llm/createOpenAiProvider.ts';
import { realCallbacks, recordingSleep } from './loopFixture.ts';
import { startScriptedLlmServer, type Script, type ScriptedLlmServer } from './scriptedLlmServer.ts';
import {
  FEEDBACK, FENCED_SIR_ANSWER, NAN_PROGRAM, SIR_PROGRAM, SIR_RATE_PROGRAM, SYNTAX_ERROR_PROGRAM, THROWING_PROGRAM, sirScenario,
} from './scriptedPrograms.ts';

/**
 * The G-Sim loop end to end: the real OpenAI provider over real HTTP against the scripted server, and
 * the real core behind the callbacks (GA calibration, validation metrics, domain rules) on a small
 * COVID dataset. Each test scripts the model's answers and checks what the loop made of them.
 */
let server: ScriptedLlmServer;
beforeAll(async () => {
  server = await startScriptedLlmServer({ script: [] });
});
afterAll(() => server.close());

const tool = (code: string, description = 'binomial SIR') => ({ kind: 'tool' as const, code, description });
const text = (t: string) => ({ kind: 'text' as const, text: t });

function loop(script: Script, extra: Partial<GsimLoopOptions> = {}, providerExtra: Partial<OpenAiProviderOptions> = {}) {
  server.setScript(script);
  server.requests.length = 0;
  const sleep = recordingSleep();
  const callbacks = realCallbacks();
  const tokens: { phase: string; text: string }[] = [];
  const warmStarts: (Record<string, number> | undefined)[] = [];
  const opts: GsimLoopOptions = {
    provider: createOpenAiProvider({ apiKey: 'test-key', baseURL: server.baseURL, sleep, ...providerExtra }),
    model: { model: 'scripted-model', temperature: 0.7, maxTokens: 4000 },
    ...callbacks,
    calibrate: (code, warm, ctx) => {
      warmStarts.push(warm);
      return callbacks.calibrate(code, warm, ctx);
    },
    maxIterations: 1,
    events: { onToken: (e) => tokens.push({ phase: e.phase, text: e.text }) },
    ...extra,
  };
  return { run: () => runGsimLoop(opts), sleep, calibrations: callbacks.calibrations, tokens, warmStarts };
}

/** The text of the last user message of the n-th request the server saw. */
function lastUserMessage(n: number): string {
  const messages = server.requests[n].body.messages as { role: string; content: string }[];
  return messages.filter((m) => m.role === 'user').at(-1)!.content;
}

describe('runGsimLoop with the OpenAI provider over HTTP', () => {
  it('a correct SIR program is calibrated and diagnosed; reflection and code requests follow; identical code is reused', async () => {
    const reindented = SIR_PROGRAM.replace(/\n {2}/g, '\n    ');
    const t = loop([tool(SIR_PROGRAM), text(FEEDBACK), tool(SIR_RATE_PROGRAM, 'SIR with rate conversion'), text(FEEDBACK), tool(reindented)], { maxIterations: 3 });
    const result = await t.run();
    expect(result.stopReason).toBe('max-iterations');
    const [first, second, third] = result.lineage;
    expect(Object.keys(first.params!)).toEqual(['beta', 'gamma']);
    expect(Number.isFinite(first.valScore)).toBe(true);
    expect(first.diagnosis?.ruleViolations.map((v) => [v.rule, v.rate])).toEqual([['conservation', 0], ['non-negative', 0]]);
    expect(Object.keys(first.diagnosis!.perVariable)).toEqual(['S', 'I', 'R']);
    expect(second).toMatchObject({ description: 'SIR with rate conversion', feedback: FEEDBACK });
    expect(third.reusedFrom).toBe(1);
    expect(third.valScore).toBe(first.valScore);
    expect(t.calibrations).toHaveLength(2);
    // Iteration 2 is warm-started from the best so far (iteration 1); iteration 3 was not calibrated at all.
    expect(t.warmStarts).toEqual([undefined, first.params]);
    expect(result.best?.iteration).toBe(first.valScore <= second.valScore ? 1 : 2);
    // What went over the wire: 5 requests; the reflection without tools, the code request with them.
    expect(server.requests).toHaveLength(5);
    expect(server.requests[1].body.tools).toBeUndefined();
    expect(lastUserMessage(1)).toContain('Iteration 1. Val score: ');
    expect(lastUserMessage(1)).toContain('sorted for the lowest validation score last');
    expect(lastUserMessage(1)).toContain('conservation 0.0%');
    expect(lastUserMessage(1)).toContain('const fittedParameters = { beta: ');
    expect(server.requests[2].body.tools).toBeDefined();
    expect((server.requests[2].body.messages as { role: string; content: string }[]).at(-2)).toEqual({ role: 'assistant', content: FEEDBACK });
    expect(lastUserMessage(3)).toContain('Iteration 2. Val score: ');
    // Tokens streamed from both kinds of request.
    expect(new Set(t.tokens.map((x) => x.phase))).toEqual(new Set(['propose', 'reflect']));
    expect(t.tokens.filter((x) => x.phase === 'reflect').map((x) => x.text).join('')).toBe(FEEDBACK + FEEDBACK);
  });

  it('a program with a syntax error scores +Infinity and its error (with line and column) reaches the model', async () => {
    const t = loop([tool(SYNTAX_ERROR_PROGRAM), text(FEEDBACK), tool(SIR_PROGRAM)], { maxIterations: 2 });
    const result = await t.run();
    expect(result.lineage[0]).toMatchObject({ valScore: Infinity, error: { phase: 'calibrate', code: 'syntax', message: expect.stringMatching(/^Syntax error at line 8, column \d+/) } });
    expect(lastUserMessage(1)).toContain(`Iteration 1 did not produce a working simulator (it failed during calibration): ${result.lineage[0].error!.message}`);
    expect(lastUserMessage(2)).toContain('Remember that the code of iteration 1 failed: Syntax error at line 8');
    expect(result.best?.iteration).toBe(2);
  });

  it('a program that throws in step scores +Infinity with the thrown message and its line', async () => {
    const t = loop([tool(THROWING_PROGRAM), text(FEEDBACK), tool(SIR_PROGRAM)], { maxIterations: 2 });
    const result = await t.run();
    expect(result.lineage[0]).toMatchObject({ valScore: Infinity, error: { phase: 'calibrate', message: expect.stringMatching(/step threw Error: compartment bookkeeping failed at line 9, column \d+/) } });
    expect(lastUserMessage(1)).toContain('compartment bookkeeping failed');
    expect(Number.isFinite(result.lineage[1].valScore)).toBe(true);
  });

  it('a program that returns NaN scores +Infinity naming the variable', async () => {
    const t = loop([tool(NAN_PROGRAM)]);
    const result = await t.run();
    expect(result.lineage[0]).toMatchObject({ valScore: Infinity, error: { phase: 'calibrate', message: expect.stringMatching(/state\.I = NaN/) } });
  });

  it('an answer with no code block is retried with the reason, and a fenced block is then accepted', async () => {
    const t = loop([text('I would model this as an SIR with binomial draws.'), text(FENCED_SIR_ANSWER)]);
    const result = await t.run();
    expect(server.requests).toHaveLength(2);
    expect(lastUserMessage(1)).toMatch(/^Your answer could not be used: the answer contained no code block\./);
    expect(normalizeCode(result.lineage[0].code!)).toBe(normalizeCode(SIR_PROGRAM));
    expect(result.lineage[0].description).toBe('A binomial SIR with a closed population.');
    expect(Number.isFinite(result.lineage[0].valScore)).toBe(true);
  });

  it('a slow stream arrives token by token and the loop completes', async () => {
    const t = loop([{ kind: 'tool', code: SIR_PROGRAM, description: 'slow', chunkSize: 16, delayMs: 1 }]);
    const result = await t.run();
    expect(t.tokens.length).toBeGreaterThan(30);
    expect(Number.isFinite(result.lineage[0].valScore)).toBe(true);
  });

  it('a stream that stalls past the idle timeout stops the loop with a timeout error', async () => {
    const t = loop([{ kind: 'stall', text: 'Let me think' }], { llmRetries: 1 }, { idleTimeoutMs: 100 });
    const result = await t.run();
    expect(result).toMatchObject({ stopReason: 'llm-error', error: { code: 'timeout' }, lineage: [] });
    expect(server.requests).toHaveLength(2);
  });

  it('a 429 is retried after its Retry-After, then the loop goes on', async () => {
    const t = loop([{ kind: 'error', status: 429, headers: { 'retry-after': '1' } }, tool(SIR_PROGRAM)]);
    const result = await t.run();
    expect(t.sleep.waits).toEqual([1000]);
    expect(server.requests).toHaveLength(2);
    expect(Number.isFinite(result.lineage[0].valScore)).toBe(true);
  });

  it('a dropped connection is repeated by the loop and recorded in the transcript', async () => {
    const t = loop([{ kind: 'drop', text: 'const para' }, tool(SIR_PROGRAM)]);
    const result = await t.run();
    expect(result.lineage[0].transcript.map((x) => x.error?.code ?? 'ok')).toEqual(['network', 'ok']);
    expect(Number.isFinite(result.lineage[0].valScore)).toBe(true);
  });

  it('a connection that keeps dropping stops the loop after llmRetries with a network error', async () => {
    const t = loop([{ kind: 'drop' }], { llmRetries: 2 });
    const result = await t.run();
    expect(result).toMatchObject({ stopReason: 'llm-error', error: { code: 'network' } });
    expect(server.requests).toHaveLength(3);
  });

  it('a 200 with garbage is a bad-response, repeated like a dropped connection', async () => {
    const t = loop([{ kind: 'garbage', body: '<html>upstream error</html>' }, tool(SIR_PROGRAM)]);
    const result = await t.run();
    expect(result.lineage[0].transcript.map((x) => x.error?.code ?? 'ok')).toEqual(['bad-response', 'ok']);
  });

  it('a response 10× larger than max tokens is cut, and the model is told to answer more briefly', async () => {
    const t = loop([{ kind: 'flood', chars: 100 * 4 * 10, chunkSize: 100, prefix: 'Here is my model:\n```js\nconst parameters = {\n' }, tool(SIR_PROGRAM)], {
      model: { model: 'scripted-model', maxTokens: 100 },
    });
    const result = await t.run();
    const [cut, ok] = result.lineage[0].transcript;
    expect(cut.response?.finishReason).toBe('length');
    expect(cut.response!.text.length).toBeLessThanOrEqual(100 * 8 + 100);
    expect(lastUserMessage(1)).toContain('the answer was cut off at the token limit before the code was complete; answer more briefly');
    expect(ok.response?.toolCall?.code).toBe(SIR_PROGRAM);
    expect(Number.isFinite(result.lineage[0].valScore)).toBe(true);
  });

  it('a rejected API key stops the loop at once with an auth error', async () => {
    const t = loop([{ kind: 'error', status: 401, message: 'Incorrect API key provided' }], { maxIterations: 3 });
    const result = await t.run();
    expect(result).toMatchObject({ stopReason: 'llm-error', lineage: [], error: { code: 'auth', status: 401 } });
    expect(result.error?.message).toMatch(/^The provider rejected the API key \(HTTP 401\)/);
    expect(server.requests).toHaveLength(1);
  });

  it('an abort during a stream stops the loop as aborted', async () => {
    const controller = new AbortController();
    const t = loop([{ kind: 'stall', text: 'thinking…' }], { signal: controller.signal, events: { onToken: () => controller.abort() } });
    const result = await t.run();
    expect(result).toMatchObject({ stopReason: 'aborted', lineage: [] });
  });

  it.each(['auto', 'none'] as const)('the e2e scenario (sirScenario) drives a whole loop with toolMode %s', async (toolMode) => {
    const t = loop(sirScenario, { maxIterations: 2, toolMode });
    const result = await t.run();
    expect(result.lineage.map((r) => r.error)).toEqual([undefined, undefined]);
    expect(result.lineage[1]).toMatchObject({ reusedFrom: 1, feedback: FEEDBACK });
    expect(server.requests.every((r) => (r.body.tools === undefined) === (toolMode === 'none' || r === server.requests[1]))).toBe(true);
  });
});
