// Node worker thread that runs simulator programs for the CLI and the benchmarks. A thin adapter
// (style P3): all logic lives in core's createSimWorkerApi; this file wires it to parentPort after
// installing the vm sandbox every program of this thread is evaluated in (README "Security").
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createSimWorkerApi } from '../../src/core/runtime/createSimWorkerApi.ts';
import { installNodeSandbox } from '../../src/sandbox/node/installNodeSandbox.ts';

if (!parentPort) throw new Error('workers/node/simWorker.ts must run as a worker thread');
installNodeSandbox('worker');
expose(createSimWorkerApi(), nodeEndpoint(parentPort));
