import type { EstimatorConfig } from './DensityEstimator.ts';
import type { DensityNetwork } from './DensityNetwork.ts';
import { createMaf } from './createMaf.ts';
import { createMdn } from './createMdn.ts';

/** The network for an estimator config, with sbi's defaults (MAF: 5 transforms × 50 hidden; MDN: 10 components × 50 hidden). */
export function createNetwork(config: EstimatorConfig, thetaDim: number, xDim: number): DensityNetwork {
  const positive = (v: number | undefined, name: string, fallback: number) => {
    if (v === undefined) return fallback;
    if (!(Number.isInteger(v) && v > 0)) throw new Error(`estimator config: ${name} must be a positive integer, got ${v}`);
    return v;
  };
  const hidden = positive(config.hidden, 'hidden', 50);
  if (config.kind === 'maf') return createMaf(thetaDim, xDim, positive(config.transforms, 'transforms', 5), hidden);
  if (config.kind === 'mdn') return createMdn(thetaDim, xDim, positive(config.components, 'components', 10), hidden);
  throw new Error(`estimator config: kind '${String(config.kind)}' is not available (use 'maf' or 'mdn')`);
}
