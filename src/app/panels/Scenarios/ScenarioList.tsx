import { useMemo } from 'react';
import { SCENARIO_PRESETS } from '../../../core/interventions/benchmarkScenarios.ts';
import { addBlankScenario, addPresetScenario, cancelScenarios, runScenarios, setWhatIfSettings } from '../../actions/scenarioActions.ts';
import { IntInput } from '../../components/IntInput.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { validateDraft } from '../../model/scenarioDraft.ts';
import { MAX_WHATIF_VALUES, whatIfBudget } from '../../model/whatIfBudget.ts';
import type { ParamsMode, WhatIfSettings } from '../../model/WhatIf.ts';
import { selectWhatIfEnv, selectWhatIfVariables } from '../../store/scenarioSelectors.ts';
import { useStudio } from '../../store/useStudio.ts';
import { ScenarioEditor } from './ScenarioEditor.tsx';

const LIMITS: Record<keyof WhatIfSettings, [number, number]> = { rollouts: [1, 5000], horizon: [1, 1000], seed: [0, 2 ** 31 - 1] };

function SettingField({ name, label }: { name: keyof WhatIfSettings; label: string }) {
  const value = useStudio((s) => s.whatIf.settings[name]);
  const [min, max] = LIMITS[name];
  return <IntInput label={label} value={value} min={min} max={max} testId={`whatif.${name}`} onChange={(v) => setWhatIfSettings({ [name]: v })} />;
}

const formatInt = (n: number) => n.toLocaleString('en-US');

/** The presets offered in a project: its benchmark's only; for one's own data every benchmark's (they may fit one's program). */
function usePresets() {
  const env = useStudio((s) => selectWhatIfEnv(s)?.id ?? null);
  return useMemo(() => (env ? SCENARIO_PRESETS.filter((p) => p.env === env) : SCENARIO_PRESETS), [env]);
}

function PresetPicker({ disabled }: { disabled: boolean }) {
  const presets = usePresets();
  return (
    <select
      value="" disabled={disabled} data-testid="whatif.addPreset" aria-label="Add a scenario from a benchmark preset" style={{ maxWidth: 320 }}
      onChange={(e) => {
        const [id, name] = e.target.value.split('/');
        if (id && name) addPresetScenario(id, name);
      }}
    >
      <option value="">Add from preset…</option>
      {presets.map((p) => (
        <optgroup key={p.id} label={p.title}>
          {p.scenarios.map((s) => (
            <option key={s.name} value={`${p.id}/${s.name}`}>
              {s.name}
              {s.description ? ` — ${s.description}` : ''}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

/** The scenario list with its editors, run settings, and Run / Cancel with progress. */
export function ScenarioList({ canRun, useInit, mode }: { canRun: boolean; useInit: boolean; mode: ParamsMode }) {
  const drafts = useStudio((s) => s.whatIf.scenarios);
  const horizon = useStudio((s) => s.whatIf.settings.horizon);
  const job = useStudio((s) => s.scenarioJob);
  const errors = useMemo(() => drafts.map((d) => validateDraft(d, horizon)), [drafts, horizon]);
  const valid = errors.filter((e) => Object.keys(e).length === 0).length;
  const rollouts = useStudio((s) => s.whatIf.settings.rollouts);
  const variables = useStudio((s) => selectWhatIfVariables(s).length);
  const withTruth = useStudio((s) => selectWhatIfEnv(s) !== null);
  // The same sum runScenarios checks (whatIfRunBudget), from the same fields.
  const budget = useMemo(() => whatIfBudget(valid, rollouts, horizon, variables, withTruth), [valid, rollouts, horizon, variables, withTruth]);
  const running = job !== null;
  return (
    <div className="card stack" data-testid="whatif.scenarios">
      <div className="card-head">
        <h3>What-if scenarios</h3>
        <div className="row">
          <PresetPicker disabled={running} />
          <button className="btn" type="button" disabled={running} onClick={addBlankScenario} data-testid="whatif.addBlank">
            New scenario
          </button>
        </div>
      </div>
      {drafts.length === 0 && <p className="text-small muted">Add a scenario from a benchmark preset (e.g. a strict early lockdown) or build one with the form.</p>}
      {drafts.map((d, i) => (
        <ScenarioEditor key={d.id} draft={d} errors={errors[i]} disabled={running} />
      ))}
      <div className="row" style={{ alignItems: 'flex-end', gap: 'var(--space-4)' }}>
        <SettingField name="rollouts" label="Rollouts per scenario" />
        <SettingField name="horizon" label="Horizon (steps)" />
        <SettingField name="seed" label="Seed" />
        <div className="row" style={{ marginLeft: 'auto' }}>
          {running ? (
            <button key="cancel" className="btn danger" type="button" onClick={cancelScenarios} data-testid="whatif.cancel">
              Cancel
            </button>
          ) : (
            <button
              key="run" className="btn primary" type="button" disabled={!canRun || valid === 0 || budget.over} data-testid="whatif.run"
              title={valid === 0 ? 'Add a valid scenario first' : budget.over ? 'Over the what-if budget: see below' : undefined} onClick={() => void runScenarios(useInit, mode)}
            >
              Run {valid} scenario{valid === 1 ? '' : 's'}
            </button>
          )}
        </div>
      </div>
      {valid > 0 && (
        <p className="text-small" data-testid="whatif.budget" data-over={budget.over} style={budget.over ? { color: 'var(--danger)' } : undefined}>
          {budget.over ? <strong>Too large to run: </strong> : <span className="muted">This run: </span>}
          <span className={budget.over ? undefined : 'muted'}>
            {valid} scenario{valid === 1 ? '' : 's'} × {formatInt(budget.rollouts)} rollouts × {formatInt(budget.horizon)} steps
            {budget.sides === 2 ? ', on the model and on the ground truth' : ', on the model'}: {formatInt(budget.steps)} simulated steps
            {budget.over
              ? `, ${budget.values.toExponential(1)} numbers held in the page, over the limit of ${MAX_WHATIF_VALUES.toExponential(0)} summed over all scenarios. Lower the rollouts or the horizon, or run fewer scenarios at once.`
              : '.'}
          </span>
        </p>
      )}
      {valid < drafts.length && <p className="text-small muted">{drafts.length - valid} scenario(s) with errors will be skipped until fixed.</p>}
      {job && (
        <div className="stack" data-testid="whatif.progress" data-done={job.done} data-total={job.total}>
          <ProgressBar value={job.done} max={job.total} label="What-if rollouts" />
          <span className="text-small muted">
            Rollouts in the workers: {job.done} of {job.total} batches
          </span>
        </div>
      )}
    </div>
  );
}
