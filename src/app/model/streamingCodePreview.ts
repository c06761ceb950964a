/**
 * The simulator code inside a model answer that is still streaming, for showing it as it arrives:
 * - a `submit_simulator_code` tool call streams its JSON arguments (`{"code":"const parameters…`): the
 *   `code` string decoded so far (escapes included; a cut escape at the end is left out);
 * - a fenced block: everything after the opening fence line, up to the closing fence if it came;
 * - otherwise (prose before any code): the empty string.
 * @param stream the raw answer text so far.
 */
export function streamingCodePreview(stream: string): string {
  const key = /"code"\s*:\s*"/.exec(stream);
  if (key && /^\s*\{/.test(stream)) return decodePartialJsonString(stream.slice(key.index + key[0].length));
  const fence = /```[^\n`]*\n/.exec(stream);
  if (fence) {
    const body = stream.slice(fence.index + fence[0].length);
    const end = body.indexOf('```');
    return end >= 0 ? body.slice(0, end) : body;
  }
  return '';
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };

/** Decodes a JSON string body up to its closing quote or the end of the text (pure). */
function decodePartialJsonString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') return out;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = s[i + 1];
    if (e === undefined) return out;
    if (e === 'u') {
      const hex = s.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return out;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 5;
    } else {
      out += ESCAPES[e] ?? e;
      i += 1;
    }
  }
  return out;
}
