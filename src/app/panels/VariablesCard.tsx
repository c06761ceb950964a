import { useState } from 'react';
import { addVariable, removeVariable } from '../actions/knowledgeActions.ts';
import { useStudio } from '../store/useStudio.ts';

/** The observed variables: the observation vector every plot and metric compares. */
export function VariablesCard() {
  const variables = useStudio((s) => s.variables);
  const [draft, setDraft] = useState('');
  const add = () => {
    addVariable(draft);
    setDraft('');
  };
  return (
    <div className="card" data-testid="variables">
      <h3>Observed variables</h3>
      <p className="muted text-small" style={{ marginBottom: 'var(--space-3)' }}>
        Names of the state entries the data records; every metric and plot compares these. Importing data sets them from the file.
      </p>
      {variables.length > 0 ? (
        <div className="chips" style={{ marginBottom: 'var(--space-3)' }}>
          {variables.map((v) => (
            <span className="chip" key={v} data-testid={`variables.chip.${v}`}>
              {v}
              <button type="button" aria-label={`Remove variable ${v}`} onClick={() => removeVariable(v)}>
                ×
              </button>
            </span>
          ))}
        </div>
      ) : (
        <p className="text-small" style={{ marginBottom: 'var(--space-3)' }}>
          No variables yet — add them here, or import trajectories below.
        </p>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label className="sr-only" htmlFor="new-variable">
          New variable name
        </label>
        <input id="new-variable" type="text" placeholder="e.g. infected" value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="variables.input" style={{ flex: 1 }} />
        <button className="btn" type="submit" disabled={!draft.trim()} data-testid="variables.add">
          Add
        </button>
      </form>
    </div>
  );
}
