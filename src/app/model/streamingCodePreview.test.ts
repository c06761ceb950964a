import { describe, expect, it } from 'vitest';
import { streamingCodePreview } from './streamingCodePreview.ts';

describe('streamingCodePreview(stream)', () => {
  it('decodes the code argument of a tool call as far as it came', () => {
    const full = JSON.stringify({ code: 'const a = "x";\nfunction step() {}', description: 'd' });
    expect(streamingCodePreview(full)).toBe('const a = "x";\nfunction step() {}');
    expect(streamingCodePreview(full.slice(0, 20))).toBe('const a = ');
    expect(streamingCodePreview(full.slice(0, 22))).toBe('const a = "x');
  });

  it('drops an escape cut at the end', () => {
    expect(streamingCodePreview('{"code":"a\\')).toBe('a');
    expect(streamingCodePreview('{"code":"a\\u00')).toBe('a');
    expect(streamingCodePreview('{"code":"a\\u0041b')).toBe('aAb');
  });

  it('shows a fenced block from its opening fence, up to the closing one', () => {
    expect(streamingCodePreview('Here:\n```js\nconst x = 1;\n')).toBe('const x = 1;\n');
    expect(streamingCodePreview('Here:\n```js\nconst x = 1;\n```\nmore')).toBe('const x = 1;\n');
  });

  it('is empty for prose before any code', () => {
    expect(streamingCodePreview('I will write a model')).toBe('');
    expect(streamingCodePreview('')).toBe('');
  });
});
