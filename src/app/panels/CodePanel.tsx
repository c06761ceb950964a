import { useRef } from 'react';
import { restoreVersion, saveVersion } from '../actions/codeActions.ts';
import { CodeEditor, type CodeEditorHandle } from '../components/CodeEditor.tsx';
import { formatNumber, formatTime } from '../lib/format.ts';
import { hashSource } from '../model/hashSource.ts';
import { useStudio } from '../store/useStudio.ts';
import { CodeModeSwitch } from './Diagram/CodeModeSwitch.tsx';
import { StepCheckCard } from './StepCheckCard.tsx';

function CompileBadge() {
  const compile = useStudio((s) => s.compile);
  switch (compile.status) {
    case 'ok':
      return <span className="badge ok" data-testid="code.status">Compiles · {compile.parameters.length} parameters</span>;
    case 'error':
      return (
        <span className="badge err" data-testid="code.status" data-phase={compile.phase ?? 'compile'}>
          {compile.phase === 'step' ? 'Compiles, but step fails' : 'Error'}
        </span>
      );
    case 'checking':
      return <span className="badge" data-testid="code.status">Checking…</span>;
    default:
      return <span className="badge" data-testid="code.status">Not checked</span>;
  }
}

/** Step 3: the simulator program in Monaco, its parameters, problems and saved versions. */
export function CodePanel() {
  const compile = useStudio((s) => s.compile);
  const markers = useStudio((s) => s.markers);
  const versions = useStudio((s) => s.versions);
  const source = useStudio((s) => s.source);
  const handle = useRef<CodeEditorHandle | null>(null);
  const currentHash = hashSource(source);
  const parameters = compile.status === 'ok' ? compile.parameters : null;

  return (
    <section className="panel" data-testid="panel.code">
      <div className="panel-head">
        <div>
          <h2>Simulator code</h2>
          <p>
            Declare <code>parameters</code> with prior bounds and a <code>step(state, action, params, rng)</code> function. Type{' '}
            <code>rng.</code>, <code>params.</code> or <code>state.</code> for completion. Ctrl+S saves a version.
          </p>
        </div>
        <div className="row">
          <CodeModeSwitch mode="code" />
          <CompileBadge />
          <button className="btn" type="button" onClick={() => saveVersion()} data-testid="code.save">
            Save version
          </button>
        </div>
      </div>
      <div className="grid-sidebar" style={{ gridTemplateColumns: 'minmax(0, 1fr) 320px' }}>
        <div className="editor-frame">
          <CodeEditor onReady={(h) => (handle.current = h)} />
        </div>
        <div className="stack" style={{ gap: 'var(--space-4)' }}>
          <div className="card" data-testid="code.problems">
            <h3>Problems</h3>
            {markers.length === 0 ? (
              <p className="text-small muted">{compile.status === 'ok' ? 'None: the program compiles.' : compile.status === 'checking' ? 'Checking…' : 'None reported.'}</p>
            ) : (
              <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0, gap: 'var(--space-2)' }}>
                {markers.map((m, i) => (
                  <li key={i}>
                    <button
                      type="button"
                      className="btn ghost text-small"
                      style={{ height: 'auto', whiteSpace: 'normal', textAlign: 'left', padding: 'var(--space-1)', display: 'block', fontWeight: 400 }}
                      onClick={() => handle.current?.reveal(m.line, m.column)}
                      data-testid="code.problem"
                    >
                      <span className="badge err">
                        {m.source === 'runtime' ? 'runtime' : 'compile'} · line {m.line}:{m.column}
                      </span>
                      <span className="text-small" style={{ display: 'block', marginTop: 4 }}>
                        {m.message}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <StepCheckCard />
          <div className="card" data-testid="code.parameters">
            <h3>Parameters</h3>
            {parameters ? (
              <table className="data">
                <thead>
                  <tr>
                    <th>name</th>
                    <th className="num">min</th>
                    <th className="num">max</th>
                    <th className="num">init</th>
                  </tr>
                </thead>
                <tbody>
                  {parameters.map((p) => (
                    <tr key={p.name} title={p.description}>
                      <td className="mono">{p.name}</td>
                      <td className="num">{formatNumber(p.min)}</td>
                      <td className="num" data-testid={`code.param.${p.name}.max`}>
                        {formatNumber(p.max)}
                      </td>
                      <td className="num">{formatNumber(p.init)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="text-small muted">Shown once the program compiles.</p>
            )}
          </div>
          <div className="card" data-testid="code.versions">
            <h3>Versions</h3>
            {versions.length === 0 ? (
              <p className="text-small muted">No saved versions. Each calibration saves the code it ran.</p>
            ) : (
              <ul className="stack list-scroll" style={{ listStyle: 'none', padding: 0, margin: 0, gap: 'var(--space-1)', maxHeight: 200 }}>
                {versions.map((v) => (
                  <li key={v.hash} className="row" style={{ justifyContent: 'space-between' }}>
                    <span className="text-small">
                      <span className="mono">{v.hash.slice(0, 7)}</span> <span className="muted">{formatTime(v.savedAt)}</span>
                    </span>
                    {v.hash === currentHash ? (
                      <span className="badge ok">current</span>
                    ) : (
                      <button className="btn text-small" type="button" onClick={() => restoreVersion(v.hash)}>
                        Restore
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}
