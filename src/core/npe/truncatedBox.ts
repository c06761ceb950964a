import type { ParameterSpec } from '../sim/types.ts';

/** Widening of the posterior samples' range on each side, as a share of that range. */
export const TRUNCATION_MARGIN = 0.25;

/**
 * The prior box of the next NPE round (truncated sequential NPE with a box, issue #14): per
 * parameter, the range of the previous round's posterior samples (10,000 by default, so roughly its
 * 0.01–99.99 % range) widened by {@link TRUNCATION_MARGIN} of that range on each side, inside the prior
 * box. A uniform prior on this box is the original prior truncated to where the posterior has its
 * mass, so the next round's posterior is the same posterior (restricted), learned from simulations
 * that all land where it matters: an amortised estimator trained on the whole box cannot resolve a
 * parameter pinned to 0.2 % of its box (logistic growth's K: posterior 45–77 on [10, 200] after one
 * round). Parameters keep their names, order and `init`; `init` is clipped into the new box.
 */
export function truncatedBox(parameters: readonly ParameterSpec[], samples: readonly Float64Array[], margin = TRUNCATION_MARGIN): ParameterSpec[] {
  if (!samples.length) throw new Error('truncatedBox: no posterior samples to truncate the prior with');
  return parameters.map((p, k) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const th of samples) {
      if (th[k] < lo) lo = th[k];
      if (th[k] > hi) hi = th[k];
    }
    const pad = (hi - lo) * margin;
    const min = Math.max(p.min, lo - pad);
    const max = Math.min(p.max, hi + pad);
    // A degenerate range (one sample, or all equal) keeps the prior's box.
    if (!(max > min)) return { ...p };
    const init = p.init === undefined ? undefined : Math.min(max, Math.max(min, p.init));
    return { ...p, min, max, ...(init === undefined ? {} : { init }) };
  });
}
