import { SimulatorError } from './SimulatorError.ts';
import type { EvaluatedProgram, SandboxEvaluator } from './SandboxEvaluator.ts';

/**
 * Globals a program should not use. They are shadowed by stand-ins that throw, so that a stray
 * `fetch(...)` fails loudly with a clear message instead of working. NOTE: shadowing is a guard against
 * accidents, not a security boundary (`Function('return this')()` reaches the real global): isolation
 * comes from where this evaluator runs (README "Security").
 */
export const FORBIDDEN_GLOBALS = [
  'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'navigator', 'localStorage',
  'sessionStorage', 'indexedDB', 'caches', 'document', 'window', 'self', 'globalThis', 'process',
  'require', 'module', 'postMessage', 'close', 'Worker', 'SharedWorker', 'setTimeout', 'setInterval',
] as const;

/** The message of a forbidden global; the vm evaluator uses the same words. */
export function forbiddenMessage(name: string): string {
  return `${name} is not available to simulator programs (no network, storage, DOM or timers)`;
}

export const MATH_RANDOM_MESSAGE = 'Math.random is not available: use rng.random() (or another rng sampler) so runs are reproducible';

/** A stand-in for a shadowed global: calling it, or reading anything from it, fails with a clear message. */
function forbidden(name: string): unknown {
  // A plain function (not an arrow) so `new XMLHttpRequest()` reaches the construct trap.
  const fail = function (): never {
    throw new SimulatorError('forbidden', forbiddenMessage(name));
  };
  return new Proxy(fail, { get: fail, set: fail, apply: fail, construct: fail, has: () => false });
}

/** `Math` without `random`: programs draw randomness from `rng` so runs are reproducible. */
const SAFE_MATH: Math = Object.freeze(
  Object.assign(Object.create(null), Object.fromEntries(Object.getOwnPropertyNames(Math).map((k) => [k, (Math as never)[k]])), {
    random(): never {
      throw new SimulatorError('forbidden', MATH_RANDOM_MESSAGE);
    },
  }),
) as Math;

/**
 * Compiles a function from parameter names and a body, as `new Function(...params, body)` does. The vm
 * sandbox passes one that compiles inside its own realm, where `new Function` is switched off.
 */
export type CompileFunction = (params: readonly string[], body: string) => (...args: unknown[]) => unknown;

const nativeCompile: CompileFunction = (params, body) => new Function(...params, body) as (...args: unknown[]) => unknown;

/** Lines V8 (Node and Chromium) puts before the body of a `new Function`; measured once. */
let bodyLineOffset: number | undefined;

function measuredLineOffset(): number {
  if (bodyLineOffset === undefined) {
    try {
      new Function(`"use strict";throw new Error("probe")\n//# sourceURL=gsim-line-probe.js`)();
    } catch (e) {
      const m = /gsim-line-probe\.js:(\d+):/.exec((e as Error).stack ?? '');
      bodyLineOffset = m ? Number(m[1]) - 1 : 2;
    }
  }
  return bodyLineOffset ?? 2;
}

/**
 * An evaluator that compiles a program as the body of a function whose parameters shadow the forbidden
 * globals (and `Math`). Programs share the realm of the code that calls them, so it is only as isolated
 * as that realm: the studio runs it inside workers owned by an opaque-origin, CSP-locked iframe, Node
 * inside a vm context of its own (src/sandbox/node). `compile` defaults to `new Function`; `lineOffset`
 * is the number of lines `compile` puts before the body.
 */
export function createFunctionEvaluator(compile: CompileFunction = nativeCompile, lineOffset: () => number = measuredLineOffset): SandboxEvaluator {
  return {
    name: compile === nativeCompile ? 'function' : 'function (injected compile)',
    evaluate(source: string, sourceUrl: string): EvaluatedProgram {
      const body =
        '"use strict";' + // on the first body line so user line numbers keep a fixed offset
        source +
        '\n;return { parameters: typeof parameters === "undefined" ? undefined : parameters,' +
        ' step: typeof step === "undefined" ? undefined : step,' +
        ' initialState: typeof initialState === "undefined" ? undefined : initialState };' +
        `\n//# sourceURL=${sourceUrl}`;
      let factory: (...args: unknown[]) => unknown;
      try {
        factory = compile([...FORBIDDEN_GLOBALS, 'Math'], body);
      } catch (e) {
        // acorn accepted it but the engine did not (e.g. an engine-specific early error).
        throw new SimulatorError('syntax', `Syntax error: ${(e as Error).message}`);
      }
      return factory(...FORBIDDEN_GLOBALS.map(forbidden), SAFE_MATH) as EvaluatedProgram;
    },
    lineOffset,
  };
}

/** The default evaluator: `new Function` in the current realm (see createFunctionEvaluator). */
export const functionEvaluator: SandboxEvaluator = createFunctionEvaluator();
