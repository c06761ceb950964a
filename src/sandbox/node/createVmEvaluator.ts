import vm from 'node:vm';
import { FORBIDDEN_GLOBALS, forbiddenMessage, MATH_RANDOM_MESSAGE } from '../../core/sim/functionEvaluator.ts';
import type { EvaluatedProgram, SandboxEvaluator } from '../../core/sim/SandboxEvaluator.ts';
import { SimulatorError } from '../../core/sim/SimulatorError.ts';
import { copyOut } from './copyOut.ts';
import { VM_PRELUDE_SOURCE } from './vmPreludeSource.ts';

/** Rng methods the sandbox's rng facade forwards (the Rng interface). */
const RNG_METHODS = [
  'random', 'uniform', 'integers', 'normal', 'exponential', 'gamma', 'beta', 'bernoulli', 'binomial', 'poisson',
  'negativeBinomial', 'categorical', 'reseed', 'split',
];

/** What the prelude replaces (forbidden globals, Math.random) and forwards (rng methods). */
export const SANDBOX_CONFIG_JSON = JSON.stringify({
  forbidden: Object.fromEntries(FORBIDDEN_GLOBALS.map((name) => [name, forbiddenMessage(name)])),
  mathRandom: MATH_RANDOM_MESSAGE,
  rngMethods: RNG_METHODS,
});

const prelude = new vm.Script(VM_PRELUDE_SOURCE, { filename: 'gsim-sandbox-prelude.js' });
const declarations = new vm.Script(
  '({ parameters: typeof parameters === "undefined" ? undefined : parameters,' +
    ' step: typeof step === "undefined" ? undefined : step,' +
    ' initialState: typeof initialState === "undefined" ? undefined : initialState })',
  { filename: 'gsim-sandbox-declarations.js' },
);

type Entry = {
  step(fn: unknown, state: unknown, action: unknown, params: unknown, rng: unknown): unknown;
  initialState(fn: unknown, rng: unknown): unknown;
};

/**
 * The Node evaluator: every program gets its own `node:vm` context (a fresh realm with its own
 * intrinsics, no `process`, `require`, `import()` or file system), created inside a worker thread that
 * has a heap limit and is terminated at the time limit. Strings cannot be compiled to code inside the
 * context (`eval`/`Function` throw EvalError) and `import()` is refused before evaluation, so a program
 * cannot ask Node's module loader for anything. Host objects never reach the program: arguments are
 * copied in by the prelude (vmPreludeSource.ts) and results copied out ({@link copyOut}).
 * Limits: see README "Security" (same thread as the worker's host code; CPU and memory are bounded by
 * the worker, not per program).
 */
export function createVmEvaluator(): SandboxEvaluator {
  return {
    name: 'vm',
    evaluate(source: string, sourceUrl: string): EvaluatedProgram {
      let script: vm.Script;
      try {
        script = new vm.Script('"use strict";' + source, { filename: sourceUrl });
      } catch (e) {
        throw new SimulatorError('syntax', `Syntax error: ${(e as Error).message}`);
      }
      const context = vm.createContext(vm.constants.DONT_CONTEXTIFY, {
        name: 'gsim simulator',
        codeGeneration: { strings: false, wasm: false },
      });
      const setup = prelude.runInContext(context) as (callRng: typeof hostRngCall, config: string) => Entry;
      const entry = setup(hostRngCall, SANDBOX_CONFIG_JSON);
      script.runInContext(context);
      const declared = declarations.runInContext(context) as Record<'parameters' | 'step' | 'initialState', unknown>;
      const stepFn = declared.step;
      const initFn = declared.initialState;
      return {
        parameters: copyOut(declared.parameters),
        step:
          typeof stepFn === 'function'
            ? (state: unknown, action: unknown, params: unknown, rng: unknown) => copyOut(entry.step(stepFn, state, action, params, rng))
            : copyOut(stepFn),
        initialState: typeof initFn === 'function' ? (rng: unknown) => copyOut(entry.initialState(initFn, rng)) : copyOut(initFn),
      };
    },
    lineOffset: () => 0,
  };
}

/**
 * The one host function the sandbox holds (inside the prelude's closure): calls a method of a host rng
 * with arguments copied out of the sandbox. Returns a number, or a host rng for `split()`, which the
 * prelude wraps in a new facade.
 */
function hostRngCall(rng: unknown, name: string, a: unknown, b: unknown): unknown {
  const fn = (rng as Record<string, unknown>)[name];
  if (typeof fn !== 'function') throw new TypeError(`rng.${name} is not a function`);
  const r: unknown = fn.call(rng, copyOut(a), copyOut(b));
  if (typeof r === 'object' && r !== null && name !== 'split') throw new TypeError(`rng.${name} returned an object`);
  return r;
}
