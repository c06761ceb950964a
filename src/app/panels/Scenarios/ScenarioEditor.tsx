import { removeScenario, updateScenario } from '../../actions/scenarioActions.ts';
import { blankIntervention, type DraftErrors, type InterventionDraft, type ScenarioDraft } from '../../model/scenarioDraft.ts';
import { Field } from './Field.tsx';

type Patch = (row: InterventionDraft) => InterventionDraft;

/** One intervention row: its kind decides the fields (parameter override, state override, policy). */
function InterventionRow({ row, index, errors, onChange, onRemove, tid }: {
  row: InterventionDraft; index: number; errors: DraftErrors; onChange: (p: Patch) => void; onRemove: () => void; tid: string;
}) {
  const err = (f: string) => errors[`interventions.${index}.${f}`];
  const text = (f: string, label: string, value: string, wide = false) => (
    <Field label={label} error={err(f)} wide={wide} testId={`${tid}.${f}`}>
      <input type="text" value={value} data-testid={`${tid}.${f}`} onChange={(e) => onChange((r) => ({ ...r, [f]: e.target.value }) as InterventionDraft)} />
    </Field>
  );
  return (
    <div className="iv-row" data-testid={tid}>
      <Field label="Kind">
        <select value={row.type} data-testid={`${tid}.type`} onChange={(e) => onChange(() => blankIntervention(e.target.value as InterventionDraft['type']))}>
          <option value="param">parameter</option>
          <option value="state">state at t</option>
          <option value="policy">policy</option>
        </select>
      </Field>
      {row.type === 'param' && (
        <>
          {text('target', 'Parameter (or alternatives, comma-separated)', row.target, true)}
          <Field label="Change">
            <select value={row.mode} data-testid={`${tid}.mode`} onChange={(e) => onChange((r) => ({ ...r, mode: e.target.value }) as InterventionDraft)}>
              <option value="factor">× factor</option>
              <option value="set">set to</option>
              <option value="add">+ add</option>
            </select>
          </Field>
          {text('value', 'Value', row.value)}
          {text('tStart', 'From t', row.tStart)}
          {text('tEnd', 'To t (blank: end)', row.tEnd)}
        </>
      )}
      {row.type === 'state' && (
        <>
          {text('t', 'At t', row.t)}
          {text('variable', 'Variable', row.variable)}
          <Field label="Change">
            <select value={row.mode} onChange={(e) => onChange((r) => ({ ...r, mode: e.target.value }) as InterventionDraft)}>
              <option value="set">set to</option>
              <option value="add">+ add</option>
            </select>
          </Field>
          {text('value', 'Value', row.value)}
        </>
      )}
      {row.type === 'policy' && (
        <>
          <Field label="Policy">
            <select value={row.kind} onChange={(e) => onChange((r) => ({ ...r, kind: e.target.value }) as InterventionDraft)}>
              <option value="none">no action</option>
              <option value="constant">constant order</option>
              <option value="order-up-to">order up to level</option>
            </select>
          </Field>
          {row.kind !== 'none' && text('value', row.kind === 'constant' ? 'Order' : 'Level', row.value)}
        </>
      )}
      <button className="btn text-small" type="button" style={{ alignSelf: 'flex-end' }} onClick={onRemove} aria-label={`Remove intervention ${index + 1}`}>
        Remove
      </button>
    </div>
  );
}

/**
 * The form of one scenario: name and intervention rows. Every keystroke is stored as typed; the
 * errors (from validateDraft, i.e. resolveScenario) show next to their fields.
 */
export function ScenarioEditor({ draft, errors, disabled }: { draft: ScenarioDraft; errors: DraftErrors; disabled: boolean }) {
  const tid = `scenario.${draft.name.trim() || draft.id}`;
  const setRow = (i: number, p: Patch) => updateScenario({ ...draft, interventions: draft.interventions.map((r, k) => (k === i ? p(r) : r)) });
  return (
    <fieldset className="scenario-editor stack" disabled={disabled} data-testid="scenario.editor" data-valid={Object.keys(errors).length === 0 ? 'true' : 'false'}>
      <div className="row" style={{ alignItems: 'flex-end', gap: 'var(--space-3)' }}>
        <Field label="Scenario name" error={errors.name} testId={`${tid}.name`}>
          <input type="text" value={draft.name} data-testid="scenario.name" onChange={(e) => updateScenario({ ...draft, name: e.target.value })} style={{ width: 200 }} />
        </Field>
        {draft.description && <span className="text-small muted" style={{ flex: 1 }}>{draft.description}</span>}
        <button className="btn text-small" type="button" style={{ marginLeft: 'auto' }} onClick={() => removeScenario(draft.id)} data-testid="scenario.remove">
          Remove scenario
        </button>
      </div>
      {draft.interventions.length === 0 && <p className="text-small muted">No interventions: the baseline.</p>}
      {draft.interventions.map((row, i) => (
        <InterventionRow
          key={i} row={row} index={i} errors={errors} tid={`${tid}.iv${i}`}
          onChange={(p) => setRow(i, p)}
          onRemove={() => updateScenario({ ...draft, interventions: draft.interventions.filter((_, k) => k !== i) })}
        />
      ))}
      {errors.scenario && <p className="field-error" role="alert">{errors.scenario}</p>}
      <div>
        <button className="btn text-small" type="button" onClick={() => updateScenario({ ...draft, interventions: [...draft.interventions, blankIntervention('param')] })}>
          + Add intervention
        </button>
      </div>
    </fieldset>
  );
}
