import type { RunRecord } from '../../model/RunRecord.ts';

/**
 * Seconds left in a running GA/CMA-ES calibration, from the pace so far: under the converge budget
 * the candidate cap gives an upper bound (the run usually stops earlier, on convergence); under the
 * paper budget, the generations left. Null until a generation has finished or when nothing is known.
 * @param now the current time in ms (Date.now()).
 */
export function secondsRemaining(run: RunRecord, now: number): number | null {
  if (run.status !== 'running' || run.iteration < 1) return null;
  const elapsed = (now - run.createdAt) / 1000;
  if (elapsed <= 0) return null;
  if (run.candidates !== undefined && run.maxCandidates !== undefined && run.candidates > 0) {
    return Math.max(0, (elapsed * (run.maxCandidates - run.candidates)) / run.candidates);
  }
  if (run.totalIterations > run.iteration) return (elapsed * (run.totalIterations - run.iteration)) / run.iteration;
  return null;
}
