import type { Dataset } from '../../core/data/Dataset.ts';
import { quantileBands, DEFAULT_QUANTILES } from '../../core/eval/quantileBands.ts';
import type { RolloutBands } from '../../core/runtime/createSimWorkerApi.ts';
import { SimulatorError } from '../../core/sim/SimulatorError.ts';
import { getRunPool } from '../lib/simPools.ts';
import { fanBands } from '../model/diagnosticsFromWorkers.ts';
import type { FanBand } from '../model/FanBand.ts';

/** Posterior predictive budget: draws × rollouts per draw on a few val trajectories. */
export const PREDICTIVE = { draws: 20, rolloutsPerDraw: 5, trajectories: 3 } as const;

/**
 * Posterior predictive fan charts: the existing `rollouts` worker method is run once per posterior
 * draw (parameter uncertainty), several rollouts each (intrinsic noise); the ensembles are pooled and
 * cut into the same 5/50/95 % bands as the Diagnostics fans, against the observed trajectories.
 */
export async function posteriorPredictiveFans(dataset: Dataset, names: string[], samples: number[][], seed: number): Promise<FanBand[]> {
  const split = dataset.splits.val.length > 0 ? 'val' : 'train';
  const count = Math.min(PREDICTIVE.trajectories, dataset.splits[split].length);
  const trajectories = Array.from({ length: count }, (_, i) => i);
  const step = Math.max(1, Math.floor(samples.length / PREDICTIVE.draws));
  const draws = samples.filter((_, i) => i % step === 0).slice(0, PREDICTIVE.draws);
  const pool = getRunPool();
  const parts = await Promise.all(
    draws.map(async (row, k) => {
      const params = Object.fromEntries(names.map((n, j) => [n, row[j]]));
      const r = await pool.run((api) => api.rollouts({ params, split, trajectories, rollouts: PREDICTIVE.rolloutsPerDraw, includeEnsemble: true, seed: seed + k }));
      if (!r.ok) throw SimulatorError.fromJSON(r.error);
      return r.value;
    }),
  );
  const merged: RolloutBands[] = trajectories.map((_, i) => {
    const first = parts[0][i];
    const dim = first.variables.length;
    const n = draws.length * PREDICTIVE.rolloutsPerDraw;
    const ensemble = new Float64Array(n * first.steps * dim);
    parts.forEach((p, k) => ensemble.set(p[i].ensemble!, k * PREDICTIVE.rolloutsPerDraw * first.steps * dim));
    return { ...first, ensemble: undefined, bands: quantileBands(ensemble, n, first.steps, dim, [...DEFAULT_QUANTILES]), quantiles: [...DEFAULT_QUANTILES] };
  });
  return fanBands(merged);
}
