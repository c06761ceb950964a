import { parse, type Comment } from 'acorn';
import type { SourceRange } from './StructureGraph.ts';

/**
 * An ESTree node as acorn produces it. Typed loosely on purpose: the analysis dispatches on `type`
 * and reads the fields that node type has, which a union of all ESTree interfaces would make verbose
 * without making it safer.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AstNode = { type: string; start: number; end: number; loc?: { start: { line: number; column: number }; end: { line: number; column: number } } | null } & Record<string, any>;

/** A parameter as the `parameters` literal declares it. */
export interface DeclaredParameter {
  name: string;
  fixed: boolean;
  range: SourceRange;
}

/** A `// --- name` (or `// 1. name`) commented section of step's body. */
export interface CommentBlock {
  name: string;
  from: number;
  to: number;
  range: SourceRange;
}

/** The parts of a simulator program the structure analysis starts from. */
export interface ProgramOutline {
  program: AstNode;
  parameters: DeclaredParameter[];
  /** The step function's node (declaration, function expression or arrow), or null when missing. */
  step: AstNode | null;
  blocks: CommentBlock[];
  /** Converts character offsets to a range. */
  rangeOf(from: number, to: number): SourceRange;
}

/** A parse failure, positioned for the editor (line 1-based, column 1-based). */
export class StructureSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'StructureSyntaxError';
  }
}

/** `// --- Infections ---`, `// === Recoveries`, or a numbered `// 2. Arrivals per disease.` */
const BLOCK_HEADER = /^\s*(?:[-=]{3,}\s*(.+?)\s*[-=]*|\d+[.)]\s+(.+?))\s*$/;

/**
 * Parses `source` with acorn and finds the `parameters` literal, the `step` function and the
 * commented blocks of step's body.
 * @throws StructureSyntaxError when the source does not parse.
 */
export function outlineProgram(source: string): ProgramOutline {
  const comments: Comment[] = [];
  let program: AstNode;
  try {
    program = parse(source, { ecmaVersion: 'latest', sourceType: 'script', locations: true, onComment: comments }) as unknown as AstNode;
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    const message = e instanceof Error ? e.message : String(e);
    throw new StructureSyntaxError(`The program does not parse: ${message}`, loc?.line ?? 1, (loc?.column ?? 0) + 1);
  }
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const positionAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo] };
  };
  const rangeOf = (from: number, to: number): SourceRange => ({ start: positionAt(from), end: positionAt(to), from, to });

  let parameters: DeclaredParameter[] = [];
  let step: AstNode | null = null;
  for (const stmt of program.body as AstNode[]) {
    if (stmt.type === 'FunctionDeclaration' && stmt.id?.name === 'step') step = stmt;
    if (stmt.type !== 'VariableDeclaration') continue;
    for (const d of stmt.declarations as AstNode[]) {
      if (d.id.type !== 'Identifier' || !d.init) continue;
      if (d.id.name === 'step' && /Function|Arrow/.test(d.init.type)) step = d.init;
      if (d.id.name === 'parameters' && d.init.type === 'ObjectExpression') parameters = declaredParameters(d.init, rangeOf);
    }
  }
  const blocks = step?.body?.type === 'BlockStatement' ? commentBlocks(comments, step.body, source, rangeOf) : [];
  return { program, parameters, step, blocks, rangeOf };
}

function propertyName(p: AstNode): string | null {
  if (p.type !== 'Property' || p.computed) return null;
  if (p.key.type === 'Identifier') return p.key.name;
  if (p.key.type === 'Literal' && (typeof p.key.value === 'string' || typeof p.key.value === 'number')) return String(p.key.value);
  return null;
}

function declaredParameters(obj: AstNode, rangeOf: ProgramOutline['rangeOf']): DeclaredParameter[] {
  const out: DeclaredParameter[] = [];
  for (const p of obj.properties as AstNode[]) {
    const name = propertyName(p);
    if (name === null) continue;
    const fixed =
      p.value.type === 'ObjectExpression' &&
      (p.value.properties as AstNode[]).some((q) => propertyName(q) === 'fixed' && q.value.type === 'Literal' && q.value.value === true);
    out.push({ name, fixed, range: rangeOf(p.start, p.end) });
  }
  return out;
}

function commentBlocks(comments: Comment[], body: AstNode, source: string, rangeOf: ProgramOutline['rangeOf']): CommentBlock[] {
  const headers = comments
    .filter((c) => c.type === 'Line' && c.start > body.start && c.end < body.end)
    .map((c) => ({ c, m: BLOCK_HEADER.exec(c.value) }))
    .filter((h): h is { c: Comment; m: RegExpExecArray } => h.m !== null);
  return headers.map(({ c, m }, i) => {
    const to = i + 1 < headers.length ? headers[i + 1].c.start : body.end - 1;
    // The header's first clause names the block: "1. Existing patients: death, ..." → "Existing patients".
    const name = (m[1] ?? m[2]).split(/[:;.(]/)[0].trim().slice(0, 40) || `block ${i + 1}`;
    const end = source.lastIndexOf('\n', to - 1) > c.end ? source.lastIndexOf('\n', to - 1) : to;
    return { name, from: c.start, to, range: rangeOf(c.start, end) };
  });
}
