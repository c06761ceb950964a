import { ProgressBar } from '../components/ProgressBar.tsx';
import { formatNumber, formatSeconds } from '../lib/format.ts';
import type { RunRecord } from '../model/RunRecord.ts';
import { secondsRemaining } from './Calibrate/timeRemaining.ts';

const STOPPED_BY = { converged: 'converged', stalled: 'no further improvement', budget: 'candidate cap reached', generations: 'all generations run', cancelled: 'cancelled' } as const;

const STATUS_BADGE: Record<RunRecord['status'], string> = {
  running: 'run',
  done: 'ok',
  cancelled: '',
  failed: 'err',
  interrupted: '',
};

/** Status line of a run: progress bar, generation, best fitness, simulations, failures. */
export function RunProgress({ run }: { run: RunRecord }) {
  const loading = run.status === 'running' && run.history.length === 0;
  const remaining = secondsRemaining(run, Date.now());
  return (
    <div className="card stack" data-testid="calibrate.progress" data-run-id={run.id} data-status={run.status} data-iteration={run.iteration}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <div className="row">
          <span className={`badge ${STATUS_BADGE[run.status]}`} data-testid="calibrate.status">
            {run.status}
          </span>
          <span data-testid="calibrate.generation">
            {loading
              ? 'Loading the program into the workers and scoring the first population…'
              : `Generation ${run.iteration} / ${run.status === 'running' && run.maxCandidates !== undefined ? `≤ ${run.totalIterations}` : run.totalIterations}`}
          </span>
        </div>
        <span className="text-small muted">
          best {(run.settings.fitness ?? 'mse') === 'energy' ? 'energy score' : 'MSE'} <strong className="mono">{formatNumber(run.bestFitness)}</strong> · {run.simulations.toLocaleString('en-US')} simulator steps
          {run.failures > 0 && <span style={{ color: 'var(--danger)' }}> · {run.failures} failed candidates</span>}
          {run.seconds !== undefined && ` · ${formatSeconds(run.seconds)}`}
          {remaining !== null && <span data-testid="calibrate.remaining"> · {run.maxCandidates !== undefined ? 'at most ' : 'about '}{formatSeconds(remaining)} left</span>}
          {run.search && run.status !== 'running' && <span data-testid="calibrate.stoppedBy"> · stopped: {STOPPED_BY[run.search.stoppedBy]}</span>}
        </span>
      </div>
      <ProgressBar value={run.status === 'done' ? run.totalIterations : run.iteration} max={Math.max(run.totalIterations, run.iteration)} label="Calibration progress" testId="calibrate.bar" />
      {run.error && (
        <p className="text-small" style={{ color: 'var(--danger)' }} data-testid="calibrate.error">
          {run.error}
        </p>
      )}
      {!run.error && run.firstError && (
        <p className="text-small" style={{ color: 'var(--danger)' }}>
          Some candidates failed; first error: {run.firstError} (marked in the code editor).
        </p>
      )}
    </div>
  );
}
