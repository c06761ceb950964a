import { describe, expect, it } from 'vitest';
import type { ChatRequest } from './ChatProvider.ts';
import { LlmError } from './LlmError.ts';
import { createReplayProvider, streamedTextOf, type RecordedReply } from './replayProvider.ts';

const request: ChatRequest = { model: 'any', messages: [{ role: 'user', content: 'write a simulator' }] };
const code = 'const parameters = { beta: { min: 0, max: 2 } };\nfunction step(s) { return s; }';
const replies: RecordedReply[] = [
  { response: { text: 'The epidemic needs a recovery term.', finishReason: 'stop' } },
  { response: { text: '', toolCall: { code, description: 'SIR' }, finishReason: 'tool' } },
];

describe('createReplayProvider', () => {
  it('answers with the recorded replies in order, whatever is asked', async () => {
    const p = createReplayProvider(replies);
    expect(await p.complete(request)).toEqual((replies[0] as { response: unknown }).response);
    expect(await p.complete({ ...request, messages: [] })).toEqual((replies[1] as { response: unknown }).response);
    expect(p.served).toBe(2);
  });

  it('streams the text in chunks that join up to it, tool calls as their JSON arguments', async () => {
    const tokens: string[] = [];
    const p = createReplayProvider(replies, { chunkSize: 10 });
    await p.complete(request, { onToken: (t) => tokens.push(t) });
    expect(tokens.join('')).toBe('The epidemic needs a recovery term.');
    expect(tokens.length).toBe(4);
    tokens.length = 0;
    await p.complete(request, { onToken: (t) => tokens.push(t) });
    expect(JSON.parse(tokens.join(''))).toEqual({ code, description: 'SIR' });
    expect(tokens.every((t) => t.length <= 10)).toBe(true);
  });

  it('paces the stream through the injected sleep', async () => {
    const waits: number[] = [];
    const p = createReplayProvider([replies[0]], { chunkSize: 5, delayMs: 20, sleep: async (ms) => void waits.push(ms) });
    await p.complete(request);
    expect(waits).toEqual(new Array(Math.ceil(streamedTextOf((replies[0] as { response: never }).response).length / 5)).fill(20));
  });

  it('rethrows a recorded failure as the same typed error', async () => {
    const p = createReplayProvider([{ error: { code: 'rate-limit', message: 'slow down', detail: '429' } }]);
    const err = await p.complete(request).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).code).toBe('rate-limit');
  });

  it('says clearly when the session asks for more than was recorded (not a retried error)', async () => {
    const p = createReplayProvider([replies[0]]);
    await p.complete(request);
    const err = (await p.complete(request).catch((e: unknown) => e)) as LlmError;
    expect(err.code).toBe('bad-request');
    expect(err.transient).toBe(false);
    expect(err.message).toContain('holds 1 answer');
  });

  it('stops streaming when the signal aborts, with an aborted error', async () => {
    const signal = { aborted: false };
    const p = createReplayProvider([replies[0]], { chunkSize: 4 });
    const err = await p
      .complete(request, {
        signal,
        onToken: () => {
          signal.aborted = true;
        },
      })
      .catch((e: unknown) => e);
    expect((err as LlmError).code).toBe('aborted');
  });

  it('hands out copies, so the loop cannot change the recording', async () => {
    const p = createReplayProvider(replies);
    await p.complete(request);
    const second = await p.complete(request);
    second.toolCall!.code = 'changed';
    expect((replies[1] as { response: { toolCall: { code: string } } }).response.toolCall.code).toBe(code);
  });
});
