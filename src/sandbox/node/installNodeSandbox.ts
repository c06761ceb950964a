import { listEnvironments } from '../../core/envs/environments.ts';
import { installSandboxEvaluator } from '../../core/sim/installedSandboxEvaluator.ts';
import { createVmEvaluator } from './createVmEvaluator.ts';
import { guardMainProcess, guardWorkerProcess } from './guardWorkerProcess.ts';
import { trustedOnlyEvaluator } from './trustedOnlyEvaluator.ts';

/**
 * Sets up how this thread compiles simulator programs. A simulation worker ('worker') runs them in a
 * vm realm (createVmEvaluator). The `gsim` process ('main') compiles only the benchmarks' ground truths
 * it ships (trustedOnlyEvaluator): every other program runs in the isolated worker processes. Both keep
 * Node's error reporting away from program values (guardWorkerProcess.ts).
 */
export function installNodeSandbox(thread: 'worker' | 'main'): void {
  if (thread === 'worker') {
    installSandboxEvaluator(createVmEvaluator());
    guardWorkerProcess();
  } else {
    installSandboxEvaluator(trustedOnlyEvaluator(createVmEvaluator(), listEnvironments().map((e) => e.groundTruthSource)));
    guardMainProcess();
  }
}
