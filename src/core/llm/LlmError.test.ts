import { describe, expect, it } from 'vitest';
import { LlmError, type LlmErrorCode } from './LlmError.ts';
import { formatPromptNumber, formatPromptRate } from './formatPromptNumber.ts';
import { normalizeCode } from './normalizeCode.ts';

describe('LlmError', () => {
  const codes: LlmErrorCode[] = ['auth', 'model-not-found', 'rate-limit', 'timeout', 'network', 'aborted', 'bad-response', 'bad-request', 'no-code'];

  it.each(codes)('new LlmError(%s) has a user-facing message and survives toJSON/fromJSON', (code) => {
    const e = new LlmError(code, 'server said no', { status: 418, model: 'm1', retryAfterMs: 5 });
    expect(e.message.length).toBeGreaterThan(20);
    expect(e.message).toMatch(/Details: server said no$/);
    const back = LlmError.fromJSON(JSON.parse(JSON.stringify(e.toJSON())));
    expect(back).toBeInstanceOf(LlmError);
    expect(back.toJSON()).toEqual(e.toJSON());
  });

  it('LlmError names the model for model-not-found and the status for auth', () => {
    expect(new LlmError('model-not-found', undefined, { model: 'gpt-x', status: 404 }).message).toBe(
      'The model "gpt-x" was not found (HTTP 404). Check the model name (and the base URL of an OpenAI-compatible server).',
    );
    expect(new LlmError('auth', undefined, { status: 401 }).message).toMatch(/^The provider rejected the API key \(HTTP 401\)/);
  });

  it('LlmError.transient is true only for failures worth repeating unchanged', () => {
    const transient = codes.filter((c) => new LlmError(c).transient);
    expect(transient).toEqual(['rate-limit', 'timeout', 'network', 'bad-response']);
  });
});

describe('formatPromptNumber', () => {
  it('formatPromptNumber(x) keeps four significant digits and spells out non-finite values', () => {
    expect([0.448612, 12.3456, 123456, 0, -2.5, 1e-7, 2.5e9, Infinity, -Infinity, NaN].map(formatPromptNumber)).toEqual([
      '0.4486', '12.35', '123500', '0', '-2.5', '1e-7', '2.5e+9', 'inf', '-inf', 'NaN',
    ]);
  });

  it('formatPromptRate(r) is a percentage with one decimal, n/a for NaN', () => {
    expect([0, 0.1234, 1, NaN].map(formatPromptRate)).toEqual(['0.0%', '12.3%', '100.0%', 'n/a']);
  });
});

describe('normalizeCode', () => {
  it('normalizeCode(code) ignores indentation and line breaks but not tokens', () => {
    expect(normalizeCode('function step() {\n\treturn 1;\n}\n')).toBe(normalizeCode('function step() { return 1; }'));
    expect(normalizeCode('a = 1')).not.toBe(normalizeCode('a = 2'));
  });
});
