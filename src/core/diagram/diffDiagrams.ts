import type { Diagram } from './Diagram.ts';

/** One difference between two diagrams, e.g. `changed flow recovery: rate "gamma" → "1 - Math.exp(-gamma)"`. */
export interface DiagramChange {
  kind: 'added' | 'removed' | 'changed';
  element: 'stock' | 'flow' | 'auxiliary' | 'parameter';
  name: string;
  /** For `changed`: each field that differs, before and after (JSON text). */
  fields?: { field: string; before: string; after: string }[];
}

const GROUPS = [
  ['stocks', 'stock'],
  ['flows', 'flow'],
  ['auxiliaries', 'auxiliary'],
  ['parameters', 'parameter'],
] as const;

/**
 * What changed from `before` to `after`, element by element (matched by name; positions ignored), in
 * the order stocks, flows, auxiliaries, parameters: what the studio shows when the LLM returns a diagram.
 */
export function diffDiagrams(before: Diagram, after: Diagram): DiagramChange[] {
  const out: DiagramChange[] = [];
  for (const [key, element] of GROUPS) {
    const a = new Map<string, Record<string, unknown>>(before[key].map((x) => [x.name, x as unknown as Record<string, unknown>]));
    const b = new Map<string, Record<string, unknown>>(after[key].map((x) => [x.name, x as unknown as Record<string, unknown>]));
    for (const [name] of a) if (!b.has(name)) out.push({ kind: 'removed', element, name });
    for (const [name, x] of b) {
      const old = a.get(name);
      if (!old) {
        out.push({ kind: 'added', element, name });
        continue;
      }
      const fields = [...new Set([...Object.keys(old), ...Object.keys(x)])]
        .filter((f) => f !== 'position' && f !== 'name')
        .map((f) => ({ field: f, before: text(old[f]), after: text(x[f]) }))
        .filter((c) => c.before !== c.after);
      if (fields.length > 0) out.push({ kind: 'changed', element, name, fields });
    }
  }
  return out;
}

/** One line per change, for the LLM's feedback and the studio's list. */
export function describeChange(c: DiagramChange): string {
  if (c.kind !== 'changed') return `${c.kind} ${c.element} ${c.name}`;
  return `changed ${c.element} ${c.name}: ${c.fields!.map((f) => `${f.field} ${f.before} → ${f.after}`).join('; ')}`;
}

function text(v: unknown): string {
  return v === undefined ? '(none)' : JSON.stringify(v);
}
