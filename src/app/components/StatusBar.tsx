import { selectActiveRun } from '../store/selectors.ts';
import { useStudio } from '../store/useStudio.ts';

/** One line of context: what is open, whether it compiles, what is running. */
export function StatusBar() {
  const meta = useStudio((s) => s.meta);
  const compile = useStudio((s) => s.compile.status);
  const datasetLoading = useStudio((s) => s.datasetLoading);
  const active = useStudio(selectActiveRun);
  const runs = useStudio((s) => s.runs.length);
  return (
    <footer className="statusbar" data-testid="ui.status">
      <span>{meta ? `Project: ${meta.name}` : 'No project open'}</span>
      {meta && <span>Simulator: {compile === 'ok' ? 'compiles' : compile === 'error' ? 'has errors' : compile === 'checking' ? 'checking…' : '–'}</span>}
      {datasetLoading && <span>Generating benchmark data…</span>}
      {active && (
        <span>
          Calibrating: generation {active.iteration} / {active.totalIterations}
        </span>
      )}
      <span className="spacer" />
      {meta && <span>{runs} run{runs === 1 ? '' : 's'} · saved in this browser</span>}
      <span>Alt+1…9: switch step</span>
    </footer>
  );
}
