import { JsonFileButton } from './JsonFileButton.tsx';
import { openProject } from '../actions/projectActions.ts';
import { exportProject, importProjectFile } from '../actions/projectFileActions.ts';
import { setSettingsOpen } from '../actions/settingsActions.ts';
import { toggleTheme } from '../actions/uiActions.ts';
import { useStudio } from '../store/useStudio.ts';
import { NewProjectMenu } from './NewProjectMenu.tsx';
import { ProjectName } from './ProjectName.tsx';
import { HelpMenu } from '../tour/HelpMenu.tsx';

/** Brand, project picker and name, new/import/export, and the theme toggle. */
export function TopBar() {
  const meta = useStudio((s) => s.meta);
  const projects = useStudio((s) => s.projects);
  const theme = useStudio((s) => s.theme);

  return (
    <header className="topbar">
      <div className="brand">
        <img src="/favicon.svg" alt="" />
        G-Sim Studio
      </div>
      {meta && (
        <>
          <label className="sr-only" htmlFor="project-picker">
            Open project
          </label>
          {/* Wide enough for the longest benchmark title ("Supply chain (single-stage beer game)") on a 1280 px
              screen, narrower on smaller ones so the buttons keep their line; the title shows a cut name whole. */}
          <select id="project-picker" data-testid="project.picker" value={meta.id} title={meta.name} onChange={(e) => void openProject(e.target.value)} style={{ maxWidth: 'min(340px, 26vw)' }}>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <ProjectName />
        </>
      )}
      <span className="spacer" />
      <NewProjectMenu />
      <JsonFileButton className="btn" testId="project.import" inputTestId="project.importFile" title="Import a project from a .gsim.json file" onFile={(f) => void importProjectFile(f)}>
        Import project
      </JsonFileButton>
      <button className="btn" type="button" data-testid="project.export" disabled={!meta} onClick={() => void exportProject()} title="Download this project as one JSON file">
        Export
      </button>
      <button className="btn" type="button" data-testid="settings.open" onClick={() => setSettingsOpen(true)} title="LLM provider, model and API key for Refine with LLM">
        LLM settings
      </button>
      <HelpMenu />
      <button
        className="btn ghost"
        type="button"
        data-testid="ui.theme"
        aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
        title={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
        onClick={toggleTheme}
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
    </header>
  );
}
