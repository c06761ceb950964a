import { useMemo } from 'react';
import { GRID_PRESETS } from '../../../core/interventions/benchmarkGrids.ts';
import { cancelPolicySearch, gridDraftOf, loadGridPreset, runPolicySearch, setGridDraft } from '../../actions/policySearchActions.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { gridFromDraft, type GridDraft } from '../../model/gridDraft.ts';
import { selectCalibratedModel, selectWhatIfEnv, selectWhatIfVariables } from '../../store/scenarioSelectors.ts';
import { useStudio } from '../../store/useStudio.ts';
import { Field } from './Field.tsx';

/** The grid form (preset, two knobs, cost expression, advanced JSON) with Run / Cancel and progress. */
export function PolicySearchCard({ canRun, useInit }: { canRun: boolean; useInit: boolean }) {
  const draft = useStudio(gridDraftOf);
  const variables = useStudio(selectWhatIfVariables);
  const horizon = useStudio((s) => s.whatIf.settings.horizon);
  const job = useStudio((s) => s.policyJob);
  // A benchmark project is offered its own grid; a project on one's own data every benchmark's as an example.
  const env = useStudio((s) => selectWhatIfEnv(s)?.id ?? null);
  const presets = useMemo(() => (env ? GRID_PRESETS.filter((g) => g.env === env) : GRID_PRESETS), [env]);
  // Grid cells compare expected costs at one parameter set: with an NPE posterior, its mean.
  const onPosteriorMean = useStudio((s) => !useInit && (selectCalibratedModel(s)?.posteriorDraws?.length ?? 0) > 0);
  const parsed = useMemo(() => gridFromDraft(draft, variables, horizon), [draft, variables, horizon]);
  const errors = 'errors' in parsed ? parsed.errors : {};
  const set = (patch: Partial<GridDraft>) => setGridDraft({ ...draft, ...patch });
  const input = (key: keyof GridDraft, label: string, width: number) => (
    <Field label={label} error={errors[key]} testId={`policy.${key}`}>
      <input type="text" value={draft[key]} style={{ width }} data-testid={`policy.${key}`} onChange={(e) => set({ [key]: e.target.value })} />
    </Field>
  );
  const cells = 'grid' in parsed ? parsed.grid.x.values.length * parsed.grid.y.values.length : 0;
  const running = job !== null;
  return (
    <div className="card stack" data-testid="policy.card">
      <div className="card-head">
        <h3>Policy search</h3>
        <select value={draft.preset} disabled={running} onChange={(e) => loadGridPreset(e.target.value)} data-testid="policy.preset" aria-label="Grid preset">
          {!presets.some((g) => g.name === draft.preset) && <option value={draft.preset}>{draft.preset || 'own grid'}</option>}
          {presets.map((g) => (
            <option key={g.name} value={g.name}>
              {g.name} ({g.env})
            </option>
          ))}
        </select>
      </div>
      <fieldset className="stack" disabled={running} style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="row" style={{ alignItems: 'flex-start', gap: 'var(--space-3)', flexWrap: 'wrap' }}>
          {input('xName', 'Knob x', 110)}
          {input('xValues', 'x values', 260)}
          {input('yName', 'Knob y', 110)}
          {input('yValues', 'y values', 260)}
          {input('rollouts', 'Rollouts per cell', 80)}
        </div>
        <Field label="Cost (JavaScript expression over the knobs, horizon, defines and recorded series; sum, mean, max, min, …)" error={errors.cost} testId="policy.cost">
          <input type="text" className="mono" value={draft.cost} data-testid="policy.cost" onChange={(e) => set({ cost: e.target.value })} />
        </Field>
        <details open={Boolean(errors.template)}>
          <summary className="text-small muted">Scenario template, recorded counters and defines (JSON)</summary>
          <Field label="" error={errors.template} testId="policy.template">
            <textarea className="mono" rows={10} value={draft.template} data-testid="policy.template" onChange={(e) => set({ template: e.target.value })} />
          </Field>
        </details>
      </fieldset>
      <div className="row">
        <span className="text-small muted">{cells ? `${cells} cells × ${draft.rollouts} rollouts, on the model${onPosteriorMean ? ' (at the posterior mean)' : ''} and, for a benchmark, the ground truth.` : 'Fix the fields above to run.'}</span>
        <div className="row" style={{ marginLeft: 'auto' }}>
          {running ? (
            <button key="cancel" className="btn danger" type="button" onClick={cancelPolicySearch} data-testid="policy.cancel">
              Cancel
            </button>
          ) : (
            <button key="run" className="btn primary" type="button" disabled={!canRun || cells === 0} onClick={() => void runPolicySearch(useInit)} data-testid="policy.run">
              Run policy search
            </button>
          )}
        </div>
      </div>
      {job && (
        <div className="stack" data-testid="policy.progress" data-done={job.done} data-total={job.total}>
          <ProgressBar value={job.done} max={job.total} label="Policy search" />
          <span className="text-small muted">
            {job.phase === 'truth' ? 'Ground truth' : 'Model'}: {job.done} of {job.total} cells
          </span>
        </div>
      )}
    </div>
  );
}
