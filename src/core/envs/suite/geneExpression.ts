import type { SuiteEnvironment } from './SuiteEnvironment.ts';

/**
 * Two-stage gene expression (mRNA → protein) with Poisson production and binomial degradation. True
 * values span three orders of magnitude inside their boxes, and the protein decay sits near its lower
 * bound (0.02 in a box of width 1): a search that samples the box uniformly rarely lands there.
 */
export const geneExpression: SuiteEnvironment = {
  id: 'gene-expression',
  title: 'Gene expression, mRNA and protein (4 parameters)',
  stresses: 'values spanning orders of magnitude; one near its lower bound',
  variables: ['m', 'p'],
  groundTruthSource: `// m' = m + Poisson(k_m) - Binomial(m, d_m); p' = p + Poisson(k_p m) - Binomial(p, d_p)
const parameters = {
  k_m: { min: 0, max: 20, init: 10, description: 'mRNA production per step' },
  d_m: { min: 0, max: 1, init: 0.5, description: 'mRNA degradation probability' },
  k_p: { min: 0, max: 50, init: 25, description: 'proteins per mRNA per step' },
  d_p: { min: 0, max: 1, init: 0.5, description: 'protein degradation probability' },
};
const clip = (p) => Math.min(1, Math.max(0, p));
function step(state, action, params, rng) {
  const m = state.m, p = state.p;
  return {
    m: m + rng.poisson(params.k_m) - rng.binomial(m, clip(params.d_m)),
    p: p + rng.poisson(params.k_p * m) - rng.binomial(p, clip(params.d_p)),
  };
}
`,
  trueParams: { k_m: 2, d_m: 0.2, k_p: 5, d_p: 0.02 },
  initialState: (rng) => ({ m: rng.integers(0, 20), p: rng.integers(0, 2000) }),
  policy: () => null,
  horizon: 40,
  trajectories: 30,
};
