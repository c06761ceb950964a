import { useState } from 'react';
import { renameProject } from '../actions/projectActions.ts';
import { useStudio } from '../store/useStudio.ts';

/** Rename button that turns into an input (Enter saves, Escape cancels). */
export function ProjectName() {
  const meta = useStudio((s) => s.meta);
  const [draft, setDraft] = useState<string | null>(null);
  if (!meta) return null;
  if (draft === null) {
    return (
      <button className="btn ghost text-small" type="button" onClick={() => setDraft(meta.name)} data-testid="project.rename" title="Rename this project" aria-label="Rename this project">
        ✎ Rename
      </button>
    );
  }
  const commit = () => {
    renameProject(draft);
    setDraft(null);
  };
  return (
    <input
      type="text"
      aria-label="Project name"
      data-testid="project.name"
      autoFocus
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(null);
      }}
      style={{ width: 240 }}
    />
  );
}
