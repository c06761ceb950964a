import { useNpeLive } from '../../actions/npeLive.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { formatNumber, formatSeconds } from '../../lib/format.ts';
import type { RunRecord } from '../../model/RunRecord.ts';

const PHASE_TEXT: Record<string, string> = {
  simulate: 'Simulating the train split from prior draws',
  train: 'Training the density estimator',
  sample: 'Sampling the posterior',
  pick: 'Picking the point estimate by the energy score on the train split',
  sbc: 'Checking calibration (SBC)',
};

/**
 * The phases of one NPE round in order: the overall bar advances one quarter per phase and round
 * (the pick, one batch of about 100 candidates, shares the sampling quarter).
 */
const PHASES = ['simulate', 'train', 'sample', 'sbc'] as const;

/** Where the run stands in its current phase, in words ("epoch 23 (at most 300; …)" while training). */
function phaseText(phase: string, done: number, total: number, round: number, rounds: number): string {
  const prefix = rounds > 1 ? `Round ${round} of ${rounds} · ` : '';
  if (phase === 'train') return `${prefix}${PHASE_TEXT.train}: epoch ${done} (at most ${total}; training stops early once the validation loss stops improving)`;
  return `${prefix}${PHASE_TEXT[phase] ?? phase}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`;
}

/** How far the run is, in phases done out of PHASES.length × rounds (round 1 has no SBC: it counts as done). */
function progressValue(phase: string, done: number, total: number, round: number): number {
  const k = PHASES.indexOf((phase === 'pick' ? 'sample' : phase) as (typeof PHASES)[number]);
  if (k < 0) return 0;
  return (round - 1) * PHASES.length + k + Math.min(1, done / Math.max(1, total));
}

/**
 * Status of an NPE run: phase and its progress, epoch and losses, the execution provider. The bar is
 * the whole run (a quarter per phase), so it fills when the run ends, early stopping or not.
 */
export function NpeProgress({ run }: { run: RunRecord }) {
  const live = useNpeLive();
  const mine = live.runId === run.id && run.status === 'running';
  const provider = run.npe?.provider ?? (live.runId === run.id ? live.provider : null);
  const last = run.history[run.history.length - 1];
  const rounds = mine ? live.rounds : run.npe?.rounds ?? 1;
  const overall = run.status === 'done' ? PHASES.length * rounds : mine && live.phase ? progressValue(live.phase, live.done, live.total, live.round) : 0;
  const stoppedBy = run.npe?.stoppedBy;
  return (
    <div className="card stack" data-testid="npe.progress" data-status={run.status} data-phase={mine ? live.phase ?? '' : ''}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <div className="row">
          <span className={`badge ${run.status === 'done' ? 'ok' : run.status === 'running' ? 'run' : run.status === 'failed' ? 'err' : ''}`} data-testid="npe.status">
            {run.status}
          </span>
          <span data-testid="npe.phase">
            {mine && live.phase
              ? phaseText(live.phase, live.done, live.total, live.round, live.rounds)
              : run.status === 'done'
                ? `Finished: trained ${run.history.length} epochs${rounds > 1 ? ` over ${rounds} rounds` : ''}${stoppedBy ? ` (${rounds > 1 ? `round ${rounds} ` : ''}stopped by ${stoppedBy})` : ''}`
                : ''}
          </span>
        </div>
        <span className="text-small muted">
          {last && <>epoch {last.iteration}: train loss <strong className="mono">{formatNumber(last.mean)}</strong>, validation loss <strong className="mono">{formatNumber(last.best)}</strong> · </>}
          estimator on <strong data-testid="npe.provider">{provider ?? '…'}</strong>
          {run.seconds !== undefined && ` · ${formatSeconds(run.seconds)}`}
        </span>
      </div>
      {(mine || run.status === 'done') && <ProgressBar value={overall} max={PHASES.length * rounds} label="NPE run progress (simulate, train, sample, SBC; per round)" testId="npe.bar" />}
      {run.error && <p className="text-small" style={{ color: 'var(--danger)' }} data-testid="npe.error">{run.error}</p>}
    </div>
  );
}
