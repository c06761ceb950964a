import type { SuiteEnvironment } from './SuiteEnvironment.ts';

/**
 * A four-stage population (juveniles → … → adults) with binomial survival and progression, Poisson
 * fecundity and Poisson immigration into every stage: twelve parameters, the largest problem of the
 * suite. Progressing individuals leave one stage and enter the next, so the stages co-vary.
 */
export const stagePopulation: SuiteEnvironment = {
  id: 'stage-population',
  title: 'Four-stage population (12 parameters)',
  stresses: '12 parameters; binomial and Poisson counts; correlated outputs',
  variables: ['n0', 'n1', 'n2', 'n3'],
  groundTruthSource: `// Stage-structured population: survive, then progress to the next stage; adults reproduce
const parameters = {
  s0: { min: 0, max: 1, init: 0.5, description: 'stage-0 survival' },
  s1: { min: 0, max: 1, init: 0.5, description: 'stage-1 survival' },
  s2: { min: 0, max: 1, init: 0.5, description: 'stage-2 survival' },
  s3: { min: 0, max: 1, init: 0.5, description: 'adult survival' },
  g0: { min: 0, max: 1, init: 0.5, description: 'stage-0 progression' },
  g1: { min: 0, max: 1, init: 0.5, description: 'stage-1 progression' },
  g2: { min: 0, max: 1, init: 0.5, description: 'stage-2 progression' },
  f:  { min: 0, max: 5, init: 2.5, description: 'births per adult per step' },
  i0: { min: 0, max: 20, init: 10, description: 'immigrants into stage 0' },
  i1: { min: 0, max: 20, init: 10, description: 'immigrants into stage 1' },
  i2: { min: 0, max: 20, init: 10, description: 'immigrants into stage 2' },
  i3: { min: 0, max: 20, init: 10, description: 'immigrants into stage 3' },
};
const clip = (p) => Math.min(1, Math.max(0, p));
function step(state, action, params, rng) {
  const n = [state.n0, state.n1, state.n2, state.n3];
  const s = [params.s0, params.s1, params.s2, params.s3];
  const g = [params.g0, params.g1, params.g2, 0];
  const imm = [params.i0, params.i1, params.i2, params.i3];
  const next = [0, 0, 0, 0];
  for (let k = 0; k < 4; k++) {
    const alive = rng.binomial(n[k], clip(s[k]));
    const moved = rng.binomial(alive, clip(g[k]));
    next[k] += alive - moved + rng.poisson(Math.max(0, imm[k]));
    if (k < 3) next[k + 1] += moved;
  }
  next[0] += rng.poisson(Math.max(0, params.f * n[3]));
  return { n0: next[0], n1: next[1], n2: next[2], n3: next[3] };
}
`,
  trueParams: { s0: 0.6, s1: 0.8, s2: 0.85, s3: 0.9, g0: 0.3, g1: 0.25, g2: 0.2, f: 0.8, i0: 2, i1: 1, i2: 3, i3: 0.5 },
  initialState: (rng) => ({ n0: rng.integers(0, 100), n1: rng.integers(0, 60), n2: rng.integers(0, 60), n3: rng.integers(0, 40) }),
  policy: () => null,
  horizon: 40,
  trajectories: 40,
};
