import type { ParameterSpec } from '../sim/types.ts';
import { describeWidth, IDENTIFIABILITY, type ParameterIdentifiability } from './identifiability.ts';

/** What this needs of NPE's posterior summary (structural, so calibrate/ does not import npe/). */
export interface PosteriorWidths {
  mean: readonly number[];
  q05: readonly number[];
  q95: readonly number[];
  corr: readonly (readonly number[])[];
}

/**
 * NPE's identifiability: per parameter, half the 5–95 % posterior interval (so a posterior as wide
 * as the uniform prior reads 45 % of the box, "unidentified"), the bound test on the posterior mean,
 * and the strongest posterior correlation (|r| ≥ 0.9) as the trade-off partner.
 */
export function posteriorIdentifiability(parameters: readonly ParameterSpec[], posterior: PosteriorWidths): ParameterIdentifiability[] {
  return parameters.map((p, k) => {
    let partner: string | null = null;
    let strongest: number = IDENTIFIABILITY.tradeOff;
    posterior.corr[k]?.forEach((r, j) => {
      if (j !== k && Math.abs(r) >= strongest) {
        strongest = Math.abs(r);
        partner = parameters[j].name;
      }
    });
    return describeWidth(p, posterior.mean[k], (posterior.q95[k] - posterior.q05[k]) / 2, 'posterior', partner);
  });
}
