import { useRef, type KeyboardEvent } from 'react';
import { setPanel } from '../actions/uiActions.ts';
import { LAST_STEP, PANELS } from '../panels/panels.ts';
import type { StudioState } from '../store/studioStore.ts';
import type { PanelId } from '../store/uiSlice.ts';
import { useStudio, useStudioShallow } from '../store/useStudio.ts';

/** Which steps are complete, for the check marks. */
function doneSteps(s: StudioState): PanelId[] {
  const out: PanelId[] = [];
  if (s.knowledge.trim() && s.variables.length > 0) out.push('knowledge');
  if (s.dataset) out.push('data');
  if (s.compile.status === 'ok') out.push('code');
  if (s.runs.some((r) => r.status === 'done')) out.push('calibrate');
  if (s.runs.some((r) => r.diagnostics?.status === 'done')) out.push('diagnostics');
  if (s.lineage.some((v) => Number.isFinite(v.record.valScore))) out.push('loop');
  return out;
}

/**
 * The path through the studio as tabs (WAI-ARIA tabs pattern: arrow keys move between tabs, Home/End
 * jump; Alt+1…9 work from anywhere, see App).
 */
export function Stepper() {
  // The Diagram is a mode of the Simulator code step (its tab stays selected).
  const panel = useStudio((s) => (s.panel === 'diagram' ? 'code' : s.panel));
  const done = useStudioShallow(doneSteps);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKey = (e: KeyboardEvent, i: number) => {
    let j = -1;
    if (e.key === 'ArrowRight') j = (i + 1) % PANELS.length;
    else if (e.key === 'ArrowLeft') j = (i - 1 + PANELS.length) % PANELS.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = PANELS.length - 1;
    if (j < 0) return;
    e.preventDefault();
    setPanel(PANELS[j].id);
    refs.current[j]?.focus();
  };

  return (
    <nav className="stepper" role="tablist" aria-label="Studio steps">
      {PANELS.map((p, i) => (
        <span key={p.id} style={{ display: 'contents' }}>
          {p.step === undefined && <span className="spacer" />}
          <button
            ref={(el) => {
              refs.current[i] = el;
            }}
            className="step"
            role="tab"
            id={`tab-${p.id}`}
            aria-selected={panel === p.id}
            aria-controls="studio-panel"
            tabIndex={panel === p.id ? 0 : -1}
            data-testid={`nav.${p.id}`}
            title={`${p.label} (Alt+${i + 1})`}
            onClick={() => setPanel(p.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {p.step !== undefined && <span className={`num${done.includes(p.id) && panel !== p.id ? ' done' : ''}`}>{done.includes(p.id) && panel !== p.id ? '✓' : p.step}</span>}
            {p.label}
          </button>
          {p.step !== undefined && p.step < LAST_STEP && <span className="step-sep" aria-hidden="true">›</span>}
        </span>
      ))}
    </nav>
  );
}
