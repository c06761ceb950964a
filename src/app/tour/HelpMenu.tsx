import { useDropdown } from '../lib/useDropdown.ts';
import { useStudio } from '../store/useStudio.ts';
import { studioStore } from '../store/studioStore.ts';

/** "Help" drop-down in the top bar: the guided tour, presenter mode, replay of a recorded session. */
export function HelpMenu() {
  const { ref, close } = useDropdown();
  const presenter = useStudio((s) => s.presenter);
  const replayable = useStudio((s) => (s.recording?.steps.length ?? 0) > 0 && s.replay.status === 'idle');

  return (
    <details className="dropdown" ref={ref} onKeyDown={(e) => e.key === 'Escape' && close()}>
      <summary className="btn" data-testid="help.menu">
        Help
      </summary>
      <div className="dropdown-list" role="menu">
        <button
          type="button"
          role="menuitem"
          data-testid="help.tour"
          onClick={() => {
            close();
            // The tour's actions load on demand: they are not on the first-render path.
            void import('./tourActions.ts').then((m) => m.tourEvent({ type: 'start' }));
          }}
        >
          Guided tour (one G-Sim cycle on COVID)
        </button>
        <button
          type="button"
          role="menuitemcheckbox"
          aria-checked={presenter}
          data-testid="help.presenter"
          onClick={() => {
            close();
            studioStore.setState((s) => ({ presenter: !s.presenter }));
          }}
        >
          {presenter ? '✓ ' : ''}Presenter mode (Alt+P)
        </button>
        <button
          type="button"
          role="menuitem"
          data-testid="help.replay"
          disabled={!replayable}
          title={replayable ? 'Replay this project’s recorded session, step by step, with no API key' : 'This project has no recorded session'}
          onClick={() => {
            close();
            void import('../replay/replayActions.ts').then((m) => m.startReplay());
          }}
        >
          Replay recorded session
        </button>
      </div>
    </details>
  );
}
