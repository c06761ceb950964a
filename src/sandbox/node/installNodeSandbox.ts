import { installSandboxEvaluator } from '../../core/sim/SandboxEvaluator.ts';
import { createVmEvaluator } from './createVmEvaluator.ts';
import { guardMainProcess, guardWorkerProcess } from './guardWorkerProcess.ts';

/**
 * Makes every simulator program this thread compiles run in a vm sandbox (createVmEvaluator), and
 * keeps Node's error reporting away from program values (guardWorkerProcess.ts). Called first thing by
 * the Node simulation worker ('worker') and by the `gsim` process ('main'), which compiles what-if
 * models, domain rules and cost expressions in its own thread.
 */
export function installNodeSandbox(thread: 'worker' | 'main'): void {
  installSandboxEvaluator(createVmEvaluator());
  if (thread === 'worker') guardWorkerProcess();
  else guardMainProcess();
}
