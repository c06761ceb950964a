// Runs INSIDE a program's vm context (bundled by sandboxBundle.ts): the worker API with its evaluator
// compiling through the host. Only what this module returns is seen by the host; the host function it
// receives stays in this closure, out of reach of program code.
import { createSimWorkerApi, type SimWorkerApi } from '../../core/runtime/createSimWorkerApi.ts';
import { createFunctionEvaluator } from '../../core/sim/functionEvaluator.ts';
import { installSandboxEvaluator } from '../../core/sim/installedSandboxEvaluator.ts';

/**
 * Compiles `(function (<params>) { <body> })` in this context and returns it, or returns the engine's
 * error message (a string, so no host error object ever enters this realm).
 */
export type HostCompile = (params: string, body: string) => ((...args: unknown[]) => unknown) | string;

/** Installs the evaluator for this realm and makes the worker API that lives here. */
export function init(hostCompile: HostCompile): SimWorkerApi {
  installSandboxEvaluator(
    createFunctionEvaluator(
      (params, body) => {
        const fn = hostCompile(params.join(','), body);
        if (typeof fn === 'string') throw new SyntaxError(fn);
        return fn;
      },
      () => 0,
    ),
  );
  return createSimWorkerApi();
}
