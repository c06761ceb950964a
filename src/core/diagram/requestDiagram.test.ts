import { describe, expect, it } from 'vitest';
import type { ChatMessage, ChatProvider, ChatRequest } from '../llm/ChatProvider.ts';
import { describeChange, diffDiagrams } from './diffDiagrams.ts';
import { SIR_DIAGRAM, SIRD_DIAGRAM } from './exampleDiagrams.ts';
import { requestDiagram } from './requestDiagram.ts';

/** A provider that answers from a script and records what it was sent. */
function scripted(answers: string[]): ChatProvider & { sent: ChatMessage[][] } {
  const sent: ChatMessage[][] = [];
  return {
    sent,
    async complete(req: ChatRequest) {
      sent.push([...req.messages]);
      return { text: answers[sent.length - 1] ?? '' };
    },
  };
}

const block = (v: unknown) => `Here it is:\n\`\`\`json\n${JSON.stringify(v)}\n\`\`\``;

describe('diffDiagrams', () => {
  it('lists added, removed and changed elements with their fields', () => {
    const after = { ...SIRD_DIAGRAM, flows: SIRD_DIAGRAM.flows.map((f) => (f.name === 'recovery' ? { ...f, rate: '1 - Math.exp(-gamma)' } : f)) };
    expect(diffDiagrams(SIR_DIAGRAM, after).map(describeChange)).toEqual([
      'added stock D',
      'changed flow recovery: rate "gamma" → "1 - Math.exp(-gamma)"',
      'added flow death',
      'added parameter mu',
    ]);
    expect(diffDiagrams(SIR_DIAGRAM, structuredClone(SIR_DIAGRAM))).toEqual([]);
  });
});

describe('requestDiagram', () => {
  it('returns the diagram the LLM sent back, with the diff', async () => {
    const provider = scripted([block(SIRD_DIAGRAM)]);
    const r = await requestDiagram({ provider, model: 'm', knowledge: '# SIR', diagram: SIR_DIAGRAM, instruction: 'Add deaths from I.' });
    expect(r.ok && r.changes.map(describeChange)).toEqual(['added stock D', 'added flow death', 'added parameter mu']);
    expect(provider.sent[0][1].content).toContain('Add deaths from I.');
    expect(provider.sent[0][1].content).toContain('"name": "infection"');
  });

  it('sends a wrong answer back with its errors by path, and takes the corrected one', async () => {
    const wrong = { ...SIRD_DIAGRAM, flows: [...SIRD_DIAGRAM.flows.slice(0, 2), { name: 'death', from: 'I', to: 'Dead', law: 'binomial', rate: 'mu' }] };
    const provider = scripted([block(wrong), block(SIRD_DIAGRAM)]);
    const r = await requestDiagram({ provider, model: 'm', knowledge: '', diagram: SIR_DIAGRAM, instruction: 'Add deaths.' });
    expect(r).toMatchObject({ ok: true, attempts: 2 });
    expect(provider.sent[1].at(-1)!.content).toContain('- flows[2].to: no stock is named "Dead"');
  });

  it('gives up after maxAttempts with the last errors', async () => {
    const provider = scripted(['no json here', '{ "format": "gsim-diagram" ']);
    const r = await requestDiagram({ provider, model: 'm', knowledge: '', diagram: SIR_DIAGRAM, instruction: 'x', maxAttempts: 2 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0].message).toBe('no ```json block with a diagram object was found in the answer');
    expect(provider.sent[1].at(-1)!.content).toContain('no ```json block');
  });
});
