import { createRng } from '../rng/createRng.ts';
import { deriveSeed } from '../rng/deriveSeed.ts';
import type { Transitions } from '../data/transitions.ts';
import { SimulatorError } from '../sim/SimulatorError.ts';
import type { CompiledSimulator, ParameterSpec, State } from '../sim/types.ts';
import type { BatchScores } from './Calibrator.ts';

/**
 * Which one-step score the calibration minimises.
 * - `mse` — the paper's fitness (§4.4, decision B8): squared error of each draw against the observed
 *   next state. For a stochastic simulator its expectation is bias² + the simulator's own variance, so
 *   it pulls noise-driving rates down (supply-chain demand 5 fits to ≈ 4.5 = argmin (λ−5)² + λ).
 * - `energy` — the energy score E|X−y| − ½E|X−X'| (a proper scoring rule, decision B4): minimised in
 *   expectation by the true predictive distribution, so stochastic rates are not biased. Needs mc ≥ 2.
 */
export type FitnessKind = 'mse' | 'energy';

export const FITNESS_KINDS: readonly FitnessKind[] = ['mse', 'energy'];

/**
 * One-step fitness of each candidate on the training transitions, averaged over `mc` Monte-Carlo
 * draws per transition (and, for `mse`, over the observed variables). Every candidate replays the same
 * random stream (common random numbers, restarted at every transition), which makes candidates
 * comparable within a generation and the score independent of how a batch is split across workers.
 *
 * A candidate whose program throws or returns an invalid state scores +Infinity; the count and the
 * first message are reported. NOTE: hot loop — O(batch · transitions · mc) simulator steps.
 */
export function oneStepFitness(
  sim: CompiledSimulator,
  transitions: Transitions,
  batch: readonly Float64Array[],
  seed: number,
  mc: number,
  kind: FitnessKind = 'mse',
): BatchScores {
  if (kind === 'energy' && mc < 2) throw new RangeError(`oneStepFitness: the energy score needs mc >= 2 draws per transition, got ${mc}`);
  const { count, dim, next, states, actions, variables } = transitions;
  const fitness = new Float64Array(batch.length);
  const draws = new Float64Array(mc * dim);
  let failures = 0;
  let firstError: string | undefined;
  let simulations = 0;
  for (let c = 0; c < batch.length; c++) {
    const params = paramsByName(sim.parameters, batch[c]);
    const rng = createRng(seed);
    let sum = 0;
    try {
      for (let i = 0; i < count; i++) {
        const s = states[i];
        const a = actions[i];
        const base = i * dim;
        // Restarting the stream per transition keeps candidates' noise aligned transition by
        // transition (samplers consume varying numbers of draws, so one long stream drifts apart).
        rng.reseed(deriveSeed(seed, i));
        for (let k = 0; k < mc; k++) {
          const out: State = sim.step(s, a, params, rng, variables);
          for (let j = 0; j < dim; j++) draws[k * dim + j] = out[variables[j]] as number;
        }
        sum += kind === 'mse' ? squaredError(draws, mc, dim, next, base) : energyScoreAt(draws, mc, dim, next, base);
      }
      simulations += count * mc;
      fitness[c] = count > 0 ? (kind === 'mse' ? sum / (count * mc * dim) : sum / count) : 0;
    } catch (e) {
      // Any failure of the candidate (a throw, a throwing getter or Proxy trap on the returned state,
      // an allocation that fails) scores +Infinity; the run goes on with the others.
      failures++;
      firstError ??= failureMessage(e);
      fitness[c] = Infinity;
    }
  }
  return { fitness, simulations, failures, firstError };
}

/** A failure's message, read without trusting the thrown value (it may be a program's Proxy or getter). */
function failureMessage(e: unknown): string {
  try {
    if (e instanceof SimulatorError) return e.message;
    const m = (e as { message?: unknown } | null)?.message;
    return typeof m === 'string' ? `the program failed: ${m}` : `the program threw ${typeof e}`;
  } catch {
    return 'the program threw a value that cannot be read';
  }
}

/** Σ over draws and variables of (x − y)². */
function squaredError(draws: Float64Array, mc: number, dim: number, y: Float64Array, base: number): number {
  let s = 0;
  for (let k = 0; k < mc; k++) {
    for (let j = 0; j < dim; j++) {
      const d = draws[k * dim + j] - y[base + j];
      s += d * d;
    }
  }
  return s;
}

/** Unbiased energy score of `mc` draws against y: mean |X−y| − ½ mean over pairs |X−X'| (Euclidean). */
function energyScoreAt(draws: Float64Array, mc: number, dim: number, y: Float64Array, base: number): number {
  let toObs = 0;
  for (let k = 0; k < mc; k++) {
    let s = 0;
    for (let j = 0; j < dim; j++) {
      const d = draws[k * dim + j] - y[base + j];
      s += d * d;
    }
    toObs += Math.sqrt(s);
  }
  let spread = 0;
  for (let k = 0; k < mc; k++) {
    for (let l = k + 1; l < mc; l++) {
      let s = 0;
      for (let j = 0; j < dim; j++) {
        const d = draws[k * dim + j] - draws[l * dim + j];
        s += d * d;
      }
      spread += Math.sqrt(s);
    }
  }
  return toObs / mc - spread / (mc * (mc - 1));
}

/** Parameter values by name from a vector in `parameters` order (frozen: programs must not mutate them). */
export function paramsByName(parameters: readonly ParameterSpec[], values: ArrayLike<number>): Readonly<Record<string, number>> {
  const out: Record<string, number> = {};
  for (let k = 0; k < parameters.length; k++) out[parameters[k].name] = values[k];
  return Object.freeze(out);
}
