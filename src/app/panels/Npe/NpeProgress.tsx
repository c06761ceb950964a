import { useNpeLive } from '../../actions/npeLive.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { formatNumber, formatSeconds } from '../../lib/format.ts';
import type { RunRecord } from '../../model/RunRecord.ts';

const PHASE_TEXT: Record<string, string> = {
  simulate: 'Simulating the train split from prior draws',
  train: 'Training the density estimator',
  sample: 'Sampling the posterior',
  sbc: 'Checking calibration (SBC)',
};

/** Status of an NPE run: phase and its progress, epoch and losses, the execution provider. */
export function NpeProgress({ run }: { run: RunRecord }) {
  const live = useNpeLive();
  const mine = live.runId === run.id && run.status === 'running';
  const provider = run.npe?.provider ?? (live.runId === run.id ? live.provider : null);
  const last = run.history[run.history.length - 1];
  return (
    <div className="card stack" data-testid="npe.progress" data-status={run.status} data-phase={mine ? live.phase ?? '' : ''}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <div className="row">
          <span className={`badge ${run.status === 'done' ? 'ok' : run.status === 'running' ? 'run' : run.status === 'failed' ? 'err' : ''}`} data-testid="npe.status">
            {run.status}
          </span>
          <span data-testid="npe.phase">
            {mine && live.phase ? `${PHASE_TEXT[live.phase] ?? live.phase}: ${live.done.toLocaleString('en-US')} / ${live.total.toLocaleString('en-US')}` : run.status === 'done' ? `Finished: ${run.history.length} epochs` : ''}
          </span>
        </div>
        <span className="text-small muted">
          {last && <>epoch {last.iteration}: train <strong className="mono">{formatNumber(last.mean)}</strong>, validation <strong className="mono">{formatNumber(last.best)}</strong> · </>}
          estimator on <strong data-testid="npe.provider">{provider ?? '…'}</strong>
          {run.seconds !== undefined && ` · ${formatSeconds(run.seconds)}`}
        </span>
      </div>
      {mine && <ProgressBar value={live.done} max={Math.max(1, live.total)} label="NPE phase progress" testId="npe.bar" />}
      {run.error && <p className="text-small" style={{ color: 'var(--danger)' }} data-testid="npe.error">{run.error}</p>}
    </div>
  );
}
