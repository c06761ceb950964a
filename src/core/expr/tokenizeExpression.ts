import { ExprSyntaxError } from './ExprError.ts';

/** One token of an expression; `pos` is its 0-based offset in the text. */
export type ExprToken =
  | { readonly kind: 'number'; readonly pos: number; readonly value: number; readonly text: string }
  | { readonly kind: 'string'; readonly pos: number; readonly value: string; readonly text: string }
  | { readonly kind: 'name'; readonly pos: number; readonly text: string }
  | { readonly kind: 'punct'; readonly pos: number; readonly text: string }
  /** Text that starts no token (`=`, `;`, a backtick…), with why; tokenizing stops there. */
  | { readonly kind: 'invalid'; readonly pos: number; readonly text: string; readonly message: string }
  | { readonly kind: 'end'; readonly pos: number; readonly text: '' };

/** Operators and punctuation, longest first so `===` wins over `==` and `**` over `*`. */
const PUNCTUATION = ['===', '!==', '**', '<=', '>=', '==', '!=', '&&', '||', '+', '-', '*', '/', '%', '<', '>', '!', '?', ':', '(', ')', '[', ']', ',', '.'];

/**
 * JavaScript constructs that are not part of the language, with why, so a hostile or mistaken text is
 * refused with a message a person understands rather than "unexpected character".
 */
const REFUSED: readonly [string, string][] = [
  ['=>', 'arrow functions are not allowed'],
  ['?.', 'optional chaining is not allowed'],
  ['??', 'the ?? operator is not allowed'],
  ['`', 'template literals are not allowed'],
  ['=', 'assignment is not allowed (compare with ==)'],
  ['{', 'object literals and blocks are not allowed'],
  ['}', 'object literals and blocks are not allowed'],
  [';', 'only one expression is allowed (a ; may only end the text)'],
  ['&', 'bitwise operators are not allowed (use && for "and")'],
  ['|', 'bitwise operators are not allowed (use || for "or")'],
  ['^', 'bitwise operators are not allowed (use ** for powers)'],
  ['~', 'bitwise operators are not allowed'],
  ['@', 'decorators are not allowed'],
  ['#', 'private names are not allowed'],
  ['\\', 'escapes are not allowed in names'],
];

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_$][\w$]*/y;

/**
 * Splits an expression into tokens. Numbers are decimal (`3`, `0.5`, `.5`, `1e-6`); names are ASCII
 * identifiers; strings use '…' or "…" with `\\`, `\'`, `\"` escapes only. Tokenizing stops at the
 * first character that starts no token, with an `invalid` token saying why (the parser decides whether
 * that is a syntax error or more text after a complete expression).
 * @throws ExprSyntaxError for a malformed number or string.
 * @example
 * tokenizeExpression('1e-6 + a').map((t) => t.text); // ['1e-6', '+', 'a', '']
 */
export function tokenizeExpression(text: string): ExprToken[] {
  const tokens: ExprToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = /[\d.]/.test(c) ? NUMBER.exec(text) : null;
    if (num && num[0] !== '.') {
      const after = text[i + num[0].length];
      if (after !== undefined && /[A-Za-z_$\d]/.test(after)) throw new ExprSyntaxError(`a number cannot be followed by "${after}" (only decimal numbers like 3, 0.5 or 1e-6)`, i + num[0].length);
      tokens.push({ kind: 'number', pos: i, value: Number(num[0]), text: num[0] });
      i += num[0].length;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(text);
    if (name) {
      tokens.push({ kind: 'name', pos: i, text: name[0] });
      i += name[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      const { value, end } = readString(text, i);
      tokens.push({ kind: 'string', pos: i, value, text: text.slice(i, end) });
      i = end;
      continue;
    }
    // `=>`, `?.` and `??` start with characters that are punctuation too, so they are refused first
    // (`a?.5:1` is a conditional, as in JavaScript).
    if (text.startsWith('=>', i) || text.startsWith('??', i) || (text.startsWith('?.', i) && !/\d/.test(text[i + 2] ?? ''))) {
      const [p, message] = REFUSED.find(([p]) => text.startsWith(p, i))!;
      tokens.push({ kind: 'invalid', pos: i, text: p, message });
      break;
    }
    const punct = PUNCTUATION.find((p) => text.startsWith(p, i));
    if (punct) {
      tokens.push({ kind: 'punct', pos: i, text: punct });
      i += punct.length;
      continue;
    }
    const refused = REFUSED.find(([p]) => p.length === 1 && p === c);
    tokens.push({ kind: 'invalid', pos: i, text: c, message: refused ? refused[1] : `unexpected character ${JSON.stringify(c)}` });
    break;
  }
  tokens.push({ kind: 'end', pos: text.length, text: '' });
  return tokens;
}

function readString(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === quote) return { value, end: i + 1 };
    if (c === '\n' || c === '\r') break;
    if (c === '\\') {
      const next = text[i + 1];
      if (next !== '\\' && next !== "'" && next !== '"') throw new ExprSyntaxError(`only \\\\, \\' and \\" escapes are allowed in a string`, i);
      value += next;
      i++;
      continue;
    }
    value += c;
  }
  throw new ExprSyntaxError('unterminated string', start);
}
