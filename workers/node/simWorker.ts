// Node worker thread that runs simulator programs for the CLI and the benchmarks. A thin adapter
// (style P3): the worker API (core's createSimWorkerApi) runs whole inside a vm sandbox, one fresh
// realm per loaded program (src/sandbox/node/createSandboxedWorkerApi.ts, README "Security"); this
// file wires it to parentPort.
import { parentPort, workerData } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createSandboxedWorkerApi } from '../../src/sandbox/node/createSandboxedWorkerApi.ts';
import { installNodeSandbox } from '../../src/sandbox/node/installNodeSandbox.ts';
import { sandboxBundleSource } from '../../src/sandbox/node/sandboxBundle.ts';

if (!parentPort) throw new Error('workers/node/simWorker.ts must run as a worker thread');
installNodeSandbox('worker');
const bundle = (workerData as { sandboxBundle?: string } | null)?.sandboxBundle ?? sandboxBundleSource();
expose(createSandboxedWorkerApi(bundle), nodeEndpoint(parentPort));
