import { updateRunSettings } from '../../actions/calibrationActions.ts';
import { DEFAULT_NPE_SETTINGS, type NpeSettings } from '../../model/NpeRun.ts';
import { studioStore } from '../../store/studioStore.ts';
import { useStudio } from '../../store/useStudio.ts';
import { IntInput } from '../../components/IntInput.tsx';

function setNpe(patch: Partial<NpeSettings>): void {
  const current = { ...DEFAULT_NPE_SETTINGS, ...studioStore.getState().settings.npe };
  updateRunSettings({ npe: { ...current, ...patch } });
}

/** What the Start button will do, in words. */
export function npeBudgetText(npe: NpeSettings | undefined): string {
  const n = { ...DEFAULT_NPE_SETTINGS, ...npe };
  return `${n.simulations.toLocaleString('en-US')} simulated copies of the train split from the uniform prior (in Web Workers), then a ${n.estimator === 'maf' ? 'masked autoregressive flow' : 'mixture density network'} trained with onnxruntime-web, ${n.samples.toLocaleString('en-US')} posterior samples and an SBC check.`;
}

/** NPE budget: simulations, estimator, posterior samples, execution provider. */
export function NpeSettingsFields({ disabled }: { disabled: boolean }) {
  const stored = useStudio((s) => s.settings.npe);
  const npe = { ...DEFAULT_NPE_SETTINGS, ...stored };
  const int = (label: string, value: number, min: number, max: number, testId: string, apply: (v: number) => void, hint?: string) => (
    <IntInput label={label} value={value} min={min} max={max} testId={testId} hint={hint} disabled={disabled} onChange={apply} />
  );
  return (
    <>
      {int('Simulations', npe.simulations, 50, 20000, 'npe.sims', (v) => setNpe({ simulations: v }), 'Training simulations drawn from the prior (the paper: 1000)')}
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
