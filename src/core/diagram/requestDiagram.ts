import type { ChatMessage, ChatProvider, ObservableCancelSignal } from '../llm/ChatProvider.ts';
import type { Diagram } from './Diagram.ts';
import { describeChange, diffDiagrams, type DiagramChange } from './diffDiagrams.ts';
import { validateDiagram, type DiagramIssue } from './validateDiagram.ts';

/** The diagram form, as the LLM is told it (README, "Drawing a simulator"). */
export const DIAGRAM_FORM_PROMPT = `You edit stock-and-flow diagrams of stochastic discrete-time simulators. Answer with the whole diagram as one JSON object in a \`\`\`json block:
{ "format": "gsim-diagram", "version": 1, "name": string,
  "stocks": [{ "name", "kind": "integer"|"continuous", "initial": number, "nonNegative"?: boolean, "conveyor"?: { "leadTime": expression, "queue"?: state key }, "description"? }],
  "flows": [{ "name", "from": stock name or null (outside), "to": stock name or null, "law": "binomial"|"poisson"|"negativeBinomial"|"normal"|"deterministic"|"conveyor", "rate": expression, "sd"?: expression (normal), "dispersion"?: expression (negativeBinomial), "description"? }],
  "auxiliaries": [{ "name", "expression", "description"? }],
  "parameters": [{ "name", "min": number, "max": number, "init"?: number, "fixed"?: boolean, "description"? }] }
Rules: names are identifiers, unique across all elements, without "__". binomial: each unit of the source stock moves with probability rate (needs a source stock); poisson/negativeBinomial/normal: rate is the mean amount per step; deterministic: rate is the amount. A conveyor stock's single outflow has law "conveyor". Expressions use numbers, element names, action, + - * / % **, comparisons, && || ??, ?:, and Math.<function>(…) only; they read stocks at the start of the step, auxiliaries, parameters and action, never flows. Give parameters prior bounds, not fitted values.`;

/** The outcome of asking for a diagram. */
export type DiagramAnswer =
  | { ok: true; diagram: Diagram; changes: DiagramChange[]; attempts: number }
  | { ok: false; errors: DiagramIssue[]; attempts: number; message: string };

export interface RequestDiagramOptions {
  provider: ChatProvider;
  model: string;
  temperature?: number;
  /** The domain knowledge (Markdown). */
  knowledge: string;
  /** The diagram to refine (the user's drawing). */
  diagram: Diagram;
  /** What to change, in the user's words. */
  instruction: string;
  /** Answers tried in all (a wrong answer gets its errors by path back). Default 3. */
  maxAttempts?: number;
  signal?: ObservableCancelSignal;
  onToken?(text: string): void;
}

/**
 * Asks the LLM for a changed diagram: the form, the knowledge, the current diagram and the instruction
 * go out; the answer's JSON is validated, and a wrong one is sent back with every error by path until
 * it is right or `maxAttempts` answers were tried. The caller shows `changes` (a diagram diff) and lets
 * the user apply them.
 */
export async function requestDiagram(o: RequestDiagramOptions): Promise<DiagramAnswer> {
  const messages: ChatMessage[] = [
    { role: 'system', content: DIAGRAM_FORM_PROMPT },
    {
      role: 'user',
      content: `# Domain knowledge\n${o.knowledge.trim() || '(none)'}\n\n# Current diagram\n\`\`\`json\n${JSON.stringify(o.diagram, null, 1)}\n\`\`\`\n\n# Change requested\n${o.instruction.trim()}\n\nAnswer with the whole changed diagram in one \`\`\`json block.`,
    },
  ];
  const maxAttempts = o.maxAttempts ?? 3;
  let errors: DiagramIssue[] = [];
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const res = await o.provider.complete(
      { model: o.model, messages, ...(o.temperature !== undefined ? { temperature: o.temperature } : {}) },
      { ...(o.signal ? { signal: o.signal } : {}), ...(o.onToken ? { onToken: o.onToken } : {}) },
    );
    const json = extractJson(res.text);
    let parsed: unknown;
    if (json === null) errors = [{ path: '', message: 'no ```json block with a diagram object was found in the answer' }];
    else {
      try {
        parsed = JSON.parse(json);
        const v = validateDiagram(parsed);
        if (v.ok) return { ok: true, diagram: v.diagram, changes: diffDiagrams(o.diagram, v.diagram), attempts: attempt };
        errors = v.errors;
      } catch (e) {
        errors = [{ path: '', message: `the JSON does not parse: ${(e as Error).message}` }];
      }
    }
    messages.push({ role: 'assistant', content: res.text });
    messages.push({
      role: 'user',
      content: `That diagram is not valid:\n${errors.map((e) => `- ${e.path || '(diagram)'}: ${e.message}`).join('\n')}\nAnswer again with the whole corrected diagram in one \`\`\`json block.`,
    });
  }
  return { ok: false, errors, attempts: maxAttempts, message: `no valid diagram after ${maxAttempts} answers` };
}

/** The first ```json (or bare ```) block holding an object, else the outermost {...} of the text. */
function extractJson(text: string): string | null {
  for (const m of text.matchAll(/```(?:json)?\s*\n([\s\S]*?)```/g)) if (m[1].trim().startsWith('{')) return m[1];
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  return start >= 0 && end > start ? text.slice(start, end + 1) : null;
}

export { describeChange };
