import { updateRunSettings } from '../../actions/calibrationActions.ts';
import { formatNumber } from '../../lib/format.ts';
import { selectCompiledParameters, selectViewedRun } from '../../store/selectors.ts';
import { useStudio } from '../../store/useStudio.ts';

/**
 * One checkbox per program parameter: a checked parameter is held at the shown value (the viewed
 * run's calibrated value, else the program's init, else the box midpoint) instead of calibrated.
 * Useful for a parameter the data cannot pin down (see Identifiability) or one known from elsewhere.
 */
export function FixedParametersField({ disabled }: { disabled: boolean }) {
  const parameters = useStudio(selectCompiledParameters);
  const fixed = useStudio((s) => s.settings.fixed) ?? {};
  const viewed = useStudio(selectViewedRun);
  if (!parameters || parameters.length === 0) return null;
  const valueFor = (name: string) => {
    const p = parameters.find((q) => q.name === name)!;
    return viewed?.params?.[name] ?? p.init ?? (p.min + p.max) / 2;
  };
  const toggle = (name: string, on: boolean) => {
    const next = { ...fixed };
    if (on) next[name] = valueFor(name);
    else delete next[name];
    updateRunSettings({ fixed: next });
  };
  const freeCount = parameters.filter((p) => !(p.name in fixed)).length;
  return (
    <fieldset className="field fixed-parameters" data-testid="calibrate.fixed" disabled={disabled}>
      <legend className="text-small">Fixed parameters (not calibrated)</legend>
      <div className="row" style={{ flexWrap: 'wrap', gap: 'var(--space-3)' }}>
        {parameters.map((p) => (
          <label key={p.name} className="row text-small" style={{ gap: 'var(--space-1)' }} title={p.description}>
            <input
              type="checkbox"
              checked={p.name in fixed}
              data-testid={`calibrate.fix.${p.name}`}
              // Fixing every parameter leaves nothing to calibrate: the last free one stays free.
              disabled={disabled || (!(p.name in fixed) && freeCount <= 1)}
              onChange={(e) => toggle(p.name, e.target.checked)}
            />
            <span className="mono">{p.name}</span>
            {p.name in fixed && <span className="muted mono">= {formatNumber(fixed[p.name])}</span>}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
