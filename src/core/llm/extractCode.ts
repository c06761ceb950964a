import type { ChatResponse } from './ChatProvider.ts';
import { LlmError } from './LlmError.ts';
import type { SubmittedCode } from './submitCodeTool.ts';

/** Where extracted code came from. */
export type CodeSource = 'tool' | 'fence';

/** The outcome of {@link extractCode}: the program, or a `no-code` error to show the model. */
export type ExtractedCode = { ok: true; source: CodeSource; value: SubmittedCode } | { ok: false; error: LlmError };

/** Fence languages taken as JavaScript; other tagged blocks (```python, ```json) are not a program. */
const JS_FENCE_TAGS = new Set(['', 'js', 'javascript', 'mjs', 'jsx']);

/** The longest description kept from the prose around a fenced block (it is repeated in every history line). */
const MAX_DESCRIPTION = 300;

/**
 * Reads the simulator program out of a model answer: the `submit_simulator_code` tool call first;
 * otherwise the first fenced code block tagged ```js, ```javascript or untagged; anything else is a
 * `no-code` {@link LlmError} whose detail tells the model what was wrong (the loop retries with it).
 *
 * For fenced code the description is the first paragraph of prose before the block (trimmed to 300
 * characters), since there is no description argument. A block that is opened but never closed (an
 * answer cut at the token limit) is not taken: half a program would only fail to compile.
 *
 * @param response the provider's answer.
 * @example
 * const got = extractCode({ text: 'Model:\n```js\nconst parameters = {};\n```' });
 * if (got.ok) got.value.code; // 'const parameters = {};'
 */
export function extractCode(response: ChatResponse): ExtractedCode {
  if (response.toolCall && response.toolCall.code.trim() !== '') {
    return { ok: true, source: 'tool', value: { code: response.toolCall.code, description: response.toolCall.description } };
  }
  const text = response.text ?? '';
  const fence = firstJsFence(text);
  if (fence) return { ok: true, source: 'fence', value: { code: fence.code, description: proseBefore(text, fence.start) } };

  const reasons: string[] = [];
  if (response.toolCallError) reasons.push(response.toolCallError);
  if (response.finishReason === 'length') reasons.push('the answer was cut off at the token limit before the code was complete; answer more briefly');
  else if (/```/.test(text)) reasons.push('no complete ```js code block was found (a block was not closed, or was tagged with another language)');
  else reasons.push('the answer contained no code block');
  return { ok: false, error: new LlmError('no-code', reasons.join('; ')) };
}

/** The first closed fence whose tag is JavaScript or empty. Tolerates ~~~ fences and indentation up to 3. */
function firstJsFence(text: string): { code: string; start: number } | undefined {
  const open = /^ {0,3}(`{3,}|~{3,})[ \t]*([A-Za-z0-9_+-]*)[^\n]*\n/gm;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const marker = m[1];
    const bodyStart = m.index + m[0].length;
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'm');
    const rest = text.slice(bodyStart);
    const c = close.exec(rest);
    if (!c) return undefined; // unclosed: everything after it is inside the block
    if (JS_FENCE_TAGS.has(m[2].toLowerCase())) return { code: rest.slice(0, c.index).replace(/\n$/, ''), start: m.index };
    open.lastIndex = bodyStart + c.index + c[0].length;
  }
  return undefined;
}

function proseBefore(text: string, end: number): string {
  const paragraphs = text
    .slice(0, end)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
  const first = paragraphs[0] ?? '';
  return first.length > MAX_DESCRIPTION ? `${first.slice(0, MAX_DESCRIPTION - 1)}…` : first;
}
