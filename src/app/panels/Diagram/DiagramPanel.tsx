import { useEffect, useMemo, useState } from 'react';
import { checkDiagram } from '../../../core/diagram/checkDiagram.ts';
import { emptyDiagram, type Diagram } from '../../../core/diagram/Diagram.ts';
import { BIRTH_DEATH_DIAGRAM, SIR_DIAGRAM, SIRD_DIAGRAM, SUPPLY_CHAIN_DIAGRAM } from '../../../core/diagram/exampleDiagrams.ts';
import { useStudio } from '../../store/useStudio.ts';
import { CodeModeSwitch } from './CodeModeSwitch.tsx';
import { DiagramCanvas } from './DiagramCanvas.tsx';
import { DiagramChecks } from './DiagramChecks.tsx';
import { DiagramInspector } from './DiagramInspector.tsx';
import { adoptDiagramFromCode, backToDiagram, dropDiagram, setDiagram } from './diagramActions.ts';
import { addAuxiliary, addFlow, addParameter, addStock, elementAtPath, removeElement, type ElementRef } from './editDiagram.ts';
import { exportDiagramPng, exportDiagramSvg } from './exportDiagram.ts';
import { GeneratedCodeView } from './GeneratedCodeView.tsx';
import { LlmDiagramCard } from './LlmDiagramCard.tsx';
import { layoutDiagram, nodeId } from './layoutDiagram.ts';
import { syncStatus } from './syncStatus.ts';
import { useRolloutAnimation } from './useRolloutAnimation.ts';
import './diagram.css';

const EXAMPLES: Record<string, Diagram> = {
  sir: SIR_DIAGRAM,
  sird: SIRD_DIAGRAM,
  supply: SUPPLY_CHAIN_DIAGRAM,
  birthDeath: BIRTH_DEATH_DIAGRAM,
};

/**
 * Step 3 in Diagram mode: draw the simulator as stocks and flows; its program is generated live and
 * becomes the project's code. Small code edits flow back; larger ones make the code lead (the diagram
 * is kept, read-only, and can take over again).
 */
export function DiagramPanel() {
  const diagram = useStudio((s) => s.diagram);
  return (
    <section className="panel" data-testid="panel.diagram">
      <div className="panel-head">
        <div>
          <h2>Simulator diagram</h2>
          <p>
            Draw stocks and the flows between them; each flow has a law (binomial, Poisson, negative binomial, normal, deterministic) and a rate over
            parameters, stocks, auxiliaries and <code>action</code>. The program is written as you draw.
          </p>
        </div>
        <CodeModeSwitch mode="diagram" />
      </div>
      {diagram ? <DiagramEditor diagram={diagram} /> : <StartDiagram />}
    </section>
  );
}

function StartDiagram() {
  const [example, setExample] = useState('sir');
  return (
    <div className="card stack" data-testid="diagram.start" style={{ maxWidth: 640, gap: 'var(--space-3)' }}>
      <h3>Start a diagram</h3>
      <p className="text-small muted">
        The diagram's program replaces the current code as you draw; the current code is kept as a saved version (Simulator code → versions).
      </p>
      <div className="row" style={{ gap: 'var(--space-2)', flexWrap: 'wrap' }}>
        <button type="button" className="btn primary" data-testid="diagram.start.blank" onClick={() => setDiagram(emptyDiagram())}>
          Blank diagram
        </button>
        <span className="muted text-small">or from an example</span>
        <select value={example} onChange={(e) => setExample(e.target.value)} data-testid="diagram.start.pick" aria-label="Example diagram">
          <option value="sir">COVID SIR</option>
          <option value="sird">SIRD (competing outflows)</option>
          <option value="supply">Supply chain (conveyor)</option>
          <option value="birthDeath">Birth-death (Poisson)</option>
        </select>
        <button type="button" className="btn" data-testid="diagram.start.example" onClick={() => setDiagram(structuredClone(EXAMPLES[example]))}>
          Use example
        </button>
      </div>
    </div>
  );
}

function DiagramEditor({ diagram }: { diagram: Diagram }) {
  const source = useStudio((s) => s.source);
  const [selected, setSelected] = useState<ElementRef | null>(null);
  const status = syncStatus(source, diagram);
  const readOnly = status.kind === 'codeLeads';
  const check = useMemo(() => checkDiagram(diagram), [diagram]);
  const layout = useMemo(() => layoutDiagram(diagram), [diagram]);
  const animation = useRolloutAnimation(diagram);

  // Understood code edits (a rate, bounds, a renamed parameter) update the stored diagram.
  useEffect(() => {
    if (status.kind === 'inSync' && status.changed) adoptDiagramFromCode(status.diagram);
  }, [status]);

  const issues = useMemo(
    () => [...check.errors.map((i) => ({ ...i, level: 'error' as const })), ...check.warnings.map((i) => ({ ...i, level: 'warning' as const }))],
    [check],
  );
  const issueNodes = useMemo(() => {
    const out = new Set<string>();
    for (const i of issues) {
      const ref = elementAtPath(diagram, i.path);
      if (ref) out.add(nodeId(ref.kind, ref.name));
    }
    return out;
  }, [issues, diagram]);
  const current = selected && elementAtPathExists(diagram, selected) ? selected : null;

  const change = (next: Diagram, sel: ElementRef | null) => {
    setDiagram(next);
    setSelected(sel);
  };
  const add = (fn: (d: Diagram) => [Diagram, ElementRef]) => {
    const [next, ref] = fn(diagram);
    change(next, ref);
    // The name field is the first thing to type into after adding.
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>('[data-testid="diagram.field.name"]')?.select());
  };
  const firstStock = current?.kind === 'stock' ? current.name : (diagram.stocks[0]?.name ?? null);

  return (
    <div className="stack" style={{ gap: 'var(--space-3)' }}>
      {status.kind === 'codeLeads' && (
        <div className="card diagram-note" role="status" data-testid="diagram.codeLeads">
          <strong>The code now leads.</strong> The program was edited in a way the diagram cannot show: {status.reason}. The diagram below is its last
          version, read-only; the code is what calibration and the other steps use.
          <div className="row" style={{ gap: 'var(--space-2)', marginTop: 'var(--space-2)' }}>
            <button type="button" className="btn" data-testid="diagram.backToDiagram" onClick={() => backToDiagram()}>
              Use the diagram again (the current code is saved as a version)
            </button>
            <button type="button" className="btn ghost" data-testid="diagram.drop" onClick={() => dropDiagram()}>
              Drop the diagram
            </button>
          </div>
        </div>
      )}
      <div className="row diagram-toolbar" role="toolbar" aria-label="Diagram tools" style={{ gap: 'var(--space-2)', flexWrap: 'wrap' }}>
        <button type="button" className="btn" disabled={readOnly} data-testid="diagram.add.stock" onClick={() => add(addStock)}>
          + Stock
        </button>
        <button
          type="button"
          className="btn"
          disabled={readOnly || diagram.stocks.length === 0}
          data-testid="diagram.add.flow"
          title="A flow out of the selected stock (or drag from one stock's right handle to another stock)"
          onClick={() => add((d) => addFlow(d, firstStock, null))}
        >
          + Flow
        </button>
        <button type="button" className="btn" disabled={readOnly} data-testid="diagram.add.parameter" onClick={() => add(addParameter)}>
          + Parameter
        </button>
        <button type="button" className="btn" disabled={readOnly} data-testid="diagram.add.auxiliary" onClick={() => add(addAuxiliary)}>
          + Auxiliary
        </button>
        <span className="spacer" style={{ flex: 1 }} />
        <span className="badge" data-testid="diagram.sync" data-kind={status.kind}>
          {status.kind === 'draft' ? `${status.errors.length} error${status.errors.length === 1 ? '' : 's'}: code not updated` : status.kind === 'inSync' ? 'Code up to date' : 'Code leads'}
        </span>
        {animation.state.kind === 'ready' || animation.state.kind === 'loading' ? (
          <button type="button" className="btn" data-testid="diagram.play.stop" onClick={animation.stop}>
            Stop{animation.state.kind === 'ready' && <span data-testid="diagram.play.t" data-t={animation.frame?.t}>&nbsp;· t {animation.frame?.t}</span>}
          </button>
        ) : (
          <button
            type="button"
            className="btn"
            data-testid="diagram.play"
            disabled={status.kind !== 'inSync'}
            title="Animate one rollout of the program on the diagram: stock levels and expected flows per step"
            onClick={() => void animation.play()}
          >
            ▶ Play a rollout
          </button>
        )}
        <button type="button" className="btn ghost" data-testid="diagram.export.svg" onClick={() => exportDiagramSvg(diagram)}>
          Export SVG
        </button>
        <button type="button" className="btn ghost" data-testid="diagram.export.png" onClick={() => void exportDiagramPng(diagram)}>
          Export PNG
        </button>
      </div>
      {animation.state.kind === 'failed' && <p className="text-small err">The rollout failed: {animation.state.message}</p>}
      {animation.state.kind === 'ready' && (
        <p className="text-small muted" data-testid="diagram.play.caption">
          One rollout of the first training trajectory with {animation.state.paramsFrom}; flows show their expected amount at each state.
        </p>
      )}
      <div className="diagram-grid">
        <DiagramCanvas
          diagram={diagram}
          layout={layout}
          selected={current}
          issueNodes={issueNodes}
          readOnly={readOnly}
          onSelect={setSelected}
          onConnect={(from, to) => {
            const [next, ref] = addFlow(diagram, from, to);
            change(next, ref);
          }}
          onDelete={(ref) => change(removeElement(diagram, ref), null)}
          onMove={(ref, x, y) => change(withPosition(diagram, ref, x, y), ref)}
          frame={animation.frame}
        />
        <div className="stack" style={{ gap: 'var(--space-3)', minWidth: 0 }}>
          {current ? (
            <DiagramInspector diagram={diagram} selected={current} issues={issues} readOnly={readOnly} onChange={change} />
          ) : (
            <div className="card text-small muted" data-testid="diagram.inspector.empty">
              Select a stock, flow, parameter or auxiliary to edit it. Drag from a stock's right handle to another stock to draw a flow.
            </div>
          )}
          <DiagramChecks diagram={diagram} check={check} onSelect={setSelected} />
          <LlmDiagramCard diagram={diagram} readOnly={readOnly} onApply={(next) => change(keepPositions(diagram, next), null)} />
        </div>
      </div>
      <div className="card" style={{ padding: 0 }}>
        <div className="diagram-code-head">
          <h3>Generated program</h3>
          <span className="text-small muted">Edit it in the Code mode: rates, auxiliaries, lead times and parameters flow back here.</span>
        </div>
        <div style={{ height: 360 }}>
          <GeneratedCodeView source={source} />
        </div>
      </div>
    </div>
  );
}

function elementAtPathExists(d: Diagram, ref: ElementRef): boolean {
  const list: { name: string }[] = ref.kind === 'stock' ? d.stocks : ref.kind === 'flow' ? d.flows : ref.kind === 'parameter' ? d.parameters : d.auxiliaries;
  return list.some((x) => x.name === ref.name);
}

function withPosition(d: Diagram, ref: ElementRef, x: number, y: number): Diagram {
  const at = { position: { x, y } };
  if (ref.kind === 'stock') return { ...d, stocks: d.stocks.map((s) => (s.name === ref.name ? { ...s, ...at } : s)) };
  if (ref.kind === 'parameter') return { ...d, parameters: d.parameters.map((p) => (p.name === ref.name ? { ...p, ...at } : p)) };
  if (ref.kind === 'auxiliary') return { ...d, auxiliaries: d.auxiliaries.map((a) => (a.name === ref.name ? { ...a, ...at } : a)) };
  return d;
}

/** The LLM's diagram with the positions the user gave the elements it kept. */
function keepPositions(before: Diagram, after: Diagram): Diagram {
  const at = new Map([...before.stocks, ...before.parameters, ...before.auxiliaries].filter((x) => x.position).map((x) => [x.name, x.position!]));
  const place = <T extends { name: string; position?: { x: number; y: number } }>(x: T): T => (at.has(x.name) && !x.position ? { ...x, position: at.get(x.name)! } : x);
  return { ...after, stocks: after.stocks.map(place), parameters: after.parameters.map(place), auxiliaries: after.auxiliaries.map(place) };
}
