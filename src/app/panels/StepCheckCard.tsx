import { useState } from 'react';
import { checkNow } from '../actions/codeActions.ts';
import { formatNumber } from '../lib/format.ts';
import { useStudio } from '../store/useStudio.ts';

/**
 * Try one step: `step` from the data's first state at the init values (the editor's check runs it on
 * every change), the state it returned beside the data's, and whether every observed variable came
 * back as a finite number.
 */
export function StepCheckCard() {
  const compile = useStudio((s) => s.compile);
  const hasData = useStudio((s) => s.dataset !== null);
  const [open, setOpen] = useState(false);
  const step = compile.status === 'ok' ? compile.step : undefined;
  const stepError = compile.status === 'error' && compile.phase === 'step' ? compile.message : null;
  return (
    <div className="card" data-testid="code.stepCheck">
      <div className="card-head">
        <h3>One step</h3>
        <button
          className="btn text-small" type="button" disabled={!hasData} title={hasData ? undefined : 'Import or generate data first'} data-testid="code.tryStep"
          onClick={() => {
            setOpen(true);
            void checkNow();
          }}
        >
          Try one step
        </button>
      </div>
      {stepError && (
        <p className="text-small" role="alert" data-testid="code.stepError">
          <span className="badge err">step fails</span> {stepError}
        </p>
      )}
      {open && compile.status === 'checking' && <p className="text-small muted">Running step…</p>}
      {open && step && (
        <>
          <p className="text-small muted">
            From the first state of <span className="mono">{step.trajectory}</span> at the init values (one random draw):
          </p>
          <table className="data" data-testid="code.stepTable">
            <thead>
              <tr>
                <th>variable</th>
                <th className="num">data t = 0</th>
                <th className="num">step returned</th>
                <th className="num">data t = 1</th>
                <th>check</th>
              </tr>
            </thead>
            <tbody>
              {step.variables.map((v, j) => (
                <tr key={v} data-testid={`code.step.${v}`}>
                  <td className="mono">{v}</td>
                  <td className="num">{formatNumber(step.from[j])}</td>
                  <td className="num">{formatNumber(step.returned[j])}</td>
                  <td className="num">{formatNumber(step.observedNext[j])}</td>
                  <td>{Number.isFinite(step.returned[j]) ? <span className="badge ok">✓ number</span> : <span className="badge err">✗ not a number</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {!open && !stepError && (
        <p className="text-small muted">
          {hasData ? 'Every check runs step once on the data\'s first state; see what it returned.' : 'Runs step on the data\'s first state once there is data.'}
        </p>
      )}
    </div>
  );
}
