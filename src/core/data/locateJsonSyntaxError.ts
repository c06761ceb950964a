/** Where JSON text stops being valid, and why. */
export interface JsonSyntaxProblem {
  /** 1-based line and column of the offending character (or of the end of the text). */
  line: number;
  column: number;
  /** What was expected there, e.g. `expected "," or "}" after a property value`. */
  reason: string;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const LITERAL = /^(?:true|false|null)/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;

/**
 * Finds the first syntax error in JSON text, for a message naming line and column. `JSON.parse`'s own
 * message carries a position in some engines and versions only (V8 often says just `Unexpected token`),
 * so the text is re-scanned here, only after JSON.parse has failed. Iterative (an explicit stack), so
 * deeply nested hostile input cannot overflow the call stack.
 * @returns the problem, or null when the text is valid JSON.
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  let i = 0;
  const n = text.length;
  const stack: ('[' | '{')[] = [];
  const at = (reason: string): JsonSyntaxProblem => ({ ...lineColumnOf(text, i), reason });
  const skip = () => {
    while (i < n && WS.has(text[i])) i++;
  };
  const found = () => (i >= n ? 'the end of the file' : JSON.stringify(text[i]));

  /** Reads a string at i; null when it is well formed. */
  const readString = (): JsonSyntaxProblem | null => {
    i++;
    while (i < n) {
      const c = text[i];
      if (c === '"') {
        i++;
        return null;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) : !'"\\/bfnrt'.includes(e ?? 'x')) return at('invalid escape in a string');
        i += e === 'u' ? 6 : 2;
        continue;
      }
      if (c < ' ') return at('a line break or control character inside a string (strings end with ")');
      i++;
    }
    return at('a string that is never closed (missing ")');
  };

  // Each turn reads one value, then the punctuation that follows it.
  for (;;) {
    skip();
    if (i >= n) return at(stack.length ? 'the file ends inside an object or list' : 'the file is empty');
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      skip();
      if (text[i] === (c === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else if (c === '{') {
        if (text[i] !== '"') return at(`expected a property name in double quotes, got ${found()}`);
        const p = readString() ?? colon();
        if (p) return p;
        continue;
      } else continue;
    } else if (c === '"') {
      const p = readString();
      if (p) return p;
    } else {
      const m = LITERAL.exec(text.slice(i, i + 5)) ?? NUMBER.exec(text.slice(i, i + 400));
      if (!m) return at(`expected a value (string, number, true, false, null, object or list), got ${found()}`);
      i += m[0].length;
    }
    // After a value: a comma, a closing bracket, or (at top level) the end.
    for (;;) {
      skip();
      const top = stack[stack.length - 1];
      if (!top) return i >= n ? null : at(`expected the end of the file after the value, got ${found()}`);
      const close = top === '{' ? '}' : ']';
      if (text[i] === close) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return at(`expected "," or "${close}", got ${found()}`);
      i++;
      skip();
      if (top === '{') {
        if (text[i] !== '"') return at(`expected a property name in double quotes, got ${found()}`);
        const p = readString() ?? colon();
        if (p) return p;
      }
      break;
    }
  }

  function colon(): JsonSyntaxProblem | null {
    skip();
    if (text[i] !== ':') return at(`expected ":" after a property name, got ${found()}`);
    i++;
    return null;
  }
}

/** 1-based line and column of a character offset (a line ends at LF). */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    start = k + 1;
  }
  return { line, column: offset - start + 1 };
}
