import { describe, expect, it } from 'vitest';
import { extractCode } from './extractCode.ts';
import { LlmError } from './LlmError.ts';
import { parseSubmitCodeArguments } from './submitCodeTool.ts';

describe('extractCode', () => {
  it('extractCode(response) prefers the tool call over a fenced block in the text', () => {
    const got = extractCode({ text: '```js\nconst other = 1;\n```', toolCall: { code: 'const parameters = {};', description: 'tool model' } });
    expect(got).toEqual({ ok: true, source: 'tool', value: { code: 'const parameters = {};', description: 'tool model' } });
  });

  it.each([
    ['js', '```js\nA\n```'],
    ['javascript', '```javascript\nA\n```'],
    ['untagged', '```\nA\n```'],
    ['tilde', '~~~js\nA\n~~~'],
  ])('extractCode(response) reads a %s fence', (_, text) => {
    const got = extractCode({ text: `Intro.\n\n${text}\n` });
    expect(got.ok && got.value.code).toBe('A');
  });

  it('extractCode(response) takes the first JavaScript block and skips blocks in other languages', () => {
    const got = extractCode({ text: '```python\nprint(1)\n```\nthen\n```js\nfirst\n```\n```js\nsecond\n```' });
    expect(got.ok && got.value.code).toBe('first');
  });

  it('extractCode(response) describes fenced code by the first paragraph of prose before it', () => {
    const got = extractCode({ text: 'A binomial SIR\nwith a closed population.\n\nHere it is:\n```js\nx\n```' });
    expect(got.ok && got.value.description).toBe('A binomial SIR with a closed population.');
  });

  it('extractCode(response) keeps a multi-line body verbatim, inner blank lines included', () => {
    const code = 'function step() {\n\n  return {};\n}';
    const got = extractCode({ text: `\`\`\`js\n${code}\n\`\`\`` });
    expect(got.ok && got.value.code).toBe(code);
  });

  it('extractCode(response) is a no-code LlmError for prose only', () => {
    const got = extractCode({ text: 'I would model this as an SIR.' });
    expect(got.ok).toBe(false);
    if (!got.ok) {
      expect(got.error).toBeInstanceOf(LlmError);
      expect(got.error.code).toBe('no-code');
      expect(got.error.detail).toBe('the answer contained no code block');
    }
  });

  it('extractCode(response) does not take an unclosed block, and blames the token limit when cut', () => {
    const cut = extractCode({ text: '```js\nconst parameters = {', finishReason: 'length' });
    expect(!cut.ok && cut.error.detail).toMatch(/cut off at the token limit/);
    const unclosed = extractCode({ text: '```js\nconst parameters = {' });
    expect(!unclosed.ok && unclosed.error.detail).toMatch(/not closed/);
  });

  it('extractCode(response) passes on why a tool call was unreadable', () => {
    const got = extractCode({ text: '', toolCallError: 'the submit_simulator_code arguments were not valid JSON (x)' });
    expect(!got.ok && got.error.detail).toMatch(/^the submit_simulator_code arguments were not valid JSON/);
  });
});

describe('parseSubmitCodeArguments', () => {
  it('parseSubmitCodeArguments(args) reads a JSON string or an object, description optional', () => {
    expect(parseSubmitCodeArguments('{"code":"x","description":" d "}')).toEqual({ ok: true, value: { code: 'x', description: 'd' } });
    expect(parseSubmitCodeArguments({ code: 'x' })).toEqual({ ok: true, value: { code: 'x', description: '' } });
  });

  it('parseSubmitCodeArguments(args) rejects invalid JSON, non-objects and a missing code', () => {
    expect(parseSubmitCodeArguments('{"code": "x"').ok).toBe(false);
    expect(parseSubmitCodeArguments('[1]').ok).toBe(false);
    expect(parseSubmitCodeArguments({ code: '  ' })).toEqual({ ok: false, error: 'the submit_simulator_code call had no "code" string' });
  });
});
