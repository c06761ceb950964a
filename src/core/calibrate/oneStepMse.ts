import { createRng } from '../rng/createRng.ts';
import { deriveSeed } from '../rng/deriveSeed.ts';
import type { Transitions } from '../data/transitions.ts';
import { SimulatorError } from '../sim/SimulatorError.ts';
import type { CompiledSimulator, ParameterSpec } from '../sim/types.ts';
import type { BatchScores } from './Calibrator.ts';

/**
 * The G-Sim ES fitness (paper §4.4, decision B8): one-step MSE between observed next states and
 * simulated ones on the training transitions, averaged over `mc` Monte-Carlo draws per transition and
 * over the observed variables. Every candidate replays the same random stream from `seed` (common
 * random numbers, restarted at every transition), which makes candidates comparable within a generation and makes the score
 * independent of how a batch is split across workers.
 *
 * A candidate whose program throws or returns an invalid state scores +Infinity; the count and the
 * first message are reported. NOTE: hot loop — O(batch · transitions · mc) simulator steps.
 */
export function oneStepMse(
  sim: CompiledSimulator,
  transitions: Transitions,
  batch: readonly Float64Array[],
  seed: number,
  mc: number,
): BatchScores {
  const { count, dim, next, states, actions, variables } = transitions;
  const fitness = new Float64Array(batch.length);
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
          const out = sim.step(s, a, params, rng, variables);
          for (let j = 0; j < dim; j++) {
            const d = (out[variables[j]] as number) - next[base + j];
            sum += d * d;
          }
        }
      }
      simulations += count * mc;
      fitness[c] = count > 0 ? sum / (count * mc * dim) : 0;
    } catch (e) {
      if (!(e instanceof SimulatorError) && !(e instanceof RangeError)) throw e;
      failures++;
      firstError ??= e.message;
      fitness[c] = Infinity;
    }
  }
  return { fitness, simulations, failures, firstError };
}

/** Parameter values by name from a vector in `parameters` order (frozen: programs must not mutate them). */
export function paramsByName(parameters: readonly ParameterSpec[], values: ArrayLike<number>): Readonly<Record<string, number>> {
  const out: Record<string, number> = {};
  for (let k = 0; k < parameters.length; k++) out[parameters[k].name] = values[k];
  return Object.freeze(out);
}
