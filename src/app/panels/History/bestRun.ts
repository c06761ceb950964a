import type { RunRecord } from '../../model/RunRecord.ts';

/** The run a comparison marks as best, and the score that decided it. */
export interface BestRun {
  id: string;
  by: 'test W1' | 'validation rollout W1';
}

/**
 * The best of the compared runs: lowest benchmark test W1 when every run has one (the held-out score),
 * else lowest validation rollout W1 when every run has that. Both are rollout distances to data, so they
 * compare GA, CMA-ES and NPE alike; a training fitness does not (NPE has none, and MSE and energy scores
 * differ in units). Null when the runs share no score: marking one "best" would then be a guess.
 */
export function bestRun(runs: readonly RunRecord[]): BestRun | null {
  const scores: [BestRun['by'], (r: RunRecord) => number | undefined][] = [
    ['test W1', (r) => r.diagnostics?.benchmark?.w1],
    ['validation rollout W1', (r) => r.diagnostics?.validation?.rolloutW1],
  ];
  for (const [by, score] of scores) {
    const values = runs.map(score);
    if (runs.length === 0 || values.some((v) => v === undefined || !Number.isFinite(v))) continue;
    let k = 0;
    values.forEach((v, i) => {
      if ((v as number) < (values[k] as number)) k = i;
    });
    return { id: runs[k].id, by };
  }
  return null;
}
