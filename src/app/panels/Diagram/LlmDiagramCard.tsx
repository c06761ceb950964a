import { useRef, useState } from 'react';
import type { Diagram } from '../../../core/diagram/Diagram.ts';
import { describeChange } from '../../../core/diagram/diffDiagrams.ts';
import { requestDiagram, type DiagramAnswer } from '../../../core/diagram/requestDiagram.ts';
import { vaultChatProvider } from '../../lib/llmVault.ts';
import { keyBindingOf, llmSettingsBlocker } from '../../model/LlmSettings.ts';
import { studioStore } from '../../store/studioStore.ts';
import { useStudio } from '../../store/useStudio.ts';

type Phase = { kind: 'idle' } | { kind: 'asking' } | { kind: 'answer'; answer: DiagramAnswer } | { kind: 'failed'; message: string };

/**
 * Asks the LLM to change the drawn model ("add deaths from I"): it receives the diagram as JSON and
 * answers with a changed one, validated by path (wrong answers are sent back with their errors). The
 * change is shown as a diagram diff and applied only when the user says so.
 */
export function LlmDiagramCard({ diagram, readOnly, onApply }: { diagram: Diagram; readOnly: boolean; onApply(next: Diagram): void }) {
  const llm = useStudio((s) => s.llm);
  const [instruction, setInstruction] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const blocker = llmSettingsBlocker(llm);

  const ask = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: 'asking' });
    try {
      const s = studioStore.getState();
      const answer = await requestDiagram({
        provider: vaultChatProvider(keyBindingOf(s.llm)),
        model: s.llm.model.trim(),
        ...(s.llm.temperature !== undefined ? { temperature: s.llm.temperature } : {}),
        knowledge: s.knowledge,
        diagram,
        instruction,
        signal: controller.signal,
      });
      setPhase({ kind: 'answer', answer });
    } catch (e) {
      setPhase({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <div className="card stack" data-testid="diagram.llm" style={{ gap: 'var(--space-2)' }}>
      <h3>Refine with the LLM</h3>
      <label className="field">
        <span>What should change?</span>
        <textarea
          rows={2}
          value={instruction}
          data-testid="diagram.llm.instruction"
          placeholder="e.g. add deaths out of I with a daily probability"
          onChange={(e) => setInstruction(e.target.value)}
        />
      </label>
      <div className="row" style={{ gap: 'var(--space-2)' }}>
        <button
          type="button"
          className="btn"
          data-testid="diagram.llm.ask"
          disabled={readOnly || blocker !== null || phase.kind === 'asking' || instruction.trim() === ''}
          title={blocker ?? undefined}
          onClick={() => void ask()}
        >
          {phase.kind === 'asking' ? 'Asking…' : 'Ask'}
        </button>
        {phase.kind === 'asking' && (
          <button type="button" className="btn ghost" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        )}
      </div>
      {blocker && <p className="text-small muted">{blocker}</p>}
      {phase.kind === 'failed' && <p className="text-small err">{phase.message}</p>}
      {phase.kind === 'answer' && !phase.answer.ok && (
        <div className="text-small err" data-testid="diagram.llm.invalid">
          The LLM's diagram was still invalid after {phase.answer.attempts} answers:
          <ul className="diagram-issues">
            {phase.answer.errors.map((e, i) => (
              <li key={i}>
                <code>{e.path || 'diagram'}</code> {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {phase.kind === 'answer' && phase.answer.ok && (
        <div className="stack" data-testid="diagram.llm.diff" style={{ gap: 'var(--space-2)' }}>
          <span className="text-small">
            {phase.answer.changes.length === 0 ? 'The LLM changed nothing.' : `${phase.answer.changes.length} change${phase.answer.changes.length === 1 ? '' : 's'}:`}
          </span>
          <ul className="diagram-issues">
            {phase.answer.changes.map((c, i) => (
              <li key={i} className={`change ${c.kind}`}>
                {describeChange(c)}
              </li>
            ))}
          </ul>
          <div className="row" style={{ gap: 'var(--space-2)' }}>
            <button
              type="button"
              className="btn primary"
              data-testid="diagram.llm.apply"
              disabled={readOnly}
              onClick={() => {
                if (phase.answer.ok) onApply(phase.answer.diagram);
                setPhase({ kind: 'idle' });
              }}
            >
              Apply
            </button>
            <button type="button" className="btn ghost" onClick={() => setPhase({ kind: 'idle' })}>
              Discard
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
