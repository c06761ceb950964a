import type { RunRecord } from '../../model/RunRecord.ts';

/** Method names as the history shows them. */
export const METHOD = { ga: 'GA', cmaes: 'CMA-ES', npe: 'NPE' } as const;

/** The budget a run was given: GA / CMA-ES generations × population, NPE simulations and estimator. */
export function budgetSummary(r: RunRecord): string {
  if (r.settings.method === 'npe') {
    const npe = r.settings.npe;
    // Rounds and the point estimate as the run recorded them (older runs: one round, the posterior mean).
    const rounds = r.npe?.rounds ?? 1;
    const picked = r.npe?.pointEstimate?.kind === 'fitness-pick' ? ', picked estimate' : '';
    return npe ? `${rounds > 1 ? `${rounds} rounds × ` : ''}${npe.simulations.toLocaleString('en-US')} simulations, ${npe.estimator.toUpperCase()}${picked}, seed ${r.settings.seed}` : `NPE, seed ${r.settings.seed}`;
  }
  return `${r.settings.generations}×${r.settings.popsize}, mc ${r.settings.mc}, seed ${r.settings.seed}`;
}
