import { useEffect } from 'react';
import { ReplayBar } from '../replay/ReplayBar.tsx';
import { studioStore } from '../store/studioStore.ts';
import { useStudio } from '../store/useStudio.ts';
import '../styles/teaching.css';
import { setPresenter, stepPhase } from './tourActions.ts';
import { TourPopover } from './TourPopover.tsx';

/** True when a key press belongs to a text field or an editor (its keys are not for stepping). */
function inEditor(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor, [contenteditable="true"]')) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** True inside the step tabs, whose arrow keys already move between tabs. */
function onTabs(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('[role="tablist"]') !== null;
}

/**
 * The teaching and demo layer over the studio: the guided tour's popover, the replay strip, presenter
 * mode (Alt+P; PageDown/PageUp, or →/← outside editors, step through the phases). The session
 * recorder is installed at start-up (bootstrap.ts). Rendered once by App.
 */
export function TeachingLayer() {
  const presenter = useStudio((s) => s.presenter);

  useEffect(() => {
    document.documentElement.toggleAttribute('data-presenter', presenter);
  }, [presenter]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyP') {
        e.preventDefault();
        setPresenter();
        return;
      }
      if (!studioStore.getState().presenter || e.altKey || e.ctrlKey || e.metaKey || !studioStore.getState().meta) return;
      if (studioStore.getState().tour.status === 'open') return;
      if (inEditor(e.target)) return;
      const arrows = !onTabs(e.target);
      const forward = e.key === 'PageDown' || (arrows && e.key === 'ArrowRight');
      const back = e.key === 'PageUp' || (arrows && e.key === 'ArrowLeft');
      if (!forward && !back) return;
      e.preventDefault();
      stepPhase(forward ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <ReplayBar />
      <TourPopover />
      {presenter && (
        <button className="btn presenter-exit" type="button" data-testid="presenter.exit" onClick={() => setPresenter(false)} title="Leave presenter mode (Alt+P)">
          Exit presenter mode
        </button>
      )}
    </>
  );
}
