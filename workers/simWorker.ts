// Browser module Web Worker that runs simulator programs off the main thread. A thin adapter
// (style P3): all logic lives in core's createSimWorkerApi. Terminating this worker is how the studio
// stops a program that loops forever.
import { expose } from 'comlink';
import { createSimWorkerApi } from '../src/core/runtime/createSimWorkerApi.ts';

expose(createSimWorkerApi());
