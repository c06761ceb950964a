import { parse, tokenizer, type Node, type Token } from 'acorn';
import type { Diagram, DiagramParameter } from './Diagram.ts';
import { generateProgram } from './generateProgram.ts';
import { renameInDiagram } from './renameInDiagram.ts';

/**
 * The outcome of reading a program back into its diagram: the updated diagram, or why the code now
 * leads (the caller keeps the last diagram version and shows it read-only with the reason).
 */
export type RoundTrip = { ok: true; diagram: Diagram; changed: boolean } | { ok: false; reason: string };

/**
 * Reads an edited generated program back into the diagram it came from. Understood edits: rate,
 * standard deviation and dispersion expressions (`<flow>__rate = …`), auxiliary expressions, conveyor
 * lead times, and in `parameters` the bounds, init, fixed and description of a parameter, and its name
 * (renamed where it is declared and everywhere it is read). Everything else (a new statement, a
 * stock's update, a helper) is not: the candidate diagram is regenerated and compared with the
 * program token by token (comments and layout ignored), so "understood" means exactly "the generator
 * would write this program".
 *
 * @param code the edited program.
 * @param base the diagram the program was generated from.
 */
export function diagramFromProgram(code: string, base: Diagram): RoundTrip {
  if (sameTokens(code, generateProgram(base))) return { ok: true, diagram: base, changed: false };
  let program: Node;
  try {
    program = parse(code, { ecmaVersion: 2022, sourceType: 'script' });
  } catch (e) {
    return { ok: false, reason: `the program does not parse (${(e as Error).message})` };
  }
  const body = (program as unknown as { body: Node[] }).body;
  const parametersInit = constInits(body, code).get('parameters');
  if (!parametersInit) return { ok: false, reason: 'the program has no `const parameters = { … }` the diagram can read' };
  const declared = readParameters(parametersInit.node);
  if (typeof declared === 'string') return { ok: false, reason: declared };
  if (declared.length !== base.parameters.length) {
    return { ok: false, reason: `parameters were ${declared.length > base.parameters.length ? 'added' : 'removed'} in code; add or remove them in the diagram instead` };
  }

  // Renames: a parameter whose name changed at the same position.
  let d = base;
  declared.forEach((p, i) => {
    const old = base.parameters[i].name;
    if (p.name !== old) d = renameInDiagram(d, old, p.name);
  });
  d = { ...d, parameters: d.parameters.map((p, i) => ({ ...declared[i], ...(p.position ? { position: p.position } : {}) })) };

  const stepFn = body.find((n) => n.type === 'FunctionDeclaration' && (n as unknown as { id: { name: string } }).id.name === 'step') as
    | (Node & { body: { body: Node[] } })
    | undefined;
  if (!stepFn) return { ok: false, reason: 'the program has no `function step` the diagram can read' };
  const locals = constInits(stepFn.body.body, code);
  const text = (name: string) => locals.get(name)?.text;
  d = {
    ...d,
    auxiliaries: d.auxiliaries.map((a) => {
      const t = text(a.name);
      const inner = a.law === 'poisson' && t ? /^rng\.poisson\(\s*positive\(([\s\S]*)\)\s*\)$/.exec(t)?.[1] : t;
      return { ...a, expression: inner?.trim() ?? a.expression };
    }),
    flows: d.flows.map((f) =>
      f.law === 'conveyor'
        ? f
        : {
            ...f,
            rate: text(`${f.name}__rate`) ?? f.rate,
            ...(f.sd !== undefined ? { sd: text(`${f.name}__sd`) ?? f.sd } : {}),
            ...(f.dispersion !== undefined ? { dispersion: text(`${f.name}__k`) ?? f.dispersion } : {}),
          },
    ),
    stocks: d.stocks.map((s) => {
      const lead = s.conveyor ? /^Math\.max\(\s*1\s*,\s*Math\.trunc\(([\s\S]*)\)\s*\)$/.exec(text(`${s.name}__lead`) ?? '') : null;
      return s.conveyor && lead ? { ...s, conveyor: { ...s.conveyor, leadTime: lead[1].trim() } } : s;
    }),
  };
  const regenerated = generateProgram(d);
  if (!sameTokens(code, regenerated)) {
    const line = firstDifferentLine(code, regenerated);
    return { ok: false, reason: `line ${line} changes more than rates, auxiliaries, lead times and parameters, which is all the diagram reads back` };
  }
  return { ok: true, diagram: d, changed: true };
}

/** `const name = init` declarations among the statements, with their init node and text. */
function constInits(statements: Node[], code: string): Map<string, { node: Node; text: string }> {
  const out = new Map<string, { node: Node; text: string }>();
  for (const st of statements) {
    if (st.type !== 'VariableDeclaration') continue;
    for (const decl of (st as unknown as { declarations: { id: Node & { name?: string }; init: Node | null }[] }).declarations) {
      if (decl.id.type === 'Identifier' && decl.init && decl.id.name) out.set(decl.id.name, { node: decl.init, text: code.slice(decl.init.start, decl.init.end) });
    }
  }
  return out;
}

/** The parameters literal as diagram parameters, or why it cannot be read. */
function readParameters(node: Node): DiagramParameter[] | string {
  if (node.type !== 'ObjectExpression') return '`parameters` is not an object literal';
  const out: DiagramParameter[] = [];
  for (const prop of (node as unknown as { properties: (Node & { key: Node & { name?: string; value?: unknown }; value: Node; computed: boolean })[] }).properties) {
    if (prop.type !== 'Property' || prop.computed) return '`parameters` holds something other than plain entries';
    const name = prop.key.type === 'Identifier' ? prop.key.name! : typeof prop.key.value === 'string' ? prop.key.value : null;
    if (name === null) return 'a parameter name is not a plain name';
    if (prop.value.type !== 'ObjectExpression') return `parameter "${name}" is not an object literal`;
    const p: Partial<DiagramParameter> & { name: string } = { name };
    for (const field of (prop.value as unknown as { properties: (Node & { key: Node & { name?: string }; value: Node })[] }).properties) {
      const key = field.key?.type === 'Identifier' ? field.key.name : undefined;
      const value = literal(field.value);
      if ((key === 'min' || key === 'max' || key === 'init') && typeof value === 'number') p[key] = value;
      else if (key === 'fixed' && typeof value === 'boolean') p.fixed = value || undefined;
      else if (key === 'description' && typeof value === 'string') p.description = value;
      else return `parameter "${name}": "${key ?? '?'}" is not a number, flag or description the diagram can hold`;
    }
    if (p.min === undefined || p.max === undefined) return `parameter "${name}" needs min and max`;
    if (p.fixed === undefined) delete p.fixed;
    out.push(p as DiagramParameter);
  }
  return out;
}

function literal(n: Node): unknown {
  const any = n as unknown as { type: string; value?: unknown; operator?: string; argument?: Node };
  if (any.type === 'Literal') return any.value;
  if (any.type === 'UnaryExpression' && any.operator === '-' && any.argument) {
    const v = literal(any.argument);
    return typeof v === 'number' ? -v : undefined;
  }
  return undefined;
}

/** Token streams equal, comments and whitespace ignored (numbers and strings by value). */
function sameTokens(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  return ta !== null && tb !== null && ta.length === tb.length && ta.every((t, i) => t === tb[i]);
}

function tokens(code: string): string[] | null {
  try {
    return [...tokenizer(code, { ecmaVersion: 2022 })].map((t) => `${t.type.label}:${tokenValue(t)}`);
  } catch {
    return null;
  }
}

/** The first line (1-based) of `a` whose tokens differ from `b`'s, for the read-only note. */
function firstDifferentLine(a: string, b: string): number {
  try {
    const ta = [...tokenizer(a, { ecmaVersion: 2022, locations: true })];
    const tb = [...tokenizer(b, { ecmaVersion: 2022 })];
    for (let i = 0; i < ta.length; i++) {
      if (i >= tb.length || ta[i].type.label !== tb[i].type.label || tokenValue(ta[i]) !== tokenValue(tb[i])) return ta[i].loc?.start.line ?? 1;
    }
    return ta.at(-1)?.loc?.end.line ?? 1;
  } catch (e) {
    return (e as { loc?: { line: number } }).loc?.line ?? 1;
  }
}

/** A token's value as text (acorn's typings leave `value` out). */
function tokenValue(t: Token): string {
  return String((t as Token & { value?: unknown }).value ?? '');
}
