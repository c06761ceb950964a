import { lazy, Suspense, useEffect } from 'react';
import { setPanel } from './actions/uiActions.ts';
import { Notices } from './components/Notices.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { Stepper } from './components/Stepper.tsx';
import { TopBar } from './components/TopBar.tsx';
import { KnowledgePanel } from './panels/KnowledgePanel.tsx';
import { PANELS } from './panels/panels.ts';
import { WelcomePanel } from './panels/WelcomePanel.tsx';
import { ConcurrentEditBanner } from './components/ConcurrentEditBanner.tsx';
import type { PanelId } from './store/uiSlice.ts';
import { useStudio } from './store/useStudio.ts';
import { PanelErrorBoundary } from './components/PanelErrorBoundary.tsx';

// Panels after the first load on demand: they pull in calibrators, charts and the editor wiring.
const DataPanel = lazy(() => import('./panels/DataPanel.tsx').then((m) => ({ default: m.DataPanel })));
const CodePanel = lazy(() => import('./panels/CodePanel.tsx').then((m) => ({ default: m.CodePanel })));
const CalibratePanel = lazy(() => import('./panels/CalibratePanel.tsx').then((m) => ({ default: m.CalibratePanel })));
const DiagnosticsPanel = lazy(() => import('./panels/DiagnosticsPanel.tsx').then((m) => ({ default: m.DiagnosticsPanel })));
const LoopPanel = lazy(() => import('./panels/Loop/LoopPanel.tsx').then((m) => ({ default: m.LoopPanel })));
const SettingsDialog = lazy(() => import('./panels/Settings/SettingsDialog.tsx').then((m) => ({ default: m.SettingsDialog })));
// The tour, presenter keys and replay bar load after the first render (they pull in project actions).
const TeachingLayer = lazy(() => import('./tour/TeachingLayer.tsx').then((m) => ({ default: m.TeachingLayer })));
const StructurePanel = lazy(() => import('./panels/Structure/StructurePanel.tsx').then((m) => ({ default: m.StructurePanel })));
const ScenariosPanel = lazy(() => import('./panels/Scenarios/ScenariosPanel.tsx').then((m) => ({ default: m.ScenariosPanel })));
const DiagramPanel = lazy(() => import('./panels/Diagram/DiagramPanel.tsx').then((m) => ({ default: m.DiagramPanel })));
const HistoryPanel = lazy(() => import('./panels/HistoryPanel.tsx').then((m) => ({ default: m.HistoryPanel })));

function Panel({ id }: { id: PanelId }) {
  switch (id) {
    case 'knowledge':
      return <KnowledgePanel />;
    case 'data':
      return <DataPanel />;
    case 'code':
      return <CodePanel />;
    case 'diagram':
      return <DiagramPanel />;
    case 'calibrate':
      return <CalibratePanel />;
    case 'diagnostics':
      return <DiagnosticsPanel />;
    case 'loop':
      return <LoopPanel />;
    case 'structure':
      return <StructurePanel />;
    case 'scenarios':
      return <ScenariosPanel />;
    case 'history':
      return <HistoryPanel />;
  }
}

/** The studio shell: top bar, step tabs, the open panel, status bar. */
export function App() {
  const hydrated = useStudio((s) => s.hydrated);
  const hasProject = useStudio((s) => s.meta !== null);
  const projectKey = useStudio((s) => s.meta?.id ?? '');
  const panel = useStudio((s) => s.panel);
  const settingsOpen = useStudio((s) => s.settingsOpen);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const n = Number(e.key);
      if (n >= 1 && n <= PANELS.length) {
        e.preventDefault();
        setPanel(PANELS[n - 1].id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app" data-testid="studio" data-hydrated={hydrated ? 'true' : 'false'}>
      <TopBar />
      <ConcurrentEditBanner />
      {hasProject ? <Stepper /> : <div />}
      <main className="studio-main" id="studio-panel" role={hasProject ? 'tabpanel' : undefined} aria-labelledby={hasProject ? `tab-${panel}` : undefined}>
        {!hydrated ? (
          <div className="empty-state">Opening your projects…</div>
        ) : hasProject ? (
          <PanelErrorBoundary key={`${panel}:${projectKey}`} panel={panel}>
            <Suspense fallback={<div className="empty-state">Loading…</div>}>
              <Panel id={panel} />
            </Suspense>
          </PanelErrorBoundary>
        ) : (
          <WelcomePanel />
        )}
      </main>
      <StatusBar />
      <Notices />
      <Suspense fallback={null}>
        <TeachingLayer />
      </Suspense>
      {settingsOpen && (
        <Suspense fallback={null}>
          <SettingsDialog />
        </Suspense>
      )}
    </div>
  );
}
