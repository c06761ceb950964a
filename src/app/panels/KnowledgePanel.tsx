import { lazy, Suspense, useState } from 'react';
import { setKnowledge } from '../actions/knowledgeActions.ts';
import { MarkdownView } from '../components/MarkdownView.tsx';
import { useStudio } from '../store/useStudio.ts';
import { TrajectoryImportCard } from './TrajectoryImportCard.tsx';
import { VariablesCard } from './VariablesCard.tsx';

// The rules card compiles checks (acorn + the simulator compiler): kept out of the first chunk.
const DomainRulesCard = lazy(() => import('./Knowledge/DomainRulesCard.tsx').then((m) => ({ default: m.DomainRulesCard })));

/** Step 1: the domain knowledge, the observed variables and the trajectories. */
export function KnowledgePanel() {
  const knowledge = useStudio((s) => s.knowledge);
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  return (
    <section className="panel" data-testid="panel.knowledge">
      <div className="panel-head">
        <div>
          <h2>Knowledge</h2>
          <p>What the simulator should capture, in plain words (Markdown). It is what an LLM is told; keep parameter values out of it.</p>
        </div>
      </div>
      <div className="grid-2" style={{ gridTemplateColumns: 'minmax(0, 1.25fr) minmax(0, 1fr)' }}>
        <div className="card">
          <div className="card-head">
            <h3>Domain knowledge</h3>
            <div className="row" role="group" aria-label="Knowledge view">
              <button className={`btn text-small${mode === 'edit' ? ' primary' : ''}`} type="button" aria-pressed={mode === 'edit'} onClick={() => setMode('edit')} data-testid="knowledge.edit">
                Edit
              </button>
              <button className={`btn text-small${mode === 'preview' ? ' primary' : ''}`} type="button" aria-pressed={mode === 'preview'} onClick={() => setMode('preview')} data-testid="knowledge.preview">
                Preview
              </button>
            </div>
          </div>
          {mode === 'edit' ? (
            <textarea
              aria-label="Domain knowledge (Markdown)"
              data-testid="knowledge.text"
              className="mono"
              value={knowledge}
              onChange={(e) => setKnowledge(e.target.value)}
              spellCheck
              style={{ width: '100%', minHeight: 'calc(100vh - 330px)', fontSize: 13 }}
            />
          ) : (
            <div style={{ minHeight: 'calc(100vh - 330px)', overflow: 'auto' }}>
              {knowledge.trim() ? <MarkdownView text={knowledge} /> : <p className="muted">Nothing written yet. Switch to Edit to describe the system.</p>}
            </div>
          )}
        </div>
        <div className="stack" style={{ gap: 'var(--space-4)' }}>
          <VariablesCard />
          <Suspense fallback={null}>
            <DomainRulesCard />
          </Suspense>
          <TrajectoryImportCard />
        </div>
      </div>
    </section>
  );
}
