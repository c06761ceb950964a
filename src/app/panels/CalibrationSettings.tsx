import { cancelCalibration, startCalibration, updateRunSettings } from '../actions/calibrationActions.ts';
import type { RunSettings } from '../model/RunRecord.ts';
import { convergeBudget, type BudgetMode } from '../../core/calibrate/budget.ts';
import type { FitnessKind } from '../../core/calibrate/oneStepFitness.ts';
import { selectCalibrationBlocker, selectCompiledParameters } from '../store/selectors.ts';
import { FixedParametersField } from './Calibrate/FixedParametersField.tsx';
import { useStudio } from '../store/useStudio.ts';
import { IntInput } from '../components/IntInput.tsx';
import { NpeSettingsFields, npeBudgetText } from './Npe/NpeSettingsFields.tsx';

/** A bounded integer input that writes to the run settings. */
function IntField({ label, name, min, max, hint }: { label: string; name: 'generations' | 'popsize' | 'mc' | 'seed'; min: number; max: number; hint?: string }) {
  const value = useStudio((s) => s.settings[name]);
  const running = useStudio((s) => s.activeRunId !== null);
  return (
    <IntInput label={label} value={value} min={min} max={max} hint={hint} disabled={running} testId={`calibrate.${name}`}
      onChange={(v) => updateRunSettings({ [name]: v })} />
  );
}

/** Method, budget and seed, with Start and Cancel. */
export function CalibrationSettings() {
  const method = useStudio((s) => s.settings.method);
  const running = useStudio((s) => s.activeRunId !== null);
  const blocker = useStudio(selectCalibrationBlocker);
  const settings = useStudio((s) => s.settings);
  const parameters = useStudio(selectCompiledParameters);
  const budget = settings.budget ?? 'paper';
  const freeCount = (parameters ?? []).filter((p) => !(p.name in (settings.fixed ?? {}))).length;
  const candidates =
    budget === 'converge'
      ? convergeBudget(freeCount).maxCandidates
      : settings.method === 'ga' ? settings.popsize * (2 * settings.generations + 1) : settings.popsize * settings.generations;
  return (
    <div className="card" data-testid="calibrate.settings">
      <form
        className="row"
        style={{ alignItems: 'flex-end', gap: 'var(--space-4)' }}
        onSubmit={(e) => {
          e.preventDefault();
          if (!running) void startCalibration();
        }}
      >
        <label className="field">
          Method
          <select value={method} disabled={running} data-testid="calibrate.method" onChange={(e) => updateRunSettings({ method: e.target.value as RunSettings['method'] })}>
            <option value="ga">Genetic algorithm</option>
            <option value="cmaes">CMA-ES</option>
            <option value="npe">Neural posterior estimation (NPE)</option>
          </select>
        </label>
        {method === 'npe' ? (
          <NpeSettingsFields disabled={running} />
        ) : (
          <>
            <label className="field" title="The one-step score the search minimises">
              Fitness
              <select value={settings.fitness ?? 'mse'} disabled={running} data-testid="calibrate.fitness" onChange={(e) => updateRunSettings({ fitness: e.target.value as FitnessKind })}>
                <option value="energy">Energy score (proper, default)</option>
                <option value="mse">MSE (the paper’s)</option>
              </select>
            </label>
            <label className="field" title="converge: population and a cap from the number of parameters, stop on convergence; paper: fixed generations × population">
              Budget
              <select value={budget} disabled={running} data-testid="calibrate.budget" onChange={(e) => updateRunSettings({ budget: e.target.value as BudgetMode })}>
                <option value="converge">Until converged</option>
                <option value="paper">Fixed (paper)</option>
              </select>
            </label>
            {budget === 'paper' && (
              <>
                <IntField label="Generations" name="generations" min={1} max={500} />
                <IntField label={method === 'cmaes' ? 'Population (λ)' : 'Population'} name="popsize" min={4} max={1000} />
              </>
            )}
            <IntField label="MC draws" name="mc" min={(settings.fitness ?? 'mse') === 'energy' ? 2 : 1} max={100} hint="Monte-Carlo draws per transition in the fitness (the energy score needs 2 or more)" />
          </>
        )}
        <IntField label="Seed" name="seed" min={0} max={2 ** 31 - 1} />
        <div className="row" style={{ marginLeft: 'auto' }}>
          {/* Distinct keys: reusing one <button> would turn Cancel into a submit button mid-click and start a new run. */}
          {running ? (
            <button key="cancel" className="btn danger" type="button" onClick={cancelCalibration} data-testid="calibrate.cancel">
              Cancel
            </button>
          ) : (
            <button key="start" className="btn primary" type="submit" disabled={blocker !== null} title={blocker ?? 'Start calibration'} data-testid="calibrate.start">
              Start calibration
            </button>
          )}
        </div>
      </form>
      <p className="text-small muted" style={{ marginTop: 'var(--space-2)' }}>
        {blocker && !running
          ? blocker
          : method === 'npe'
            ? npeBudgetText(settings.npe, settings.budget, (parameters ?? []).length)
            : budget === 'converge'
              ? `At most ${candidates.toLocaleString('en-US')} candidate simulators (600 + 400 per calibrated parameter for the search, a tenth more for the race that picks its result) will be scored on the train split, in Web Workers; the search stops earlier once it has converged.`
              : `About ${candidates.toLocaleString('en-US')} candidate simulators will be scored on the train split, in Web Workers.`}
      </p>
      {method !== 'npe' && <FixedParametersField disabled={running} />}
    </div>
  );
}
