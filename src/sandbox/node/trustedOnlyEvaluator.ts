import type { SandboxEvaluator } from '../../core/sim/SandboxEvaluator.ts';
import { SimulatorError } from '../../core/sim/SimulatorError.ts';

/**
 * The evaluator of the `gsim` process itself, which holds API keys and may write files: it compiles
 * only the sources it is given as trusted (the benchmarks' ground truths shipped with gsim, in the vm
 * evaluator `inner`) and refuses every other program. Untrusted code (simulator programs from files,
 * LLMs and projects) runs only in the isolated worker processes; expressions (scenario fields, costs,
 * domain rules) are interpreted by the safe expression language and never compiled. So a code path that
 * forgets to go through the pool fails closed, with a message, instead of running a program here.
 */
export function trustedOnlyEvaluator(inner: SandboxEvaluator, trustedSources: readonly string[]): SandboxEvaluator {
  const trusted = new Set(trustedSources);
  return {
    name: `trusted-only(${inner.name})`,
    evaluate(source, sourceUrl) {
      if (!trusted.has(source)) {
        throw new SimulatorError('runtime', 'internal error: gsim tried to run an untrusted program in its own process; programs run only in the isolated worker processes');
      }
      return inner.evaluate(source, sourceUrl);
    },
    lineOffset: () => inner.lineOffset(),
  };
}
