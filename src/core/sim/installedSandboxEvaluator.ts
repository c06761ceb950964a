import { functionEvaluator } from './functionEvaluator.ts';
import type { SandboxEvaluator } from './SandboxEvaluator.ts';

// The evaluator this thread compiles programs with: a slot of its own, so the interface file
// (SandboxEvaluator.ts) does not import an implementation that imports it back.
let installed: SandboxEvaluator = functionEvaluator;

/**
 * Makes `evaluator` the one every later `compileSimulator` call uses in this thread (domain rules and
 * cost expressions included). Called once by a worker's start-up code, before any program loads.
 */
export function installSandboxEvaluator(evaluator: SandboxEvaluator): void {
  installed = evaluator;
}

/** The evaluator programs compiled now will run in. */
export function currentSandboxEvaluator(): SandboxEvaluator {
  return installed;
}
