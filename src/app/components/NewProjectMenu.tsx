import type { EnvId } from '../../core/data/Dataset.ts';
import { listEnvironments } from '../../core/envs/environments.ts';
import { createBenchmarkProject, createBlankProject } from '../actions/projectActions.ts';
import { useDropdown } from '../lib/useDropdown.ts';

/** "New project" drop-down: one entry per built-in benchmark, plus a blank project. */
export function NewProjectMenu() {
  const { ref, close } = useDropdown();

  const pick = (env: EnvId | null) => {
    close();
    void (env ? createBenchmarkProject(env) : createBlankProject());
  };

  return (
    <details className="dropdown" ref={ref} onKeyDown={(e) => e.key === 'Escape' && close()}>
      <summary className="btn primary" data-testid="project.new">
        New project
      </summary>
      <div className="dropdown-list" role="menu">
        {listEnvironments().map((env) => (
          <button key={env.id} type="button" role="menuitem" data-testid={`project.new.${env.id}`} onClick={() => pick(env.id)}>
            {env.title}
          </button>
        ))}
        <button type="button" role="menuitem" data-testid="project.new.blank" onClick={() => pick(null)}>
          Blank project
        </button>
      </div>
    </details>
  );
}
