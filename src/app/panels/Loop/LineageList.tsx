import { useState } from 'react';
import { restoreLoopVersion, showVersionDiff } from '../../actions/loopActions.ts';
import { formatNumber } from '../../lib/format.ts';
import { bestVersion } from '../../model/lineageTransitions.ts';
import type { LoopVersion } from '../../model/LoopVersion.ts';
import { useStudio } from '../../store/useStudio.ts';

/** The prompt and response transcript of one iteration (the "show prompt" view). */
function Transcript({ version }: { version: LoopVersion }) {
  const { transcript } = version.record;
  if (transcript.length === 0) return <p className="text-small muted">No model request: this iteration started from code supplied by the user.</p>;
  return (
    <div data-testid="loop.transcript">
      {transcript.map((x, i) => (
        <div key={i} style={{ marginTop: 'var(--space-2)' }}>
          <div className="text-small" style={{ fontWeight: 600 }}>
            {x.purpose === 'reflect' ? 'Reflection request' : 'Code request'}
          </div>
          {x.messages.map((m, j) => (
            <details key={j}>
              <summary className="text-small muted">
                {m.role} · {m.content.length.toLocaleString('en-US')} characters
              </summary>
              <pre className="loop-pre">{m.content}</pre>
            </details>
          ))}
          {x.response && (
            <details open={x.purpose === 'reflect'}>
              <summary className="text-small">assistant{x.response.toolCall ? ' · submit_simulator_code' : ''}</summary>
              <pre className="loop-pre">{x.response.toolCall ? `${x.response.toolCall.description}\n\n${x.response.toolCall.code}` : x.response.text}</pre>
            </details>
          )}
          {x.error && <p className="text-small" style={{ color: 'var(--danger)' }}>{x.error.message}</p>}
        </div>
      ))}
    </div>
  );
}

/** One version: score, origin, description, parameters, rule violations, and its actions. */
function VersionItem({ version, previous, best, current }: { version: LoopVersion; previous?: LoopVersion; best: boolean; current: boolean }) {
  const [open, setOpen] = useState(false);
  const r = version.record;
  const d = r.diagnosis;
  const running = useStudio((s) => s.loop.status !== 'idle');
  return (
    <li className={`loop-version${best ? ' best' : ''}`} data-testid="loop.version" data-iteration={r.iteration} data-valscore={Number.isFinite(r.valScore) ? r.valScore : ''}>
      <div className="row" style={{ justifyContent: 'space-between', gap: 'var(--space-2)' }}>
        <span className="row" style={{ gap: 'var(--space-2)' }}>
          <strong>#{r.iteration}</strong>
          {r.origin === 'user' && <span className="badge">your edit</span>}
          {best && <span className="badge ok">best</span>}
          {current && <span className="badge run">in editor</span>}
          {r.reusedFrom !== undefined && <span className="badge">same as #{r.reusedFrom}</span>}
        </span>
        <span className="mono text-small" data-testid="loop.version.score" title="Validation rollout W1 (lower is better)">
          {Number.isFinite(r.valScore) ? `val W1 ${formatNumber(r.valScore)}` : 'failed'}
        </span>
      </div>
      {r.description && <div className="text-small" style={{ marginTop: 2 }}>{r.description}</div>}
      {r.error && (
        <div className="text-small" style={{ color: 'var(--danger)', marginTop: 2 }}>
          {r.error.phase}: {r.error.message}
        </div>
      )}
      {r.params && (
        <div className="text-small muted mono" style={{ marginTop: 2 }}>
          {Object.entries(r.params).map(([k, v]) => `${k}=${formatNumber(v)}`).join(', ')}
        </div>
      )}
      {d && d.ruleViolations.length > 0 && (
        <div className="text-small muted" style={{ marginTop: 2 }} data-testid="loop.version.rules">
          rules: {d.ruleViolations.map((v) => `${v.rule} ${Number.isFinite(v.rate) ? `${formatNumber(v.rate * 100)}%` : 'n/a'}`).join(' · ')}
          {d.benchmarkW1 !== undefined && <> · benchmark W1 {formatNumber(d.benchmarkW1)}</>}
        </div>
      )}
      <div className="row" style={{ gap: 'var(--space-1)', marginTop: 'var(--space-1)' }}>
        <button className="btn text-small" type="button" disabled={running || r.code === undefined} onClick={() => restoreLoopVersion(version.id)} data-testid="loop.version.restore">
          Restore
        </button>
        {previous?.record.code !== undefined && r.code !== undefined && (
          <button className="btn text-small" type="button" onClick={() => showVersionDiff(previous.id, version.id)} data-testid="loop.version.diff">
            Diff with #{previous.record.iteration}
          </button>
        )}
        <button className="btn text-small" type="button" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="loop.version.transcript">
          {open ? 'Hide prompt' : 'Show prompt'}
        </button>
      </div>
      {open && (
        <>
          {r.feedback && (
            <details>
              <summary className="text-small">Reflection that led to this version</summary>
              <pre className="loop-pre">{r.feedback}</pre>
            </details>
          )}
          <Transcript version={version} />
        </>
      )}
    </li>
  );
}

/** The model lineage: every loop iteration as a version, newest first. */
export function LineageList() {
  const lineage = useStudio((s) => s.lineage);
  const source = useStudio((s) => s.source);
  const best = bestVersion(lineage);
  const withCode = lineage.filter((v) => v.record.code !== undefined);
  return (
    <div className="card" data-testid="loop.lineage">
      <h3>Model lineage</h3>
      {lineage.length === 0 ? (
        <p className="text-small muted">No versions yet. Each iteration of the loop adds one: its code, parameters, scores and the conversation.</p>
      ) : (
        <ul className="stack list-scroll" style={{ listStyle: 'none', padding: 0, margin: 0, gap: 'var(--space-2)', maxHeight: 520 }}>
          {[...lineage].reverse().map((v) => {
            const i = withCode.indexOf(v);
            return <VersionItem key={v.id} version={v} previous={i > 0 ? withCode[i - 1] : undefined} best={v === best} current={v.record.code === source} />;
          })}
        </ul>
      )}
    </div>
  );
}
