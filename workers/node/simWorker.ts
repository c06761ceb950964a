// Node worker thread that runs simulator programs for the CLI and the benchmarks. A thin adapter
// (style P3): all logic lives in core's createSimWorkerApi; this file wires it to parentPort and
// installs the vm sandbox every program of this thread is evaluated in (README "Security").
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createSimWorkerApi } from '../../src/core/runtime/createSimWorkerApi.ts';
import { installSandboxEvaluator } from '../../src/core/sim/SandboxEvaluator.ts';
import { createVmEvaluator } from '../../src/sandbox/node/createVmEvaluator.ts';
import { guardWorkerProcess } from '../../src/sandbox/node/guardWorkerProcess.ts';

if (!parentPort) throw new Error('workers/node/simWorker.ts must run as a worker thread');
guardWorkerProcess();
installSandboxEvaluator(createVmEvaluator());
expose(createSimWorkerApi(), nodeEndpoint(parentPort));
