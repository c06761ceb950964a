import { useEffect, useState, type ReactNode } from 'react';
import { FLOW_LAWS, LAW_RATE_MEANING, type Diagram, type DiagramFlow, type DiagramParameter, type DiagramStock, type FlowLaw } from '../../../core/diagram/Diagram.ts';
import { renameInDiagram } from '../../../core/diagram/renameInDiagram.ts';
import type { DiagramIssue } from '../../../core/diagram/validateDiagram.ts';
import { namesOf, pathOf, removeElement, type ElementRef } from './editDiagram.ts';

export interface DiagramInspectorProps {
  diagram: Diagram;
  selected: ElementRef;
  issues: readonly (DiagramIssue & { level: 'error' | 'warning' })[];
  readOnly: boolean;
  onChange(next: Diagram, selected: ElementRef | null): void;
}

/** Edits the selected element; every field has a label and works from the keyboard. */
export function DiagramInspector({ diagram, selected, issues, readOnly, onChange }: DiagramInspectorProps) {
  const path = pathOf(diagram, selected);
  if (path === null) return null;
  const mine = issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
  const update = <T,>(list: T[], index: number, patch: Partial<T>): T[] => list.map((x, i) => (i === index ? { ...x, ...patch } : x));
  const index = Number(/\[(\d+)\]/.exec(path)![1]);

  let fields: ReactNode;
  if (selected.kind === 'stock') {
    const s = diagram.stocks[index];
    const set = (patch: Partial<DiagramStock>) => onChange({ ...diagram, stocks: update(diagram.stocks, index, patch) }, selected);
    fields = (
      <>
        <Select label="Kind" field="kind" value={s.kind} options={['integer', 'continuous']} onChange={(v) => set({ kind: v as DiagramStock['kind'] })} disabled={readOnly} />
        <NumberField label="Initial level" field="initial" value={s.initial} onChange={(v) => v !== undefined && set({ initial: v })} disabled={readOnly} />
        <Check label="Never below 0 (outflows take at most what it holds)" field="nonNegative" checked={s.nonNegative !== false} onChange={(v) => set({ nonNegative: v ? undefined : false })} disabled={readOnly} />
        <Check
          label="Conveyor (delay): inflows leave after a lead time"
          field="conveyor"
          checked={s.conveyor !== undefined}
          onChange={(v) => set({ conveyor: v ? { leadTime: '1' } : undefined })}
          disabled={readOnly}
        />
        {s.conveyor && (
          <>
            <TextField label="Lead time (steps)" field="leadTime" value={s.conveyor.leadTime} onChange={(v) => set({ conveyor: { ...s.conveyor!, leadTime: v } })} disabled={readOnly} code />
            <TextField
              label="State key of the shipments list"
              field="queue"
              value={s.conveyor.queue ?? ''}
              placeholder={`${s.name}__queue`}
              onChange={(v) => set({ conveyor: { leadTime: s.conveyor!.leadTime, ...(v ? { queue: v } : {}) } })}
              disabled={readOnly}
              code
            />
          </>
        )}
        <TextField label="Description" field="description" value={s.description ?? ''} onChange={(v) => set({ description: v || undefined })} disabled={readOnly} />
      </>
    );
  } else if (selected.kind === 'flow') {
    const f = diagram.flows[index];
    const set = (patch: Partial<DiagramFlow>) => onChange({ ...diagram, flows: update(diagram.flows, index, patch) }, selected);
    const ends = ['(outside)', ...diagram.stocks.map((s) => s.name)];
    const setLaw = (law: FlowLaw) =>
      set({ law, ...(law === 'normal' && f.sd === undefined ? { sd: '1' } : {}), ...(law === 'negativeBinomial' && f.dispersion === undefined ? { dispersion: '1' } : {}) });
    fields = (
      <>
        <Select label="From" field="from" value={f.from ?? '(outside)'} options={ends} onChange={(v) => set({ from: v === '(outside)' ? null : v })} disabled={readOnly} />
        <Select label="To" field="to" value={f.to ?? '(outside)'} options={ends} onChange={(v) => set({ to: v === '(outside)' ? null : v })} disabled={readOnly} />
        <Select label="Law" field="law" value={f.law} options={[...FLOW_LAWS]} onChange={(v) => setLaw(v as FlowLaw)} disabled={readOnly} />
        {f.law !== 'conveyor' && (
          <TextField label={`Rate: ${LAW_RATE_MEANING[f.law]}`} field="rate" value={f.rate} onChange={(v) => set({ rate: v })} disabled={readOnly} code />
        )}
        {f.law === 'normal' && <TextField label="Standard deviation" field="sd" value={f.sd ?? ''} onChange={(v) => set({ sd: v })} disabled={readOnly} code />}
        {f.law === 'negativeBinomial' && (
          <TextField label="Dispersion k (variance = mean + mean² / k)" field="dispersion" value={f.dispersion ?? ''} onChange={(v) => set({ dispersion: v })} disabled={readOnly} code />
        )}
        <TextField label="Description" field="description" value={f.description ?? ''} onChange={(v) => set({ description: v || undefined })} disabled={readOnly} />
      </>
    );
  } else if (selected.kind === 'parameter') {
    const p = diagram.parameters[index];
    const set = (patch: Partial<DiagramParameter>) => onChange({ ...diagram, parameters: update(diagram.parameters, index, patch) }, selected);
    fields = (
      <>
        <div className="row" style={{ gap: 'var(--space-2)' }}>
          <NumberField label="Min" field="min" value={p.min} onChange={(v) => v !== undefined && set({ min: v })} disabled={readOnly} />
          <NumberField label="Max" field="max" value={p.max} onChange={(v) => v !== undefined && set({ max: v })} disabled={readOnly} />
          <NumberField label="Init" field="init" value={p.init} onChange={(v) => set({ init: v })} disabled={readOnly} optional />
        </div>
        <Check label="Fixed (not calibrated; keeps init)" field="fixed" checked={p.fixed === true} onChange={(v) => set({ fixed: v || undefined })} disabled={readOnly} />
        <TextField label="Description" field="description" value={p.description ?? ''} onChange={(v) => set({ description: v || undefined })} disabled={readOnly} />
      </>
    );
  } else {
    const a = diagram.auxiliaries[index];
    fields = (
      <>
        <Check
          label="Random: one Poisson draw with this mean, shared by the flows that read it"
          field="auxPoisson"
          checked={a.law === 'poisson'}
          onChange={(v) => onChange({ ...diagram, auxiliaries: update(diagram.auxiliaries, index, { law: v ? 'poisson' : undefined }) }, selected)}
          disabled={readOnly}
        />
        <TextField
          label={a.law === 'poisson' ? 'Mean' : 'Expression'}
          field="expression"
          value={a.expression}
          onChange={(v) => onChange({ ...diagram, auxiliaries: update(diagram.auxiliaries, index, { expression: v }) }, selected)}
          disabled={readOnly}
          code
        />
        <TextField
          label="Description"
          field="description"
          value={a.description ?? ''}
          onChange={(v) => onChange({ ...diagram, auxiliaries: update(diagram.auxiliaries, index, { description: v || undefined }) }, selected)}
          disabled={readOnly}
        />
      </>
    );
  }

  return (
    <div className="card stack diagram-inspector" data-testid="diagram.inspector" data-kind={selected.kind} data-name={selected.name} style={{ gap: 'var(--space-2)' }}>
      <h3>
        {selected.kind[0].toUpperCase() + selected.kind.slice(1)} <code>{selected.name}</code>
      </h3>
      <NameField
        name={selected.name}
        taken={namesOf(diagram)}
        disabled={readOnly}
        onRename={(to) => onChange(renameInDiagram(diagram, selected.name, to), { ...selected, name: to })}
      />
      <div key={`${selected.kind}:${selected.name}`} className="stack" style={{ gap: 'var(--space-2)' }}>
        {fields}
      </div>
      {mine.length > 0 && (
        <ul className="diagram-issues" data-testid="diagram.inspector.issues">
          {mine.map((i, k) => (
            <li key={k} className={i.level}>
              {i.message}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <button type="button" className="btn danger" data-testid="diagram.delete" onClick={() => onChange(removeElement(diagram, selected), null)}>
          Delete {selected.kind}
        </button>
      )}
    </div>
  );
}

/** The name, renamed everywhere on Enter or when the field loses focus. */
function NameField({ name, taken, disabled, onRename }: { name: string; taken: ReadonlySet<string>; disabled: boolean; onRename(to: string): void }) {
  const [text, setText] = useState(name);
  // Not keyed by the name: a focused input removed on rename would fire blur (and rename again).
  useEffect(() => setText(name), [name]);
  const trimmed = text.trim();
  const problem = trimmed === name ? null : trimmed === '' ? 'a name is needed' : taken.has(trimmed) ? `"${trimmed}" is taken` : null;
  const commit = () => {
    if (!problem && trimmed !== name) onRename(trimmed);
  };
  return (
    <label className="field">
      <span>Name</span>
      <input
        type="text"
        className="mono"
        data-testid="diagram.field.name"
        value={text}
        disabled={disabled}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(name);
        }}
      />
      {problem && <span className="text-small err">{problem}</span>}
    </label>
  );
}

function TextField(props: { label: string; field: string; value: string; placeholder?: string; disabled: boolean; code?: boolean; onChange(v: string): void }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="text"
        className={props.code ? 'mono' : undefined}
        data-testid={`diagram.field.${props.field}`}
        value={props.value}
        placeholder={props.placeholder}
        disabled={props.disabled}
        spellCheck={false}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

/** A number kept as typed; the diagram takes it when it is a finite number (or empty, if optional). */
function NumberField(props: { label: string; field: string; value: number | undefined; optional?: boolean; disabled: boolean; onChange(v: number | undefined): void }) {
  const [text, setText] = useState(props.value === undefined ? '' : String(props.value));
  const bad = text.trim() === '' ? !props.optional : !Number.isFinite(Number(text));
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="text"
        className="mono"
        data-testid={`diagram.field.${props.field}`}
        inputMode="decimal"
        value={text}
        disabled={props.disabled}
        aria-invalid={bad ? true : undefined}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          if (t.trim() === '' && props.optional) props.onChange(undefined);
          else if (t.trim() !== '' && Number.isFinite(Number(t))) props.onChange(Number(t));
        }}
      />
    </label>
  );
}

function Select(props: { label: string; field: string; value: string; options: string[]; disabled: boolean; onChange(v: string): void }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select data-testid={`diagram.field.${props.field}`} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

function Check(props: { label: string; field: string; checked: boolean; disabled: boolean; onChange(v: boolean): void }) {
  return (
    <label className="row text-small" style={{ gap: 'var(--space-2)' }}>
      <input type="checkbox" data-testid={`diagram.field.${props.field}`} checked={props.checked} disabled={props.disabled} onChange={(e) => props.onChange(e.target.checked)} />
      {props.label}
    </label>
  );
}
