import { updateRunSettings } from '../../actions/calibrationActions.ts';
import type { BudgetMode } from '../../../core/calibrate/budget.ts';
import { defaultNpeSimulations, DEFAULT_NPE_SIMULATIONS, NPE_SIMULATIONS_PER_PARAMETER } from '../../../core/npe/simulateTrainingSet.ts';
import { DEFAULT_NPE_SETTINGS, npePreset, type NpeSettings } from '../../model/NpeRun.ts';
import { studioStore } from '../../store/studioStore.ts';
import { useStudio } from '../../store/useStudio.ts';
import { IntInput } from '../../components/IntInput.tsx';

function setNpe(patch: Partial<NpeSettings>): void {
  const current = { ...DEFAULT_NPE_SETTINGS, ...studioStore.getState().settings.npe };
  updateRunSettings({ npe: { ...current, ...patch } });
}

/**
 * What the Start button will do, in words. With more than 4 parameters to infer (`parameterCount`) and
 * fewer simulations per round than the CLI's default for that many, it says so: 1,000 per round
 * missed the truth of a 12-parameter test model that 3,000 fitted (src/core/npe/README.md).
 */
export function npeBudgetText(npe: NpeSettings | undefined, budget: BudgetMode | undefined, parameterCount = 0): string {
  const n = { ...DEFAULT_NPE_SETTINGS, ...npe };
  const advised = defaultNpeSimulations(parameterCount);
  const advice = advised > DEFAULT_NPE_SIMULATIONS && n.simulations < advised
    ? ` With ${parameterCount} parameters to infer, ${advised.toLocaleString('en-US')} simulations per round are advised (the CLI’s default: ${NPE_SIMULATIONS_PER_PARAMETER} per parameter above 4); fewer may miss the truth.`
    : '';
  return runText(n, budget) + advice;
}

function runText(n: NpeSettings, budget: BudgetMode | undefined): string {
  const preset = npePreset(budget);
  const round = `${n.simulations.toLocaleString('en-US')} simulated copies of the train split`;
  const net = `a ${n.estimator === 'maf' ? 'masked autoregressive flow' : 'mixture density network'} trained with onnxruntime-web`;
  return preset.rounds === 2
    ? `Two rounds, each of ${round} (in Web Workers) and ${net}: the first from the uniform prior, the second from the box its posterior occupies; then ${n.samples.toLocaleString('en-US')} posterior samples, an SBC check, and the calibrated value picked by the energy score among the posterior mean, median and 100 samples.`
    : `${round} from the uniform prior (in Web Workers), then ${net}, ${n.samples.toLocaleString('en-US')} posterior samples and an SBC check; the posterior mean is the calibrated value (the paper’s settings).`;
}

/** NPE budget: simulations, estimator, posterior samples, execution provider. */
export function NpeSettingsFields({ disabled }: { disabled: boolean }) {
  const stored = useStudio((s) => s.settings.npe);
  const npe = { ...DEFAULT_NPE_SETTINGS, ...stored };
  const int = (label: string, value: number, min: number, max: number, testId: string, apply: (v: number) => void, hint?: string) => (
    <IntInput label={label} value={value} min={min} max={max} testId={testId} hint={hint} disabled={disabled} onChange={apply} />
  );
  const budget = useStudio((s) => s.settings.budget) ?? 'paper';
  return (
    <>
      <label className="field" title="Two rounds and a picked estimate (the CLI's default), or the paper's single round and posterior mean">
        Preset
        <select value={budget} disabled={disabled} data-testid="npe.preset" onChange={(e) => updateRunSettings({ budget: e.target.value as BudgetMode })}>
          <option value="converge">Two rounds, picked estimate (default)</option>
          <option value="paper">One round, posterior mean (paper)</option>
        </select>
      </label>
      {int('Simulations', npe.simulations, 50, 20000, 'npe.sims', (v) => setNpe({ simulations: v }), `Training simulations per round (the paper: ${DEFAULT_NPE_SIMULATIONS}; the CLI: ${NPE_SIMULATIONS_PER_PARAMETER} per parameter above 4)`)}
      <label className="field">
        Estimator
        <select value={npe.estimator} disabled={disabled} data-testid="npe.estimator" onChange={(e) => setNpe({ estimator: e.target.value as NpeSettings['estimator'] })}>
          <option value="maf">Masked autoregressive flow</option>
          <option value="mdn">Mixture density network</option>
        </select>
      </label>
      {int('Posterior samples', npe.samples, 100, 100000, 'npe.samples', (v) => setNpe({ samples: v }))}
      <label className="field" title="Auto: WebGPU when the browser offers a hardware adapter, else WASM. Or force either.">
        Runs on
        <select value={npe.provider} disabled={disabled} data-testid="npe.providerChoice" onChange={(e) => setNpe({ provider: e.target.value as NpeSettings['provider'] })}>
          <option value="auto">Auto (WebGPU on a hardware GPU, else WASM)</option>
          <option value="webgpu">WebGPU (also a software adapter: slow)</option>
          <option value="wasm">WASM (CPU)</option>
        </select>
      </label>
    </>
  );
}
